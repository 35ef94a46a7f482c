using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

public class WaveformCommandTests
{
    [Fact]
    public void WritesFloat64SamplesAndPrintsTheHeader()
    {
        var output = System.IO.Path.Combine(TestPaths.NewScratchFolder(), "x.npy");
        var result = CliRunner.Run("waveform", "--input", Path("test.mseed"), "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("network: IU", result.Output, StringComparison.Ordinal);
        Assert.Contains("station: COLA", result.Output, StringComparison.Ordinal);
        Assert.Contains("channel: LHZ", result.Output, StringComparison.Ordinal);
        Assert.Contains("start: 2010-02-27T06:50:00.069539Z", result.Output, StringComparison.Ordinal);
        Assert.Contains("sampling rate: 1 Hz", result.Output, StringComparison.Ordinal);
        Assert.Contains("samples: 4200", result.Output, StringComparison.Ordinal);

        var written = Npy.ReadFloat64(output);
        Assert.Equal(new[] { 4200 }, written.Shape);
        var expected = WaveformFile.ReadSingleTrace(Path("test.mseed.expected.sac"));
        Assert.Equal(Samples(expected), written.Data.ToArray());
    }

    [Fact]
    public void RefusesSeveralTracesInOneLine()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = System.IO.Path.Combine(folder, "two.mseed");
        File.WriteAllBytes(input, File.ReadAllBytes(Path("int16_le_512.mseed")).Concat(File.ReadAllBytes(Path("test.mseed"))).ToArray());
        var output = System.IO.Path.Combine(folder, "x.npy");
        var result = CliRunner.Run("waveform", "--input", input, "--out", output);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(input, line, StringComparison.Ordinal);
        Assert.Contains("holds 2 traces (2 channels", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void CorruptFileIsOneLineNamingTheRecord()
    {
        var input = BrokenCopy("ints_le_e11_be_1024.mseed", bytes => bytes.Take(1500).ToArray());
        var result = CliRunner.Run("waveform", "--input", input, "--out", System.IO.Path.Combine(TestPaths.NewScratchFolder(), "x.npy"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("miniSEED record 1 (byte offset 1024)", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
