using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

public sealed class ConvertKerasCommandTests
{
    private static string Keras(params string[] parts) => TestPaths.TestData(new[] { "Keras" }.Concat(parts).ToArray());

    [Fact]
    public void ConvertsAndPrintsTheLayerTableThenClassifyRunsTheResultAndTheKerasFileAlike()
    {
        var folder = TestPaths.NewScratchFolder();
        var onnx = Path.Combine(folder, "diet.onnx");
        var result = CliRunner.Run("convert-keras", "--input", Keras("diet", "diet-standin-keras2.h5"), "--out", onnx);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("conv_0 (Conv2D)", result.Output, StringComparison.Ordinal);
        Assert.Contains("input:  spectrogram (None, 73, 71, 3)", result.Output, StringComparison.Ordinal);
        Assert.Contains("output: probabilities (None, 3)", result.Output, StringComparison.Ordinal);
        Assert.Contains("parameters: 17,843", result.Output, StringComparison.Ordinal);

        var spectrograms = Keras("diet", "diet.input.npy");
        var fromOnnx = Path.Combine(folder, "onnx.csv");
        var fromH5 = Path.Combine(folder, "h5.csv");
        var fromKeras3 = Path.Combine(folder, "keras3.csv");
        Assert.Equal(0, CliRunner.Run("classify", "--spectrograms", spectrograms, "--out", fromOnnx, "--model", onnx).ExitCode);
        Assert.Equal(0, CliRunner.Run("classify", "--spectrograms", spectrograms, "--out", fromH5, "--model", Keras("diet", "diet-standin-keras2.h5")).ExitCode);
        Assert.Equal(0, CliRunner.Run("classify", "--spectrograms", spectrograms, "--out", fromKeras3, "--model", Keras("diet", "diet-standin-keras3.keras")).ExitCode);
        Assert.Equal(File.ReadAllText(fromOnnx), File.ReadAllText(fromH5));
        Assert.Equal(File.ReadAllText(fromOnnx), File.ReadAllText(fromKeras3));
        Assert.Equal(4, File.ReadAllLines(fromH5).Length); // header and three spectrograms
    }

    [Fact]
    public void WeightsWithConfigConvert()
    {
        var folder = TestPaths.NewScratchFolder();
        var onnx = Path.Combine(folder, "resnet.onnx");
        var result = CliRunner.Run("convert-keras", "--weights", Keras("real", "toyresnet_weights.h5"), "--config", Keras("real", "toyresnet.json"), "--out", onnx);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("add_8 (Add)", result.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(onnx).Length > 800_000);
    }

    [Theory]
    [InlineData("unsupported-lstm.h5", "layer 'lstm' (LSTM)")]
    [InlineData("missing-weights.h5", "layer 'dense_2' (Dense): no weights")]
    [InlineData("shape-mismatch.h5", "layer 'conv' (Conv2D): kernel")]
    public void RefusedModelGivesOneErrorLineAndWritesNothing(string file, string message)
    {
        var folder = TestPaths.NewScratchFolder();
        var onnx = Path.Combine(folder, "model.onnx");
        var result = CliRunner.Run("convert-keras", "--input", Keras("refused", file), "--out", onnx);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void ClassifyWithANonDietKerasModelReportsTheContract()
    {
        var folder = TestPaths.NewScratchFolder();
        var output = Path.Combine(folder, "P.csv");
        var result = CliRunner.Run("classify", "--spectrograms", Keras("diet", "diet.input.npy"), "--out", output, "--model", Keras("real", "xor_model.h5"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DiET expects one float32 input [N, 73, 71, 3]", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void UsageErrors()
    {
        Assert.Equal(2, CliRunner.Run("convert-keras", "--out", "M.onnx").ExitCode);
        Assert.Equal(2, CliRunner.Run("convert-keras", "--input", "M.h5", "--weights", "W.h5", "--config", "C.json", "--out", "M.onnx").ExitCode);
        Assert.Equal(2, CliRunner.Run("convert-keras", "--weights", "W.h5", "--out", "M.onnx").ExitCode);
    }
}
