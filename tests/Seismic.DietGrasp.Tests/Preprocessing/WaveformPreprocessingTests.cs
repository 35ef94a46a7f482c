using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Preprocessing;

/// <summary>Minute-by-minute preprocessing (classify --waveforms, evaluate, spectrogram options).</summary>
public sealed class WaveformPreprocessingTests
{
    [Fact]
    public void Each_minute_is_filtered_alone_as_scipys_sosfiltfilt_of_that_minute()
    {
        // classify's minutes have no margin: scipy's sosfiltfilt with its default odd padding on the minute itself.
        var record = Npy.ReadFloat32(TestPaths.TestData("Preprocessing", "record_100hz.npy")).Data;
        var expected = Npy.ReadFloat64(TestPaths.TestData("Preprocessing", "minute_100hz_hp1.npy")).Data;
        var minute = Enumerable.Repeat(record.Take(6000).Select(v => (double)v), 3).SelectMany(c => c).ToArray();
        var result = WaveformPreprocessing.Default.ApplyToMinutes(minute, 6000, 100, out var rate).ToArray();
        Assert.Equal(100, rate);
        var scale = expected.Max(Math.Abs);
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 6000; i++)
            {
                Assert.True(Math.Abs(result[(c * 6000) + i] - expected[i]) <= 1e-9 * scale, $"component {c}, sample {i}");
            }
        }
    }

    [Fact]
    public void None_leaves_the_samples_and_the_spectrogram_as_scipys()
    {
        var samples = Enumerable.Range(0, 3 * 6000).Select(i => Math.Sin(i * 0.37) + (i % 7)).ToArray();
        Assert.True(WaveformPreprocessing.None.IsNone);
        var memory = new ReadOnlyMemory<double>(samples);
        Assert.True(WaveformPreprocessing.None.ApplyToMinutes(memory, 6000, 100, out _).Equals(memory));
        Assert.Equal(DietSpectrogram.ComputeBatch(samples, SpectrogramParameters.SNet), DietSpectrogram.ComputeBatch(samples, 100, WaveformPreprocessing.None, out _));
        Assert.Throws<InvalidParameterException>(() => DietSpectrogram.ComputeBatch(new double[3 * 7680], 128, WaveformPreprocessing.None, out _));
    }

    [Fact]
    public void Resampling_gives_minutes_of_the_spectrogram_rate()
    {
        var samples = Enumerable.Range(0, 2 * 3 * 7680).Select(i => Math.Sin(i * 0.37)).ToArray();
        var result = (WaveformPreprocessing.Default with { HighPassCorner = 0 }).ApplyToMinutes(samples, 7680, 128, out var rate);
        Assert.Equal(125, rate);
        Assert.Equal(2 * 3 * 7500, result.Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.001)]
    public void Refuses_a_bad_corner(double corner) =>
        Assert.Throws<InvalidParameterException>(() => WaveformPreprocessing.Default with { HighPassCorner = corner });

    [Fact]
    public void A_corner_above_the_nyquist_frequency_is_refused() =>
        Assert.Throws<InvalidParameterException>(() => DietSpectrogram.ComputeBatch(new double[3 * 6000], 100, WaveformPreprocessing.Default with { HighPassCorner = 60 }, out _));
}
