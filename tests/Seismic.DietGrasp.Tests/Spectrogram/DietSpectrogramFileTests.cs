using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Tests.Platform;
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

    /// <summary>ComputeFile must refuse the input, naming it and the problem, and leave nothing beside it.</summary>
    private static void AssertRefusedLeavingOnlyTheInput(string input, string expected)
    {
        var folder = Path.GetDirectoryName(input)!;
        var e = Assert.Throws<InvalidFileException>(() => DietSpectrogram.ComputeFile(input, Path.Combine(folder, "S.npy"), Rate));
        Assert.Equal(input, e.FilePath);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { input }, Directory.GetFiles(folder));
    }

    [Fact]
    [Trait("Category", "Slow")] // 15 s in the full run of 2026-12-03 (shared 2-core machine, load about 50)
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
    [Trait("Category", "Slow")] // 12 s in the full run of 2026-12-03 (shared 2-core machine, load about 50)
    public void ABadMinuteInALaterBlockIsNamedByItsIndexInTheFileAndNothingIsWritten()
    {
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Noise(300).Select(v => (double)v).ToArray();
        waveforms[(270 * 9000) + 3000 + 7] = double.PositiveInfinity;
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, waveforms, new[] { 300, 3, 3000 });

        AssertRefusedLeavingOnlyTheInput(input, "station-minute 270: component VY, sample 7: +infinity");
    }

    [Fact]
    public void ATruncatedWaveformFileIsRefusedAndNothingIsWritten()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, Noise(2), new[] { 2, 3, 3000 });
        var bytes = File.ReadAllBytes(input);
        File.WriteAllBytes(input, bytes.Take(bytes.Length - 100).ToArray());

        AssertRefusedLeavingOnlyTheInput(input, "truncated data");
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

    [Fact]
    public void TheEarliestOfSeveralBadMinutesIsNamedWhateverTheWorkersFinishFirst()
    {
        // Chunks of 16 minutes are computed in parallel: every later chunk fails at its first minute,
        // long before the first chunk reaches its bad last minute, 15.
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Noise(300);
        for (var minute = 16; minute < 300; minute++)
        {
            waveforms[minute * 9000] = float.NaN;
        }
        waveforms[(15 * 9000) + 6000 + 9] = float.PositiveInfinity;
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, waveforms, new[] { 300, 3, 3000 });

        AssertRefusedLeavingOnlyTheInput(input, "station-minute 15: component VZ, sample 9: +infinity");
    }

    [Fact]
    public void AFileTruncatedInALaterChunkReportsTheBytesItHasAndNothingIsWritten()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, Noise(100), new[] { 100, 3, 3000 });
        var dataOffset = Npy.ReadHeader(input).DataOffset;
        var kept = (70 * 9000 * sizeof(float)) + 1234;
        File.WriteAllBytes(input, File.ReadAllBytes(input).Take((int)dataOffset + kept).ToArray());

        AssertRefusedLeavingOnlyTheInput(input, $"needs {100 * 9000 * sizeof(float)} bytes after the header, the file has {kept} ");
    }

    [Fact]
    public void CancellationStopsTheFileAndLeavesNothingBehind()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, Noise(40), new[] { 40, 3, 3000 });
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DietSpectrogram.ComputeFile(input, Path.Combine(folder, "S.npy"), Rate, cancel.Token));

        Assert.Equal(new[] { input }, Directory.GetFiles(folder));
    }

    [Fact]
    public void BigEndianFloat64InputGivesTheSameBitsAsTheBatch()
    {
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Noise(20).Select(v => (double)v).ToArray();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, waveforms, new[] { 20, 3, 3000 });
        var bytes = File.ReadAllBytes(input);
        var dataOffset = (int)Npy.ReadHeader(input).DataOffset;
        var descr = Array.IndexOf(bytes, (byte)'<');
        bytes[descr] = (byte)'>';
        for (var i = dataOffset; i < bytes.Length; i += sizeof(double))
        {
            Array.Reverse(bytes, i, sizeof(double));
        }
        File.WriteAllBytes(input, bytes);
        Assert.True(Npy.ReadHeader(input).IsBigEndian);
        var output = Path.Combine(folder, "S.npy");

        DietSpectrogram.ComputeFile(input, output, Rate);

        Assert.Equal(DietSpectrogram.ComputeBatch(waveforms, Rate), Npy.ReadFloat32(output).Data);
    }

    [UnixFact]
    public async Task AForwardOnlyInputSuchAsAPipeIsReadInOrder()
    {
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Noise(40);
        var regular = Path.Combine(folder, "W.npy");
        Npy.Write(regular, waveforms, new[] { 40, 3, 3000 });
        var pipe = Path.Combine(folder, "pipe.npy");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var feed = Task.Run(() =>
        {
            using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
            writer.Write(File.ReadAllBytes(regular));
        });
        var output = Path.Combine(folder, "S.npy");

        var result = DietSpectrogram.ComputeFile(pipe, output, Rate);

        await feed;
        Assert.Equal(40, result.StationMinutes);
        Assert.Equal(DietSpectrogram.ComputeBatch(waveforms, Rate), Npy.ReadFloat32(output).Data);
    }
}
