using System.Text.Json;
using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Dense, Flatten, Reshape, Permute, ZeroPadding1D/2D and Cropping1D/2D.</summary>
internal static class KerasCoreLayers
{
    /// <summary>Dense on the last axis of a tensor of any rank (Keras applies it to the last axis).</summary>
    public static GraphTensor Dense(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var config = layer.Config;
        var units = KerasJson.OptionalInt(config, "units") ?? throw builder.Error(layer, "the config has no 'units'");
        var inputSize = builder.Known(layer, input.Shape[input.Rank - 1], "size of the input's last axis");
        var useBias = KerasJson.Bool(config, "use_bias", true);
        var weights = useBias
            ? builder.Weights(layer, ("kernel", new[] { inputSize, units }), ("bias", new[] { units }))
            : builder.Weights(layer, ("kernel", new[] { inputSize, units }));
        var x = builder.ToKerasOrder(input);
        var graph = builder.Graph;
        var kernel = graph.AddFloat(layer.Name + "/kernel", new long[] { inputSize, units }, weights[0].Values);
        var output = graph.Add("MatMul", layer.Name + "/matmul", new[] { x.Name, kernel });
        if (useBias)
        {
            output = graph.Add("Add", layer.Name + "/bias_add", new[] { output, graph.AddFloat(layer.Name + "/bias", new long[] { units }, weights[1].Values) });
        }
        var shape = input.Shape.Take(input.Rank - 1).Concat(new int?[] { units }).ToArray();
        var tensor = new GraphTensor(output, shape, GraphTensor.KerasOrder(shape.Length));
        return builder.Activation(layer, tensor, KerasLayerConverter.ActivationName(builder, layer), layer.Name);
    }

    /// <summary>Flatten in Keras (channels-last, row-major) order: a channels-first tensor is transposed back first.</summary>
    public static GraphTensor Flatten(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        KerasLayerConverter.RequireChannelsLast(builder, layer);
        var x = builder.ToKerasOrder(input);
        if (input.Rank == 2)
        {
            return x;
        }
        var trailing = input.Shape.Skip(1).ToArray();
        int? size = trailing.All(s => s is not null) ? trailing.Aggregate(1, (product, s) => product * s!.Value) : null;
        var output = builder.Graph.Add("Reshape", layer.Name, new[] { x.Name, builder.Graph.AddInt64(layer.Name + "/shape", new long[] { 0, -1 }) });
        return new GraphTensor(output, new[] { input.Shape[0], size }, GraphTensor.KerasOrder(2));
    }

    public static GraphTensor Reshape(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var target = KerasJson.OptionalInts(layer.Config, "target_shape", 1) ?? throw builder.Error(layer, "the config has no 'target_shape'");
        var x = builder.ToKerasOrder(input);
        var trailing = input.Shape.Skip(1).ToArray();
        int?[] shape = target.Select(t => t < 0 ? (int?)null : t).ToArray();
        if (trailing.All(s => s is not null) && target.Count(t => t < 0) == 1)
        {
            var known = target.Where(t => t >= 0).Aggregate(1, (product, t) => product * t);
            shape[Array.IndexOf(target, target.First(t => t < 0))] = trailing.Aggregate(1, (product, s) => product * s!.Value) / Math.Max(known, 1);
        }
        var output = builder.Graph.Add("Reshape", layer.Name, new[] { x.Name, builder.Graph.AddInt64(layer.Name + "/shape", new long[] { 0 }.Concat(target.Select(t => (long)t)).ToArray()) });
        var full = new[] { input.Shape[0] }.Concat(shape).ToArray();
        return new GraphTensor(output, full, GraphTensor.KerasOrder(full.Length));
    }

    public static GraphTensor Permute(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input)
    {
        var dims = KerasJson.OptionalInts(layer.Config, "dims", 1) ?? throw builder.Error(layer, "the config has no 'dims'");
        if (dims.Length != input.Rank - 1 || !dims.OrderBy(d => d).SequenceEqual(Enumerable.Range(1, input.Rank - 1)))
        {
            throw builder.Error(layer, $"dims {KerasOnnxBuilder.Format(dims)} is not a permutation of the axes 1..{input.Rank - 1} of input {KerasOnnxBuilder.Format(input.Shape)}");
        }
        var x = builder.ToKerasOrder(input);
        var permutation = new[] { 0 }.Concat(dims).ToArray();
        var output = builder.Graph.Add("Transpose", layer.Name, new[] { x.Name }, OnnxAttribute.Of("perm", permutation));
        return new GraphTensor(output, permutation.Select(axis => input.Shape[axis]).ToArray(), GraphTensor.KerasOrder(input.Rank));
    }

