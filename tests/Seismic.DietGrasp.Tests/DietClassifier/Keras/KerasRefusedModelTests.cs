using Seismic.DietGrasp.DietClassifier.Keras;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier.Keras;

/// <summary>Files the converter must refuse: one <see cref="InvalidFileException"/> that says what and where.</summary>
public sealed class KerasRefusedModelTests
{
    [Fact]
    public void UnsupportedLayerIsNamedWithItsClassAndTheSupportedList()
    {
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.Read(KerasFixtures.Path("refused", "unsupported-lstm.h5")));
        Assert.Contains("layer 'lstm' (LSTM)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported; supported: InputLayer, Conv1D, Conv2D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingWeightsAreNamed()
    {
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.Read(KerasFixtures.Path("refused", "missing-weights.h5")));
        Assert.Contains("layer 'dense_2' (Dense): no weights in the file (the config needs kernel [3, 2], bias [2])", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisshapenWeightsAreNamed()
    {
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.Read(KerasFixtures.Path("refused", "shape-mismatch.h5")));
        Assert.Contains("layer 'conv' (Conv2D): kernel 'conv/kernel:0' has shape [3, 3, 3, 4] in the file; the config needs [3, 3, 2, 4]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diet-standin-keras2.h5", 0.5)]
    [InlineData("diet-standin-keras2.h5", 0.95)]
    [InlineData("diet-standin-keras3.keras", 0.5)]
    public void TruncatedFileIsRefused(string file, double keep)
    {
        var bytes = File.ReadAllBytes(KerasFixtures.Path("diet", file));
        var truncated = bytes.AsSpan(0, (int)(bytes.Length * keep)).ToArray();
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.Read(new MemoryStream(truncated), "cut.h5"));
        Assert.StartsWith("cut.h5: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightsOfAnotherModelAreRefused()
    {
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.ReadWeightsAndConfig(
            KerasFixtures.Path("real", "KERAS_conv1d_small_weights.h5"), KerasFixtures.Path("real", "KERAS_conv2d_model.json")));
        Assert.Contains("conv2d_1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightsOnlyFileWithoutConfigSaysSo()
    {
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.Read(KerasFixtures.Path("real", "KERAS_conv2d_model_weights.h5")));
        Assert.Contains("weights-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownActivationIsNamedWithTheSupportedList()
    {
        const string Config = """
            {"class_name": "Model", "config": {"name": "m", "layers": [
              {"class_name": "InputLayer", "name": "input", "config": {"name": "input", "batch_input_shape": [null, 4, 5]}, "inbound_nodes": []},
              {"class_name": "Dense", "name": "dense", "config": {"name": "dense", "units": 3, "activation": "my_activation"}, "inbound_nodes": [[["input", 0, 0, {}]]]}],
              "input_layers": [["input", 0, 0]], "output_layers": [["dense", 0, 0]]}}
            """;
        using var weights = File.OpenRead(KerasFixtures.Path("layers", "dense_rank3_gelu.h5"));
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.ReadWeightsAndConfig(weights, Config, "w.h5"));
        Assert.Contains("layer 'dense' (Dense): activation 'my_activation' is not supported; supported: linear, relu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenConfigIsNamed()
    {
        using var weights = File.OpenRead(KerasFixtures.Path("layers", "dense_rank3_gelu.h5"));
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.ReadWeightsAndConfig(weights, "{\"class_name\": ", "w.h5"));
        Assert.Contains("w.h5 (config): the model config is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherFilesAreNotKerasModels()
    {
        Assert.False(KerasModel.IsKerasFile(Path.Combine(AppContext.BaseDirectory, "Seismic.DietGrasp.dll")));
        var error = Assert.Throws<InvalidFileException>(() => KerasModel.Read(new MemoryStream(new byte[] { 8, 8, 18, 4 }), "model.onnx"));
        Assert.Contains("not a Keras model file", error.Message, StringComparison.Ordinal);
    }
}
