using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Keras activation functions (by their config name) as ONNX operators, following the keras.activations documentation.</summary>
internal static class KerasActivations
{
    /// <summary>The activation names that convert.</summary>
    public static readonly string[] Supported =
    {
        "linear", "relu", "relu6", "leaky_relu", "elu", "selu", "sigmoid", "hard_sigmoid", "tanh", "softmax", "log_softmax",
        "softplus", "softsign", "swish", "silu", "gelu", "mish", "exponential",
    };

    public static GraphTensor Apply(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, string activation, string outputName)
    {
        var graph = builder.Graph;
        var x = input.Name;
        string Unary(string op) => graph.Add(op, outputName, new[] { x });
        string result;
        switch (activation)
        {
            case "linear":
                return input;
            case "relu":
                result = Unary("Relu");
                break;
            case "relu6":
                result = graph.Add("Clip", outputName, new[] { x, builder.Scalar(outputName + "/zero", 0f), builder.Scalar(outputName + "/six", 6f) });
                break;
            case "leaky_relu":
                // keras.activations.leaky_relu: negative_slope 0.2 by default.
                result = graph.Add("LeakyRelu", outputName, new[] { x }, OnnxAttribute.Of("alpha", 0.2f));
                break;
            case "elu":
                result = graph.Add("Elu", outputName, new[] { x }, OnnxAttribute.Of("alpha", 1f));
                break;
            case "selu":
                // ONNX's defaults are the SELU constants Keras uses (alpha 1.67326, scale 1.0507).
                result = Unary("Selu");
                break;
            case "sigmoid":
                result = Unary("Sigmoid");
                break;
            case "hard_sigmoid":
                // Keras 2: clip(0.2 x + 0.5, 0, 1); Keras 3: relu6(x + 3) / 6 = clip(x / 6 + 0.5, 0, 1).
                result = graph.Add("HardSigmoid", outputName, new[] { x },
                    OnnxAttribute.Of("alpha", builder.IsKeras3 ? 1f / 6f : 0.2f), OnnxAttribute.Of("beta", 0.5f));
                break;
            case "tanh":
                result = Unary("Tanh");
                break;
            case "softmax":
                result = graph.Add("Softmax", outputName, new[] { x }, OnnxAttribute.Of("axis", (long)input.PhysicalAxis(-1)));
                break;
            case "log_softmax":
                result = graph.Add("LogSoftmax", outputName, new[] { x }, OnnxAttribute.Of("axis", (long)input.PhysicalAxis(-1)));
                break;
            case "softplus":
                result = Unary("Softplus");
                break;
            case "softsign":
                result = Unary("Softsign");
                break;
            case "swish":
            case "silu":
                result = graph.Add("Mul", outputName, new[] { x, graph.Add("Sigmoid", outputName + "/sigmoid", new[] { x }) });
                break;
            case "gelu":
                // keras.activations.gelu with approximate=False: 0.5 x (1 + erf(x / sqrt(2))).
                var scaled = graph.Add("Mul", outputName + "/scaled", new[] { x, builder.Scalar(outputName + "/inv_sqrt2", (float)(1 / Math.Sqrt(2))) });
                var erf = graph.Add("Erf", outputName + "/erf", new[] { scaled });
                var onePlus = graph.Add("Add", outputName + "/one_plus", new[] { erf, builder.Scalar(outputName + "/one", 1f) });
                var half = graph.Add("Mul", outputName + "/half_x", new[] { x, builder.Scalar(outputName + "/half", 0.5f) });
                result = graph.Add("Mul", outputName, new[] { half, onePlus });
                break;
            case "mish":
                var softplus = graph.Add("Softplus", outputName + "/softplus", new[] { x });
                result = graph.Add("Mul", outputName, new[] { x, graph.Add("Tanh", outputName + "/tanh", new[] { softplus }) });
                break;
            case "exponential":
                result = Unary("Exp");
                break;
            default:
                throw builder.Error(layer, $"activation '{activation}' is not supported; supported: {string.Join(", ", Supported)}");
        }
        return input.With(result, input.Shape);
    }
}
