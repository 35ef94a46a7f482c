using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Preprocessing;

/// <summary>The resampler against scipy's resample_poly, and the choice of rate.</summary>
public sealed class PolyphaseResamplerTests
{
    private static double[] LoadFloat32(string name) => Npy.ReadFloat32(TestPaths.TestData("Preprocessing", name)).Data.Select(v => (double)v).ToArray();

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-10 * scale, $"sample {i}: {actual[i]} vs scipy {expected[i]}");
        }
    }

    [Fact]
    public void From_128_to_125_hz_equals_scipys_resample_poly()
    {
        var resampler = new PolyphaseResampler(125, 128);
        var output = resampler.Resample(LoadFloat32("record_128hz.npy"));
        AssertClose(Npy.ReadFloat64(TestPaths.TestData("Preprocessing", "record_128hz_to_125.npy")).Data, output);
    }

    [Fact]
    public void Up_5_down_4_equals_scipys_resample_poly()
    {
        var resampler = new PolyphaseResampler(10, 8);
        Assert.Equal(5, resampler.Up);
        Assert.Equal(4, resampler.Down);
        var output = resampler.Resample(LoadFloat32("record_100hz.npy").AsSpan(0, 6000));
        AssertClose(Npy.ReadFloat64(TestPaths.TestData("Preprocessing", "record_100hz_up5_down4.npy")).Data, output);
    }

    [Fact]
    public void Part_of_the_output_equals_the_same_samples_of_the_whole()
    {
        var resampler = new PolyphaseResampler(125, 128);
        var input = LoadFloat32("record_128hz.npy");
        var whole = resampler.Resample(input);
        var part = new double[100];
        resampler.Resample(input, 0, input.Length, 3000, part);
        Assert.Equal(whole.AsSpan(3000, 100).ToArray(), part);
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(125, 125)]
    [InlineData(41.25, 41.25)]
    [InlineData(128, 125)]
    [InlineData(44.1, 40)]
    [InlineData(256, 255)]
    [InlineData(40, 40)]
    public void Chooses_the_spectrogram_rate(double rate, double expected) => Assert.Equal(expected, SpectrogramRate.For(rate));

    [Theory]
    [InlineData(39.9)]
    [InlineData(20)]
    [InlineData(double.NaN)]
    public void Refuses_rates_below_40_hz(double rate) => Assert.Throws<InvalidParameterException>(() => SpectrogramRate.For(rate));

    [Fact]
    public void Finds_the_ratio()
    {
        var resampler = SpectrogramRate.Resampler(128, 125);
        Assert.Equal((125, 128), (resampler.Up, resampler.Down));
        resampler = SpectrogramRate.Resampler(44.1, 40);
        Assert.Equal((400, 441), (resampler.Up, resampler.Down));
        Assert.Throws<InvalidParameterException>(() => SpectrogramRate.Resampler(100.000123457, 100));
    }
}
