using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Spectrogram;

public sealed class SpectrogramParametersTests
{
    [Fact]
    public void AxesAreScipysTwoToTwentyHzAndTwoToFiftyEightSeconds()
    {
        // scipy.signal.spectrogram's f (the 73 kept) and t at 100 Hz, written by tools/spectrogram/make_reference.py.
        var scipy = File.ReadAllLines(TestPaths.TestData("Spectrogram", "axes.txt"))
            .Select(line => line.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        Assert.Equal(scipy[0], SpectrogramParameters.FrequencyAxis);
        // scipy computes t = (nperseg / 2 + k hop) / fs, the library 2 + 0.8 k: they differ in the last bit (6.8 at k = 6).
        Assert.Equal(scipy[1].Length, SpectrogramParameters.TimeAxis.Count);
        Assert.All(scipy[1].Zip(SpectrogramParameters.TimeAxis), pair => Assert.Equal(pair.First, pair.Second, 1e-12));
        Assert.Equal(8.0, SpectrogramParameters.FrequencyAxis[24]); // the README: index 24 is 8 Hz
        Assert.Equal(new[] { "VX", "VY", "VZ" }, SpectrogramParameters.ComponentNames);
        Assert.Equal(15549, SpectrogramParameters.ValueCount);
        // numpy.ravel_multi_index((5, 7, 2), (73, 71, 3)): the [frequency, time, component] layout of the .npy files.
        Assert.Equal(1088, SpectrogramParameters.IndexOf(5, 7, 2));
        Assert.Equal(15548, SpectrogramParameters.IndexOf(72, 70, 2));
    }

    [Theory]
    [InlineData(100.0, 400, 80, 6000)]
    [InlineData(200.0, 800, 160, 12000)]
    [InlineData(50.0, 200, 40, 3000)]
    [InlineData(41.25, 165, 33, 2475)]
    [InlineData(40.0, 160, 32, 2400)]
    public void SegmentsFollowFromTheRate(double rate, int segment, int hop, int minute)
    {
        var parameters = new SpectrogramParameters(rate);
        Assert.Equal(segment, parameters.SegmentLength);
        Assert.Equal(hop, parameters.HopLength);
        Assert.Equal(segment - hop, parameters.OverlapLength);
        Assert.Equal(minute, parameters.SamplesPerMinute);
        Assert.Equal(3 * minute, parameters.SamplesPerStationMinute);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-100.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(101.0)] // 0.8 s = 80.8 samples
    [InlineData(100.1)] // 4 s = 400.4 samples
    [InlineData(20.0)] // Nyquist 10 Hz < 20 Hz
    public void RatesThatCannotMakeTheImageAreRefused(double rate)
    {
        var e = Assert.Throws<InvalidParameterException>(() => new SpectrogramParameters(rate));
        Assert.Equal("sampling_freq", e.ParameterName);
        Assert.Contains("Hz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodicTukeyWindowMatchesScipyAtKnownPoints()
    {
        // scipy.signal.get_window(('tukey', 0.25), 400): 50-sample cosine tapers, flat 1 between.
        var w = SpectrogramKernel.PeriodicTukey(400, 0.25);
        Assert.Equal(0.0, w[0]);
        Assert.Equal(1.0, w[50]);
        Assert.Equal(1.0, w[350]);
        // Values printed by scipy 1.10 (repr), not computed here with the code's own formula.
        Assert.Equal(0.5, w[25], 15);
        Assert.Equal(0.0009866357858642205, w[1], 15);
        Assert.Equal(0.000986635785864165, w[399], 15);
        Assert.Equal(0.9990133642141358, w[49], 15);
    }
}

public sealed class VectorLog10Tests
{
    [Fact]
    public void AgreesWithMathLog10AcrossTheRangeOfPowers()
    {
        var random = new Random(11);
        var lanes = System.Runtime.Intrinsics.Vector512<double>.Count;
        var worst = 0.0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var values = new double[lanes];
            for (var l = 0; l < lanes; l++)
            {
                values[l] = Math.Pow(10, (random.NextDouble() * 80) - 40);
            }
            values[0] = trial switch { 0 => 1e-30, 1 => 1.0, 2 => Math.Sqrt(2), 3 => double.MaxValue, 4 => 2.0, _ => values[0] };
            var logs = SpectrogramKernel.VectorLog10(System.Runtime.Intrinsics.Vector512.Create(values));
            for (var l = 0; l < lanes; l++)
            {
                worst = Math.Max(worst, Math.Abs(logs[l] - Math.Log10(values[l])));
            }
        }
        Assert.True(worst < 1e-12, $"worst absolute error {worst:E2}");
    }
}
