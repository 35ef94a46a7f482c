using System.Text.Json;
using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>The activation layers: Activation, ReLU, LeakyReLU, ELU, PReLU and Softmax.</summary>
internal static class KerasActivationLayers
{
    public static GraphTensor Activation(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input) =>
        builder.Activation(layer, input, KerasLayerConverter.ActivationName(builder, layer), layer.Name);

    /// <summary>
    /// Keras ReLU: x for threshold &lt;= x &lt; max_value, max_value above, negative_slope (x - threshold) below.
    /// </summary>
    public static GraphTensor Relu(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var config = layer.Config;
        var maxValue = KerasJson.OptionalDouble(config, "max_value");
        var slope = (float)KerasJson.Double(config, "negative_slope", 0);
        var threshold = (float)KerasJson.Double(config, "threshold", 0);
        var graph = builder.Graph;
        var x = input.Name;
        string output;
        if (threshold == 0)
        {
            output = slope == 0 ? graph.Add("Relu", layer.Name + "/relu", new[] { x })
                : graph.Add("LeakyRelu", layer.Name + "/relu", new[] { x }, OnnxAttribute.Of("alpha", slope));
        }
        else
        {
            var thresholdName = builder.Scalar(layer.Name + "/threshold", threshold);
            var below = graph.Add("Mul", layer.Name + "/below", new[] { graph.Add("Sub", layer.Name + "/shifted", new[] { x, thresholdName }), builder.Scalar(layer.Name + "/slope", slope) });
            var above = graph.Add("GreaterOrEqual", layer.Name + "/above", new[] { x, thresholdName });
            output = graph.Add("Where", layer.Name + "/relu", new[] { above, x, below });
        }
        if (maxValue is { } max)
        {
            output = graph.Add("Min", layer.Name + "/capped", new[] { output, builder.Scalar(layer.Name + "/max_value", (float)max) });
        }
        return input.With(output, input.Shape);
    }

    public static GraphTensor LeakyRelu(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        // Keras 2 names the slope alpha, Keras 3 negative_slope; 0.3 by default in both.
        var slope = KerasJson.OptionalDouble(layer.Config, "negative_slope") ?? KerasJson.Double(layer.Config, "alpha", 0.3);
        var output = builder.Graph.Add("LeakyRelu", layer.Name, new[] { input.Name }, OnnxAttribute.Of("alpha", (float)slope));
        return input.With(output, input.Shape);
    }

    public static GraphTensor Elu(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var alpha = KerasJson.Double(layer.Config, "alpha", 1.0);
        var output = builder.Graph.Add("Elu", layer.Name, new[] { input.Name }, OnnxAttribute.Of("alpha", (float)alpha));
        return input.With(output, input.Shape);
    }

    /// <summary>PReLU: a learned slope per element of the non-batch axes, shared along 'shared_axes'.</summary>
    public static GraphTensor PRelu(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var shared = KerasJson.OptionalInts(layer.Config, "shared_axes", 1) ?? Array.Empty<int>();
        var alphaShape = input.Shape.Skip(1)
            .Select((size, i) => shared.Contains(i + 1) ? 1 : builder.Known(layer, size, $"size of axis {i + 1}"))
            .ToArray();
        var weights = builder.Weights(layer, ("alpha", alphaShape));
        var x = builder.ToKerasOrder(input);
        var slope = builder.Graph.AddFloat(layer.Name + "/alpha", WeightLayout.OnnxDimensions(alphaShape), weights[0].Values);
        var output = builder.Graph.Add("PRelu", layer.Name, new[] { x.Name, slope });
        return x.With(output, input.Shape);
    }

    public static GraphTensor Softmax(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var axes = KerasJson.OptionalInts(layer.Config, "axis", 1) ?? new[] { -1 };
        if (axes.Length != 1)
        {
            throw builder.Error(layer, $"softmax over several axes {KerasOnnxBuilder.Format(axes)} is not supported; one axis is");
        }
        var output = builder.Graph.Add("Softmax", layer.Name, new[] { input.Name }, OnnxAttribute.Of("axis", (long)input.PhysicalAxis(axes[0])));
        return input.With(output, input.Shape);
    }

    internal static string? ActivationText(JsonElement activation) =>
        activation.ValueKind switch
        {
            JsonValueKind.String => activation.GetString(),
            JsonValueKind.Null => "linear",
            // Keras 3 may serialise a built-in activation as {"module": "keras.activations", "class_name": "function", "config": "relu"}.
            JsonValueKind.Object when activation.TryGetProperty("config", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            _ => null,
        };
}