    public static GraphTensor ZeroPadding(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank)
    {
        var amounts = SpatialPairs(builder, layer, input, rank, "padding");
        // Channels-first, as the convolution that usually follows wants it: ONNX Runtime then folds the Pad into the Conv.
        input = builder.ToChannelsFirst(input);
        var pads = new long[2 * input.Rank];
        var shape = (int?[])input.Shape.Clone();
        for (var i = 0; i < rank; i++)
        {
            var axis = input.PhysicalAxis(1 + i);
            pads[axis] = amounts[i].Begin;
            pads[input.Rank + axis] = amounts[i].End;
            shape[1 + i] = shape[1 + i] + amounts[i].Begin + amounts[i].End;
        }
        var output = builder.Graph.Add("Pad", layer.Name, new[] { input.Name, builder.Graph.AddInt64(layer.Name + "/pads", pads) });
        return input.With(output, shape);
    }

    public static GraphTensor Cropping(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank)
    {
        var amounts = SpatialPairs(builder, layer, input, rank, "cropping");
        input = builder.ToChannelsFirst(input);
        var starts = new long[rank];
        var ends = new long[rank];
        var axes = new long[rank];
        var shape = (int?[])input.Shape.Clone();
        for (var i = 0; i < rank; i++)
        {
            axes[i] = input.PhysicalAxis(1 + i);
            starts[i] = amounts[i].Begin;
            ends[i] = amounts[i].End == 0 ? long.MaxValue : -amounts[i].End;
            shape[1 + i] = shape[1 + i] - amounts[i].Begin - amounts[i].End;
            if (shape[1 + i] is <= 0)
            {
                throw builder.Error(layer, $"cropping {amounts[i].Begin} + {amounts[i].End} leaves nothing of axis {1 + i} in input {KerasOnnxBuilder.Format(input.Shape)}");
            }
        }
        var graph = builder.Graph;
        var output = graph.Add("Slice", layer.Name, new[] { input.Name, graph.AddInt64(layer.Name + "/starts", starts), graph.AddInt64(layer.Name + "/ends", ends), graph.AddInt64(layer.Name + "/axes", axes) });
        return input.With(output, shape);
    }

    /// <summary>Keras's forms of padding/cropping amounts: n; [n1, n2] (symmetric per axis, or begin/end in 1D); [[b1, e1], [b2, e2]].</summary>
    private static (int Begin, int End)[] SpatialPairs(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank, string property)
    {
        KerasLayerConverter.RequireChannelsLast(builder, layer);
        if (input.Rank != rank + 2)
        {
            throw builder.Error(layer, $"expects a rank-{rank + 2} input, got {KerasOnnxBuilder.Format(input.Shape)}");
        }
        if (!layer.Config.TryGetProperty(property, out var value))
        {
            throw builder.Error(layer, $"the config has no '{property}'");
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return Enumerable.Repeat((value.GetInt32(), value.GetInt32()), rank).ToArray();
        }
        var items = value.EnumerateArray().ToArray();
        if (rank == 1 && items.Length == 2 && items[0].ValueKind == JsonValueKind.Number)
        {
            return new[] { (items[0].GetInt32(), items[1].GetInt32()) };
        }
        if (items.Length == rank && items.All(i => i.ValueKind == JsonValueKind.Number))
        {
            return items.Select(i => (i.GetInt32(), i.GetInt32())).ToArray();
        }
        if (items.Length == rank && items.All(i => i.ValueKind == JsonValueKind.Array && i.GetArrayLength() == 2))
        {
            return items.Select(i => (i[0].GetInt32(), i[1].GetInt32())).ToArray();
        }
        throw builder.Error(layer, $"cannot read '{property}' = {value.GetRawText()}");
    }
}
