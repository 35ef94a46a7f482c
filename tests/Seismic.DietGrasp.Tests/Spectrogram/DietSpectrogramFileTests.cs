using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Spectrogram;

public sealed class DietSpectrogramFileTests
{
    private static readonly SpectrogramParameters Rate = new(50);

    private static float[] Noise(int minutes)
    {
        var random = new Random(minutes);
        var data = new float[minutes * Rate.SamplesPerStationMinute];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(random.NextDouble() - 0.5);
        }
        return data;
    }

    [Fact]
    public void StreamsManyBlocksToTheSameBitsAsTheBatch()
    {
        // 300 station-minutes: more than one 256-minute block.
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Noise(300);
        var input = Path.Combine(folder, "W.npy");
        var output = Path.Combine(folder, "S.npy");
        Npy.Write(input, waveforms, new[] { 300, 3, 3000 });

        var result = DietSpectrogram.ComputeFile(input, output, Rate);

        Assert.Equal(300, result.StationMinutes);
        var written = Npy.ReadFloat32(output);
        Assert.Equal(new[] { 300, 73, 71, 3 }, written.Shape);
        var expected = DietSpectrogram.ComputeBatch(waveforms, Rate);
        Assert.Equal(expected, written.Data);
        Assert.Equal(expected.AsSpan(0, 15549).ToArray(), result.FirstSpectrogram.ToArray());
    }

    [Fact]
    public void ABadMinuteInALaterBlockIsNamedByItsIndexInTheFileAndNothingIsWritten()
    {
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Noise(300).Select(v => (double)v).ToArray();
        waveforms[(270 * 9000) + 3000 + 7] = double.PositiveInfinity;
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, waveforms, new[] { 300, 3, 3000 });
        var output = Path.Combine(folder, "S.npy");

        var e = Assert.Throws<InvalidFileException>(() => DietSpectrogram.ComputeFile(input, output, Rate));

        Assert.Equal(input, e.FilePath);
        Assert.Contains("station-minute 270: component VY, sample 7: +infinity", e.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { input }, Directory.GetFiles(folder));
    }

    [Fact]
    public void ATruncatedWaveformFileIsRefusedAndNothingIsWritten()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, Noise(2), new[] { 2, 3, 3000 });
        var bytes = File.ReadAllBytes(input);
        File.WriteAllBytes(input, bytes.Take(bytes.Length - 100).ToArray());
        var output = Path.Combine(folder, "S.npy");

        var e = Assert.Throws<InvalidFileException>(() => DietSpectrogram.ComputeFile(input, output, Rate));

        Assert.Contains("truncated data", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void ShapesThatAreNotStationMinutesAreRefused()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, new float[2 * 3000], new[] { 2, 3000 });
        var e = Assert.Throws<InvalidFileException>(() => DietSpectrogram.ComputeFile(input, Path.Combine(folder, "S.npy"), Rate));
        Assert.Contains("expected [M, 3, 3000] or [3, 3000]", e.Message, StringComparison.Ordinal);
        Assert.Contains("got shape (2, 3000)", e.Message, StringComparison.Ordinal);
    }
}
