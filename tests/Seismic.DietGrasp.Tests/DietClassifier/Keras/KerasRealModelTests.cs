using Seismic.DietGrasp.DietClassifier.Keras;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier.Keras;

/// <summary>Keras files made by other people (TestData/Keras/real/README.md gives their provenance) against the numpy reference.</summary>
public sealed class KerasRealModelTests
{
    public static TheoryData<string> RealCases => KerasFixtures.Cases("real");

    [Theory]
    [MemberData(nameof(RealCases))]
    public void ConvertedRealModelMatchesTheNumpyReference(string name)
    {
        var model = Read(name);
        var difference = KerasFixtures.MaxDifference(model, "real", name);
        Assert.True(difference <= KerasFixtures.Tolerance, $"{name}: max |ONNX - numpy| = {difference:E2}");
    }

    [Fact]
    public void KerasTwoXorModelGivesXor()
    {
        // mattn/mruby-tflite trained it on XOR; its example prints values near 0, 1, 1, 0.
        var model = Read("mruby-tflite-xor");
        Assert.Equal(KerasFileFormat.Keras2Hdf5, model.Format);
        Assert.Equal("2.2.4", model.KerasVersion);
        var (values, _) = KerasFixtures.Run(model.ToOnnx(), new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, new[] { 4, 2 });
        Assert.True(values[0] < 0.5 && values[1] > 0.5 && values[2] > 0.5 && values[3] < 0.5, string.Join(", ", values));
    }

    [Fact]
    public void FormatsAndShapesAreReported()
    {
        var keras3 = Read("alibi-iris-ffn-keras3");
        Assert.Equal(KerasFileFormat.Keras3Archive, keras3.Format);
        Assert.Equal("3.7.0", keras3.KerasVersion);
        Assert.Equal(new int?[] { null, 4 }, keras3.Inputs[0].OutputShape);
        Assert.Equal(new int?[] { null, 3 }, keras3.Outputs[0].OutputShape);
        var resnet = Read("kotlindl-toyresnet");
        Assert.Equal(KerasFileFormat.WeightsWithConfig, resnet.Format);
        Assert.Equal(new int?[] { null, 28, 28, 1 }, resnet.Inputs[0].OutputShape);
        Assert.Equal(new int?[] { null, 10 }, resnet.Outputs[0].OutputShape);
        Assert.Equal(2, resnet.Layers.Count(l => l.ClassName == "Add"));
        Assert.Equal(222_666, resnet.ParameterCount);
    }

    internal static KerasModel Read(string name) => name switch
    {
        "mruby-tflite-xor" => KerasModel.Read(KerasFixtures.Path("real", "xor_model.h5")),
        "alibi-iris-ffn-keras3" => KerasModel.Read(KerasFixtures.Path("real", "iris-ffn-tf2.18.0.keras")),
        "hls4ml-conv2d" => Pair("KERAS_conv2d_model"),
        "hls4ml-conv1d-small" => Pair("KERAS_conv1d_small"),
        "hls4ml-jettagger-conv2d-small" => Pair("jetTagger_Conv2D_Small"),
        "hls4ml-3layer-batchnorm" => Pair("KERAS_3layer_batch_norm"),
        "kotlindl-toyresnet" => KerasModel.ReadWeightsAndConfig(KerasFixtures.Path("real", "toyresnet_weights.h5"), KerasFixtures.Path("real", "toyresnet.json")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such real-model case"),
    };

    private static KerasModel Pair(string stem) =>
        KerasModel.ReadWeightsAndConfig(KerasFixtures.Path("real", stem + "_weights.h5"), KerasFixtures.Path("real", stem + ".json"));
}
