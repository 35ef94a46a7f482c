using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Conv1D/2D, DepthwiseConv1D/2D and SeparableConv1D/2D (channels_last) as ONNX Conv, with Keras's padding and fused activation.</summary>
internal static class KerasConvolutionLayers
{
    public static GraphTensor Convolution(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank)
    {
        var geometry = Geometry(builder, layer, input, rank);
        var config = layer.Config;
        var filters = KerasJson.OptionalInt(config, "filters") ?? throw builder.Error(layer, "the config has no 'filters'");
        var groups = KerasJson.OptionalInt(config, "groups") ?? 1;
        var channels = geometry.Channels;
        if (groups < 1 || channels % groups != 0 || filters % groups != 0)
        {
            throw builder.Error(layer, $"groups = {groups} does not divide {channels} input channels and {filters} filters");
        }
        var useBias = KerasJson.Bool(config, "use_bias", true);
        var kernelShape = geometry.Kernel.Concat(new[] { channels / groups, filters }).ToArray();
        var weights = useBias
            ? builder.Weights(layer, ("kernel", kernelShape), ("bias", new[] { filters }))
            : builder.Weights(layer, ("kernel", kernelShape));
        var graph = builder.Graph;
        var w = graph.AddFloat(layer.Name + "/kernel", WeightLayout.OnnxDimensions(new[] { filters, channels / groups }.Concat(geometry.Kernel)), WeightLayout.ConvolutionKernel(weights[0]));
        var inputs = new List<string> { geometry.Input.Name, w };
        if (useBias)
        {
            inputs.Add(graph.AddFloat(layer.Name + "/bias", new long[] { filters }, weights[1].Values));
        }
        var output = graph.Add("Conv", layer.Name + "/conv", inputs, geometry.Attributes(groups));
        return Activate(builder, layer, geometry, output, filters);
    }

    public static GraphTensor Depthwise(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank)
    {
        var geometry = Geometry(builder, layer, input, rank);
        var config = layer.Config;
        var multiplier = KerasJson.OptionalInt(config, "depth_multiplier") ?? 1;
        var channels = geometry.Channels;
        var outChannels = channels * multiplier;
        var useBias = KerasJson.Bool(config, "use_bias", true);
        var kernelShape = geometry.Kernel.Concat(new[] { channels, multiplier }).ToArray();
        var weights = useBias
            ? builder.Weights(layer, ("depthwise_kernel", kernelShape), ("bias", new[] { outChannels }))
            : builder.Weights(layer, ("depthwise_kernel", kernelShape));
        var graph = builder.Graph;
        var w = graph.AddFloat(layer.Name + "/depthwise_kernel", WeightLayout.OnnxDimensions(new[] { outChannels, 1 }.Concat(geometry.Kernel)), WeightLayout.DepthwiseKernel(weights[0]));
        var inputs = new List<string> { geometry.Input.Name, w };
        if (useBias)
        {
            inputs.Add(graph.AddFloat(layer.Name + "/bias", new long[] { outChannels }, weights[1].Values));
        }
        var output = graph.Add("Conv", layer.Name + "/depthwise", inputs, geometry.Attributes(channels));
        return Activate(builder, layer, geometry, output, outChannels);
    }

    public static GraphTensor Separable(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank)
    {
        var geometry = Geometry(builder, layer, input, rank);
        var config = layer.Config;
        var multiplier = KerasJson.OptionalInt(config, "depth_multiplier") ?? 1;
        var filters = KerasJson.OptionalInt(config, "filters") ?? throw builder.Error(layer, "the config has no 'filters'");
        var channels = geometry.Channels;
        var middle = channels * multiplier;
        var useBias = KerasJson.Bool(config, "use_bias", true);
        var depthwiseShape = geometry.Kernel.Concat(new[] { channels, multiplier }).ToArray();
        var pointwiseShape = Enumerable.Repeat(1, rank).Concat(new[] { middle, filters }).ToArray();
        var weights = useBias
            ? builder.Weights(layer, ("depthwise_kernel", depthwiseShape), ("pointwise_kernel", pointwiseShape), ("bias", new[] { filters }))
            : builder.Weights(layer, ("depthwise_kernel", depthwiseShape), ("pointwise_kernel", pointwiseShape));
        var graph = builder.Graph;
        var depthwiseWeights = graph.AddFloat(layer.Name + "/depthwise_kernel", WeightLayout.OnnxDimensions(new[] { middle, 1 }.Concat(geometry.Kernel)), WeightLayout.DepthwiseKernel(weights[0]));
        var depthwise = graph.Add("Conv", layer.Name + "/depthwise", new[] { geometry.Input.Name, depthwiseWeights }, geometry.Attributes(channels));
        var pointwiseWeights = graph.AddFloat(layer.Name + "/pointwise_kernel", WeightLayout.OnnxDimensions(new[] { filters, middle }.Concat(Enumerable.Repeat(1, rank))), WeightLayout.ConvolutionKernel(weights[1]));
        var inputs = new List<string> { depthwise, pointwiseWeights };
        if (useBias)
        {
            inputs.Add(graph.AddFloat(layer.Name + "/bias", new long[] { filters }, weights[2].Values));
        }
        var output = graph.Add("Conv", layer.Name + "/pointwise", inputs, OnnxAttribute.Of("kernel_shape", Enumerable.Repeat(1, rank)));
        return Activate(builder, layer, geometry, output, filters);
    }

