using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

public sealed class SpectrogramCommandTests
{
    [Fact]
    public void WritesSpectrogramsEqualToTheLibrarysAndAPicture()
    {
        var folder = TestPaths.NewScratchFolder();
        var output = Path.Combine(folder, "S.npy");
        var picture = Path.Combine(folder, "S.png");
        var input = TestPaths.TestData("Spectrogram", "input_50hz.npy");

        var result = CliRunner.Run("spectrogram", "--input", input, "--fs", "50", "--out", output, "--png", picture);

        Assert.True(result.ExitCode == 0, result.Error);
        var spectrograms = Npy.ReadFloat32(output);
        Assert.Equal(new[] { 5, 73, 71, 3 }, spectrograms.Shape);
        var reference = Npy.ReadFloat32(TestPaths.TestData("Spectrogram", "reference_50hz.npy"));
        Assert.Equal(reference.Data, spectrograms.Data);
        var png = File.ReadAllBytes(picture);
        Assert.True(png.Length > 10_000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));
    }

    [Fact]
    public void ATwoDimensionalInputGivesOneSpectrogram()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        var all = Npy.ReadFloat64(TestPaths.TestData("Spectrogram", "input_100hz.npy"));
        Npy.Write(input, all.Data.AsMemory(0, 18000), new[] { 3, 6000 });
        var output = Path.Combine(folder, "S.npy");

        var result = CliRunner.Run("spectrogram", "--input", input, "--fs", "100", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var spectrogram = Npy.ReadFloat32(output);
        Assert.Equal(new[] { 1, 73, 71, 3 }, spectrogram.Shape);
        // The first case of the scipy reference (tools/spectrogram/make_reference.py), not the library's own result.
        var reference = Npy.ReadFloat32(TestPaths.TestData("Spectrogram", "reference_100hz.npy"));
        Assert.Equal(reference.Data.Take(SpectrogramParameters.ValueCount), spectrogram.Data);
    }

    [Theory]
    [InlineData("nan", "100", "station-minute 1: component VY, sample 10: NaN")]
    [InlineData("shape", "100", "expected [M, 3, 6000] or [3, 6000]")]
    [InlineData("rate", "50", "6000 samples per component instead of 3000 (wrong sampling rate?)")]
    [InlineData("fs", "101", "--fs: at 101 Hz")]
    public void BadInputFailsWithOneLineAndNoOutput(string problem, string fs, string expected)
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        var data = new double[2 * 18000];
        var random = new Random(1);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble();
        }
        if (problem == "nan")
        {
            data[18000 + 6000 + 10] = double.NaN;
        }
        Npy.Write(input, data, problem == "shape" ? new[] { 2, 18000 } : new[] { 2, 3, 6000 });
        var output = Path.Combine(folder, "S.npy");

        var result = CliRunner.Run("spectrogram", "--input", input, "--fs", fs, "--out", output, "--png", Path.Combine(folder, "S.png"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.StartsWith("dietgrasp spectrogram: ", line, StringComparison.Ordinal);
        if (problem != "fs")
        {
            Assert.Contains(input, line, StringComparison.Ordinal);
        }
        Assert.Equal(new[] { input }, Directory.GetFiles(folder));
    }

    [Fact]
    public void Highpass_and_resample_are_options_off_by_default()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        var samples = Enumerable.Range(0, 3 * 7680).Select(i => Math.Sin(i * 0.37) + (30 * Math.Sin(i * 0.01))).ToArray();
        Npy.Write(input, samples, new[] { 3, 7680 });
        var output = Path.Combine(folder, "S.npy");

        // 128 Hz is not a rate the spectrogram takes: refused as it is, accepted with --resample.
        Assert.Equal(1, CliRunner.Run("spectrogram", "--input", input, "--fs", "128", "--out", output).ExitCode);
        var result = CliRunner.Run("spectrogram", "--input", input, "--fs", "128", "--out", output, "--resample", "--highpass", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("128 Hz resampled to 125 Hz", result.Error, StringComparison.Ordinal);
        var expected = DietSpectrogram.ComputeBatch(samples, 128, Seismic.DietGrasp.Preprocessing.WaveformPreprocessing.Default, out _);
        Assert.Equal(expected, Npy.ReadFloat32(output).Data);

        // At a rate it takes, --highpass alone filters; without it the output is the plain spectrogram.
        var at125 = samples.Take(3 * 7500).ToArray();
        Npy.Write(input, at125, new[] { 3, 7500 });
        Assert.Equal(0, CliRunner.Run("spectrogram", "--input", input, "--fs", "125", "--out", output).ExitCode);
        Assert.Equal(DietSpectrogram.ComputeBatch(at125, new SpectrogramParameters(125)), Npy.ReadFloat32(output).Data);
        Assert.Equal(0, CliRunner.Run("spectrogram", "--input", input, "--fs", "125", "--out", output, "--highpass", "1").ExitCode);
        Assert.Equal(DietSpectrogram.ComputeBatch(at125, 125, Seismic.DietGrasp.Preprocessing.WaveformPreprocessing.Default, out _), Npy.ReadFloat32(output).Data);
    }
}
