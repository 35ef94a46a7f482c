using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

public sealed class SpectrogramMinuteTests
{
    [Fact]
    public void MinuteChoosesTheStationMinuteOfThePicture()
    {
        var folder = TestPaths.NewScratchFolder();
        var output = Path.Combine(folder, "S.npy");
        var picture = Path.Combine(folder, "S.png");
        var input = TestPaths.TestData("Spectrogram", "input_50hz.npy");

        var result = CliRunner.Run("spectrogram", "--input", input, "--fs", "50", "--out", output, "--png", picture, "--minute", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("station-minute 3", result.Output, StringComparison.Ordinal);
        var reference = Npy.ReadFloat32(TestPaths.TestData("Spectrogram", "reference_50hz.npy"));
        var expected = SpectrogramPlot.RenderPng(reference.Data.AsSpan(3 * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount), "input_50hz.npy, station-minute 3");
        Assert.Equal(expected, File.ReadAllBytes(picture));
        var first = SpectrogramPlot.RenderPng(reference.Data.AsSpan(0, SpectrogramParameters.ValueCount), "input_50hz.npy, station-minute 3");
        Assert.NotEqual(first, File.ReadAllBytes(picture));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    public void AMinuteOutsideTheInputIsAUsageErrorBeforeAnyWork(string minute)
    {
        var folder = TestPaths.NewScratchFolder();
        var input = TestPaths.TestData("Spectrogram", "input_50hz.npy");
        var result = CliRunner.Run("spectrogram", "--input", input, "--fs", "50", "--out", Path.Combine(folder, "S.npy"), "--png", Path.Combine(folder, "S.png"), "--minute", minute);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--minute", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void MinuteWithoutPngIsAUsageError()
    {
        var folder = TestPaths.NewScratchFolder();
        var result = CliRunner.Run("spectrogram", "--input", TestPaths.TestData("Spectrogram", "input_50hz.npy"), "--fs", "50", "--out", Path.Combine(folder, "S.npy"), "--minute", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--png", result.Error, StringComparison.Ordinal);
    }
}
