using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Max and average pooling (1D, 2D) and global pooling, channels_last, as ONNX pooling and reductions.</summary>
internal static class KerasPoolingLayers
{
    public static GraphTensor Pool(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank, bool max)
    {
        var config = layer.Config;
        KerasLayerConverter.RequireChannelsLast(builder, layer);
        if (input.Rank != rank + 2)
        {
            throw builder.Error(layer, $"expects a rank-{rank + 2} input, got {KerasOnnxBuilder.Format(input.Shape)}");
        }
        // Keras 2 1D layers name it pool_length in very old files; pool_size everywhere since.
        var pool = KerasJson.OptionalInts(config, "pool_size", rank) ?? Enumerable.Repeat(2, rank).ToArray();
        var strides = KerasJson.OptionalInts(config, "strides", rank) ?? pool;
        var padding = KerasJson.String(config, "padding", "valid");
        if (padding is not ("valid" or "same"))
        {
            throw builder.Error(layer, $"padding '{padding}' is not supported; 'valid' and 'same' are");
        }
        var sized = builder.ToChannelsFirst(input);
        var outputs = new int?[rank];
        var begins = new long[rank];
        var ends = new long[rank];
        var automatic = false;
        for (var i = 0; i < rank; i++)
        {
            var (size, begin, end) = KerasPadding.Along(padding, input.Shape[1 + i], pool[i], strides[i], 1);
            outputs[i] = size;
            begins[i] = begin;
            ends[i] = end;
            automatic |= begin < 0;
        }
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Of("kernel_shape", pool), OnnxAttribute.Of("strides", strides) };
        attributes.Add(automatic ? OnnxAttribute.Of("auto_pad", "SAME_UPPER") : OnnxAttribute.Of("pads", begins.Concat(ends)));
        if (!max)
        {
            // Keras (TensorFlow) averages over the window's real pixels only; padding is not counted.
            attributes.Add(OnnxAttribute.Of("count_include_pad", 0L));
        }
        var output = builder.Graph.Add(max ? "MaxPool" : "AveragePool", layer.Name, new[] { sized.Name }, attributes.ToArray());
        var shape = new[] { input.Shape[0] }.Concat(outputs).Concat(new[] { input.Shape[rank + 1] }).ToArray();
        return new GraphTensor(output, shape, sized.Layout);
    }

    public static GraphTensor Global(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank, bool max)
    {
        KerasLayerConverter.RequireChannelsLast(builder, layer);
        if (input.Rank != rank + 2)
        {
            throw builder.Error(layer, $"expects a rank-{rank + 2} input, got {KerasOnnxBuilder.Format(input.Shape)}");
        }
        var keepDimensions = KerasJson.Bool(layer.Config, "keepdims", false);
        var spatial = Enumerable.Range(1, rank).Select(input.PhysicalAxis).OrderBy(axis => axis).ToArray();
        var output = builder.Graph.Add(max ? "ReduceMax" : "ReduceMean", layer.Name, new[] { input.Name },
            OnnxAttribute.Of("axes", spatial), OnnxAttribute.Of("keepdims", keepDimensions ? 1L : 0L));
        if (keepDimensions)
        {
            var kept = input.Shape.Select((size, axis) => axis >= 1 && axis <= rank ? 1 : size).ToArray();
            return new GraphTensor(output, kept, input.Layout);
        }
        return new GraphTensor(output, new[] { input.Shape[0], input.Shape[rank + 1] }, GraphTensor.KerasOrder(2));
    }
}
