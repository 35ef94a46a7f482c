using Seismic.DietGrasp.DietClassifier.Keras;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier.Keras;

/// <summary>
/// Every supported layer and option, one small model each (made with h5py by tools/keras/make_fixtures.py),
/// converted and run through ONNX Runtime against the independent numpy forward pass (tools/keras/keras_numpy.py).
/// </summary>
public sealed class KerasLayerTests
{
    public static TheoryData<string> LayerCases => KerasFixtures.Cases("layers");

    [Theory]
    [MemberData(nameof(LayerCases))]
    public void ConvertedLayerMatchesTheNumpyReference(string name)
    {
        var model = Read(name);
        var difference = KerasFixtures.MaxDifference(model, "layers", name);
        Assert.True(difference <= KerasFixtures.Tolerance, $"{name}: max |ONNX - numpy| = {difference:E2}");
    }

    [Fact]
    public void EveryLayerClassAndActivationHasACase()
    {
        var classes = KerasFixtures.CaseNames("layers").SelectMany(name => Read(name).Layers.Select(l => l.ClassName)).ToHashSet();
        var missing = KerasModel.SupportedLayerClasses.Where(c => !classes.Contains(c) && c is not ("SpatialDropout1D" or "SpatialDropout3D" or "GaussianDropout" or "AlphaDropout" or "ActivityRegularization"));
        Assert.True(!missing.Any(), "layer classes without a case: " + string.Join(", ", missing));
        var activations = KerasFixtures.CaseNames("layers").Select(name => name.Replace("activation_", string.Empty, StringComparison.Ordinal)).ToHashSet();
        var untested = KerasModel.SupportedActivations.Where(a => !activations.Contains(a)).ToList();
        Assert.True(untested.Count == 0, "activations without a case: " + string.Join(", ", untested));
    }

    [Fact]
    public void SamePaddingShapesFollowTensorFlow()
    {
        // ceil(in / stride) outputs; the layer table reports them.
        Assert.Equal(new int?[] { null, 4, 4, 6 }, Read("conv2d_same_odd_stride2").Outputs[0].OutputShape);
        Assert.Equal(new int?[] { null, 4, 3, 6 }, Read("conv2d_same_even_stride2").Outputs[0].OutputShape);
        Assert.Equal(new int?[] { null, 4, 3, 6 }, Read("conv2d_same_stride3").Outputs[0].OutputShape);
        Assert.Equal(new int?[] { null, 4, 3, 3 }, Read("avgpool2d_same_odd").Outputs[0].OutputShape);
    }

    [Fact]
    public void ChannelsFirstChainTransposesOnlyAtItsEnds()
    {
        // Conv -> ReLU -> pool -> Flatten: one Transpose in (NHWC -> NCHW), one back before Flatten.
        var onnx = Read("weights_only_conv_dense").ToOnnx();
        var text = System.Text.Encoding.ASCII.GetString(onnx);
        Assert.Equal(2, CountOf(text, "Transpose"));
    }

    internal static KerasModel Read(string name)
    {
        var config = KerasFixtures.Path("layers", name + ".json");
        if (File.Exists(config))
        {
            return KerasModel.ReadWeightsAndConfig(KerasFixtures.Path("layers", name + ".h5"), config);
        }
        var h5 = KerasFixtures.Path("layers", name + ".h5");
        return KerasModel.Read(File.Exists(h5) ? h5 : KerasFixtures.Path("layers", name + ".keras"));
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