    private static GraphTensor Activate(KerasOnnxBuilder builder, KerasLayerSpec layer, ConvolutionGeometry geometry, string output, int channels)
    {
        var shape = new int?[] { geometry.Input.Shape[0] }.Concat(geometry.OutputSizes).Concat(new int?[] { channels }).ToArray();
        var tensor = new GraphTensor(output, shape, geometry.Input.Layout);
        return builder.Activation(layer, tensor, KerasLayerConverter.ActivationName(builder, layer), layer.Name);
    }

    private static ConvolutionGeometry Geometry(KerasOnnxBuilder builder, KerasLayerSpec layer, GraphTensor input, int rank)
    {
        var config = layer.Config;
        KerasLayerConverter.RequireChannelsLast(builder, layer);
        if (input.Rank != rank + 2)
        {
            throw builder.Error(layer, $"expects a rank-{rank + 2} input (batch, {(rank == 1 ? "steps" : "rows, columns")}, channels), got {KerasOnnxBuilder.Format(input.Shape)}");
        }
        var kernel = KerasJson.OptionalInts(config, "kernel_size", rank) ?? throw builder.Error(layer, "the config has no 'kernel_size'");
        var strides = KerasJson.OptionalInts(config, "strides", rank) ?? Enumerable.Repeat(1, rank).ToArray();
        var dilations = KerasJson.OptionalInts(config, "dilation_rate", rank) ?? Enumerable.Repeat(1, rank).ToArray();
        var padding = KerasJson.String(config, "padding", "valid");
        if (padding is not ("valid" or "same") && !(padding == "causal" && rank == 1))
        {
            throw builder.Error(layer, $"padding '{padding}' is not supported; 'valid' and 'same' are (and 'causal' for 1D)");
        }
        if (kernel.Length != rank || strides.Length != rank || dilations.Length != rank)
        {
            throw builder.Error(layer, $"kernel_size, strides and dilation_rate must have {rank} values");
        }
        var channels = builder.Known(layer, input.Shape[rank + 1], "number of input channels");
        var sized = builder.ToChannelsFirst(input);
        var outputs = new int?[rank];
        var begins = new long[rank];
        var ends = new long[rank];
        var automatic = false;
        for (var i = 0; i < rank; i++)
        {
            var (size, begin, end) = KerasPadding.Along(padding, input.Shape[1 + i], kernel[i], strides[i], dilations[i]);
            outputs[i] = size;
            begins[i] = begin;
            ends[i] = end;
            automatic |= begin < 0;
        }
        return new ConvolutionGeometry(sized, channels, kernel, strides, dilations, begins, ends, automatic, outputs);
    }

    private sealed class ConvolutionGeometry
    {
        private readonly int[] _strides;
        private readonly int[] _dilations;
        private readonly long[] _begins;
        private readonly long[] _ends;
        private readonly bool _automaticPadding;

        public ConvolutionGeometry(GraphTensor input, int channels, int[] kernel, int[] strides, int[] dilations, long[] begins, long[] ends, bool automaticPadding, int?[] outputSizes)
        {
            Input = input;
            Channels = channels;
            Kernel = kernel;
            _strides = strides;
            _dilations = dilations;
            _begins = begins;
            _ends = ends;
            _automaticPadding = automaticPadding;
            OutputSizes = outputSizes;
        }

        public GraphTensor Input { get; }

        public int Channels { get; }

        public int[] Kernel { get; }

        public int?[] OutputSizes { get; }

        public OnnxAttribute[] Attributes(int group)
        {
            var attributes = new List<OnnxAttribute>
            {
                OnnxAttribute.Of("kernel_shape", Kernel),
                OnnxAttribute.Of("strides", _strides),
                OnnxAttribute.Of("dilations", _dilations),
                OnnxAttribute.Of("group", (long)group),
            };
            // Unknown spatial sizes: ONNX's SAME_UPPER is TensorFlow's rule (extra pad at the end).
            attributes.Add(_automaticPadding ? OnnxAttribute.Of("auto_pad", "SAME_UPPER") : OnnxAttribute.Of("pads", _begins.Concat(_ends)));
            return attributes.ToArray();
        }
    }
}
