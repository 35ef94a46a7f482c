using System.Text.Json;
using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>BatchNormalization (inference: moving statistics) and LayerNormalization.</summary>
internal static class KerasNormalizationLayers
{
    /// <summary>
    /// y = gamma (x - mean) / sqrt(variance + epsilon) + beta, folded into one scale and one shift per
    /// channel (a Mul and an Add, which ONNX Runtime fuses into a preceding Conv), on any axis and layout.
    /// </summary>
    public static GraphTensor Batch(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var config = layer.Config;
        var axis = SingleAxis(builder, layer, config, input.Rank);
        var channels = builder.Known(layer, input.Shape[axis], $"size of axis {axis}");
        var epsilon = KerasJson.Double(config, "epsilon", 1e-3);
        var scale = KerasJson.Bool(config, "scale", true);
        var center = KerasJson.Bool(config, "center", true);
        var expected = new List<(string, int[])>();
        if (scale)
        {
            expected.Add(("gamma", new[] { channels }));
        }
        if (center)
        {
            expected.Add(("beta", new[] { channels }));
        }
        expected.Add(("moving_mean", new[] { channels }));
        expected.Add(("moving_variance", new[] { channels }));
        var weights = builder.Weights(layer, expected.ToArray());
        var index = 0;
        var gamma = scale ? weights[index++].Values : Enumerable.Repeat(1f, channels).ToArray();
        var beta = center ? weights[index++].Values : new float[channels];
        var mean = weights[index++].Values;
        var variance = weights[index].Values;
        var multiplier = new float[channels];
        var shift = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var factor = gamma[c] / Math.Sqrt(variance[c] + epsilon);
            multiplier[c] = (float)factor;
            shift[c] = (float)(beta[c] - (mean[c] * factor));
        }
        var physical = input.PhysicalAxis(axis);
        var graph = builder.Graph;
        var scaled = graph.Add("Mul", layer.Name + "/scale", new[] { input.Name, builder.AxisConstant(layer.Name + "/multiplier", multiplier, input.Rank, physical) });
        var output = graph.Add("Add", layer.Name, new[] { scaled, builder.AxisConstant(layer.Name + "/shift", shift, input.Rank, physical) });
        return input.With(output, input.Shape);
    }

    /// <summary>Normalisation over the trailing axes given by 'axis' (ONNX LayerNormalization, opset 17).</summary>
    public static GraphTensor Layer(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var config = layer.Config;
        if (KerasJson.Bool(config, "rms_scaling", false))
        {
            throw builder.Error(layer, "rms_scaling = true is not supported");
        }
        var rank = input.Rank;
        var axes = (KerasJson.OptionalInts(config, "axis", 1) ?? new[] { -1 }).Select(a => a < 0 ? a + rank : a).OrderBy(a => a).ToArray();
        if (axes.Length == 0 || axes[0] <= 0 || !axes.SequenceEqual(Enumerable.Range(axes[0], rank - axes[0])))
        {
            throw builder.Error(layer, $"axis {KerasOnnxBuilder.Format(axes)} must be the trailing axes of input {KerasOnnxBuilder.Format(input.Shape)} (the last axis, or the last few)");
        }
        var normalised = axes.Select(a => builder.Known(layer, input.Shape[a], $"size of axis {a}")).ToArray();
        var count = normalised.Aggregate(1, (product, size) => product * size);
        var scale = KerasJson.Bool(config, "scale", true);
        var center = KerasJson.Bool(config, "center", true);
        var expected = new List<(string, int[])>();
        if (scale)
        {
            expected.Add(("gamma", normalised));
        }
        if (center)
        {
            expected.Add(("beta", normalised));
        }
        var weights = builder.Weights(layer, expected.ToArray());
        var gamma = scale ? weights[0].Values : Enumerable.Repeat(1f, count).ToArray();
        var beta = center ? weights[scale ? 1 : 0].Values : new float[count];
        var x = builder.ToKerasOrder(input);
        var graph = builder.Graph;
        var dimensions = WeightLayout.OnnxDimensions(normalised);
        var output = graph.Add("LayerNormalization", layer.Name, new[] { x.Name, graph.AddFloat(layer.Name + "/gamma", dimensions, gamma), graph.AddFloat(layer.Name + "/beta", dimensions, beta) },
            OnnxAttribute.Of("axis", (long)axes[0]), OnnxAttribute.Of("epsilon", (float)KerasJson.Double(config, "epsilon", 1e-3)));
        return x.With(output, input.Shape);
    }

    private static int SingleAxis(KerasOnnxBuilder builder, KerasLayerSpec layer, JsonElement config, int rank)
    {
        var axes = KerasJson.OptionalInts(config, "axis", 1) ?? new[] { -1 };
        if (axes.Length != 1)
        {
            throw builder.Error(layer, $"normalisation over several axes {KerasOnnxBuilder.Format(axes)} is not supported; one axis is");
        }
        var axis = axes[0] < 0 ? axes[0] + rank : axes[0];
        if (axis <= 0 || axis >= rank)
        {
            throw builder.Error(layer, $"axis {axes[0]} is not a non-batch axis of a rank-{rank} input");
        }
        return axis;
    }
}
