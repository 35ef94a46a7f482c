using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Add, Subtract, Multiply, Average, Maximum, Minimum and Concatenate.</summary>
internal static class KerasMergeLayers
{
    public static GraphTensor Elementwise(KerasOnnxBuilder builder, KerasLayerSpec layer, IReadOnlyList<GraphTensor> inputs)
    {
        var aligned = Align(builder, layer, inputs, minimum: 2);
        var names = aligned.Select(t => t.Name).ToArray();
        var graph = builder.Graph;
        string output;
        switch (layer.ClassName)
        {
            case "Add":
                output = graph.Add("Sum", layer.Name, names);
                break;
            case "Subtract":
                if (names.Length != 2)
                {
                    throw builder.Error(layer, $"subtracts exactly two inputs, got {names.Length}");
                }
                output = graph.Add("Sub", layer.Name, names);
                break;
            case "Multiply":
                output = names.Skip(1).Aggregate(names[0], (product, next) => graph.Add("Mul", layer.Name + "/product", new[] { product, next }));
                output = graph.Add("Identity", layer.Name, new[] { output });
                break;
            case "Average":
                var sum = graph.Add("Sum", layer.Name + "/sum", names);
                output = graph.Add("Mul", layer.Name, new[] { sum, builder.Scalar(layer.Name + "/inverse_count", 1f / names.Length) });
                break;
            case "Maximum":
                output = graph.Add("Max", layer.Name, names);
                break;
            default:
                output = graph.Add("Min", layer.Name, names);
                break;
        }
        return aligned[0].With(output, Broadcast(aligned));
    }

    public static GraphTensor Concatenate(KerasOnnxBuilder builder, KerasLayerSpec layer, IReadOnlyList<GraphTensor> inputs)
    {
        var aligned = Align(builder, layer, inputs, minimum: 1);
        var axis = KerasJson.OptionalInt(layer.Config, "axis") ?? -1;
        var rank = aligned[0].Rank;
        var kerasAxis = axis < 0 ? axis + rank : axis;
        if (kerasAxis <= 0 || kerasAxis >= rank)
        {
            throw builder.Error(layer, $"axis {axis} is not a non-batch axis of rank-{rank} inputs");
        }
        var output = builder.Graph.Add("Concat", layer.Name, aligned.Select(t => t.Name).ToArray(), OnnxAttribute.Of("axis", (long)aligned[0].PhysicalAxis(kerasAxis)));
        var shape = (int?[])aligned[0].Shape.Clone();
        shape[kerasAxis] = aligned.All(t => t.Shape[kerasAxis] is not null) ? aligned.Sum(t => t.Shape[kerasAxis]!.Value) : null;
        return aligned[0].With(output, shape);
    }

    /// <summary>All inputs in one layout: kept as they are when they agree, else put in Keras order.</summary>
    private static GraphTensor[] Align(KerasOnnxBuilder builder, KerasLayerSpec layer, IReadOnlyList<GraphTensor> inputs, int minimum)
    {
        if (inputs.Count < minimum)
        {
            throw builder.Error(layer, $"needs at least {minimum} inputs, got {inputs.Count}");
        }
        if (inputs.Any(t => t.Rank != inputs[0].Rank))
        {
            throw builder.Error(layer, $"inputs of different ranks: {string.Join(", ", inputs.Select(t => KerasOnnxBuilder.Format(t.Shape)))}");
        }
        if (inputs.All(t => t.Layout.SequenceEqual(inputs[0].Layout)))
        {
            return inputs.ToArray();
        }
        return inputs.Select(builder.ToKerasOrder).ToArray();
    }

    private static int?[] Broadcast(IReadOnlyList<GraphTensor> inputs) =>
        Enumerable.Range(0, inputs[0].Rank).Select(axis => inputs.Select(t => t.Shape[axis]).Where(s => s is not null && s != 1).DefaultIfEmpty(inputs[0].Shape[axis]).Max()).ToArray();
}
