using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Spectrogram;

public sealed class SpectrogramParametersTests
{
    [Fact]
    public void AxesAreTwoToTwentyHzAndTwoToFiftyEightSeconds()
    {
        var f = SpectrogramParameters.FrequencyAxis;
        var t = SpectrogramParameters.TimeAxis;
        Assert.Equal(73, f.Count);
        Assert.Equal(71, t.Count);
        Assert.Equal(2.0, f[0]);
        Assert.Equal(8.0, f[24]); // the README: index 24 is 8 Hz
        Assert.Equal(20.0, f[72]);
        Assert.Equal(2.0, t[0]);
        Assert.Equal(2.8, t[1], 12);
        Assert.Equal(58.0, t[70], 12);
        Assert.Equal(new[] { "VX", "VY", "VZ" }, SpectrogramParameters.ComponentNames);
        Assert.Equal(15549, SpectrogramParameters.ValueCount);
        Assert.Equal((((5 * 71) + 7) * 3) + 2, SpectrogramParameters.IndexOf(5, 7, 2));
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
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * (-1 + (2.0 * 25 / 0.25 / 400)))), w[25], 15);
        Assert.Equal(w[1], w[399], 14); // periodic: w[n] = w[N - n]
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
