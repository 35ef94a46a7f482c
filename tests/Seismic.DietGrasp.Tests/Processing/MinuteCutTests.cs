using Seismic.DietGrasp.Processing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// The minute cut's arithmetic (issue #18): the three sums in one loop and the vector mean removal give the same
/// doubles, bit for bit, as the plain loops they replaced, at every length (vector tails included) and on awkward values.
/// </summary>
public class MinuteCutTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(6000)]
    [InlineData(18001)]
    public void SumsAndMeanRemovalEqualThePlainLoops(int length)
    {
        var random = new Random(length);
        var components = new double[3][];
        for (var c = 0; c < 3; c++)
        {
            // Magnitudes over many orders, so that the order of the additions shows in the last bits.
            components[c] = Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-8, 12))).ToArray();
        }
        var sums = new double[3];
        StationHourClassifier.SumInOrder(components[0], components[1], components[2], sums);
        for (var c = 0; c < 3; c++)
        {
            var sum = 0.0;
            foreach (var sample in components[c])
            {
                sum += sample;
            }
            Assert.Equal(BitConverter.DoubleToInt64Bits(sum), BitConverter.DoubleToInt64Bits(sums[c]));

            var mean = length == 0 ? 0 : sum / length;
            var scale = 1 / 1.2345e9;
            var expected = components[c].Select(sample => (sample - mean) * scale).ToArray();
            var actual = new double[length];
            StationHourClassifier.RemoveMeanAndScale(components[c], mean, scale, actual);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void NonFiniteSamplesGiveTheSameNonFiniteSums()
    {
        var x = new[] { 1.0, double.MaxValue, double.MaxValue, -1 };
        var y = new[] { 1.0, double.NaN, 2, 3 };
        var z = new[] { double.NegativeInfinity, 1, 2, 3 };
        var sums = new double[3];
        StationHourClassifier.SumInOrder(x, y, z, sums);
        Assert.Equal(double.PositiveInfinity, sums[0]);
        Assert.True(double.IsNaN(sums[1]));
        Assert.Equal(double.NegativeInfinity, sums[2]);
    }
}
