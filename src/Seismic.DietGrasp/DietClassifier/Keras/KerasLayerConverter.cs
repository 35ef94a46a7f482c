namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>The one place that says which Keras layer classes convert, and to which converter each goes.</summary>
internal static class KerasLayerConverter
{
    /// <summary>Layers that are the identity at inference (noise and dropout act only in training).</summary>
    private static readonly string[] IdentityLayers =
    {
        "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization",
    };

    /// <summary>Every supported layer class, for error messages and documentation.</summary>
    public static readonly string[] SupportedClasses = new[]
    {
        "InputLayer", "Conv1D", "Conv2D", "DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D",
        "MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D",
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D",
        "BatchNormalization", "LayerNormalization", "Dense", "Flatten", "Reshape", "Permute",
        "ZeroPadding1D", "ZeroPadding2D", "Cropping1D", "Cropping2D",
        "Activation", "ReLU", "LeakyReLU", "ELU", "PReLU", "Softmax",
        "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate",
    }.Concat(IdentityLayers).ToArray();

    public static GraphTensor Convert(KerasOnnxBuilder builder, KerasLayerSpec layer, IReadOnlyList<GraphTensor> inputs)
    {
        switch (layer.ClassName)
        {
            case "Add" or "Subtract" or "Multiply" or "Average" or "Maximum" or "Minimum":
                return KerasMergeLayers.Elementwise(builder, layer, inputs);
            case "Concatenate":
                return KerasMergeLayers.Concatenate(builder, layer, inputs);
        }
        if (!SupportedClasses.Contains(layer.ClassName) || layer.ClassName == "InputLayer")
        {
            throw Unsupported(builder, layer);
        }
        if (inputs.Count != 1)
        {
            throw builder.Error(layer, $"takes one input, got {inputs.Count}");
        }
        var x = inputs[0];
        if (IdentityLayers.Contains(layer.ClassName))
        {
            return x;
        }
        return layer.ClassName switch
        {
            "Conv1D" => KerasConvolutionLayers.Convolution(builder, layer, x, 1),
            "Conv2D" => KerasConvolutionLayers.Convolution(builder, layer, x, 2),
            "DepthwiseConv1D" => KerasConvolutionLayers.Depthwise(builder, layer, x, 1),
            "DepthwiseConv2D" => KerasConvolutionLayers.Depthwise(builder, layer, x, 2),
            "SeparableConv1D" => KerasConvolutionLayers.Separable(builder, layer, x, 1),
            "SeparableConv2D" => KerasConvolutionLayers.Separable(builder, layer, x, 2),
            "MaxPooling1D" => KerasPoolingLayers.Pool(builder, layer, x, 1, max: true),
            "MaxPooling2D" => KerasPoolingLayers.Pool(builder, layer, x, 2, max: true),
            "AveragePooling1D" => KerasPoolingLayers.Pool(builder, layer, x, 1, max: false),
            "AveragePooling2D" => KerasPoolingLayers.Pool(builder, layer, x, 2, max: false),
            "GlobalAveragePooling1D" => KerasPoolingLayers.Global(builder, layer, x, 1, max: false),
            "GlobalAveragePooling2D" => KerasPoolingLayers.Global(builder, layer, x, 2, max: false),
            "GlobalMaxPooling1D" => KerasPoolingLayers.Global(builder, layer, x, 1, max: true),
            "GlobalMaxPooling2D" => KerasPoolingLayers.Global(builder, layer, x, 2, max: true),
            "BatchNormalization" => KerasNormalizationLayers.Batch(builder, layer, x),
            "LayerNormalization" => KerasNormalizationLayers.Layer(builder, layer, x),
            "Dense" => KerasCoreLayers.Dense(builder, layer, x),
            "Flatten" => KerasCoreLayers.Flatten(builder, layer, x),
            "Reshape" => KerasCoreLayers.Reshape(builder, layer, x),
            "Permute" => KerasCoreLayers.Permute(builder, layer, x),
            "ZeroPadding1D" => KerasCoreLayers.ZeroPadding(builder, layer, x, 1),
            "ZeroPadding2D" => KerasCoreLayers.ZeroPadding(builder, layer, x, 2),
            "Cropping1D" => KerasCoreLayers.Cropping(builder, layer, x, 1),
            "Cropping2D" => KerasCoreLayers.Cropping(builder, layer, x, 2),
            "Activation" => KerasActivationLayers.Activation(builder, layer, x),
            "ReLU" => KerasActivationLayers.Relu(builder, layer, x),
            "LeakyReLU" => KerasActivationLayers.LeakyRelu(builder, layer, x),
            "ELU" => KerasActivationLayers.Elu(builder, layer, x),
            "PReLU" => KerasActivationLayers.PRelu(builder, layer, x),
            _ => KerasActivationLayers.Softmax(builder, layer, x),
        };
    }

    public static InvalidFileException Unsupported(KerasOnnxBuilder builder, KerasLayerSpec layer) =>
        builder.Error(layer, $"layer class '{layer.ClassName}' is not supported; supported: {string.Join(", ", SupportedClasses)}");

    /// <summary>The layer's 'activation' (linear when absent), or an error naming it when it is not a built-in name.</summary>
    public static string ActivationName(KerasOnnxBuilder builder, KerasLayerSpec layer)
    {
        if (!layer.Config.TryGetProperty("activation", out var activation))
        {
            return "linear";
        }
        return KerasActivationLayers.ActivationText(activation)
            ?? throw builder.Error(layer, $"activation {activation.GetRawText()} is not a built-in activation name; supported: {string.Join(", ", KerasActivations.Supported)}");
    }

    public static void RequireChannelsLast(KerasOnnxBuilder builder, KerasLayerSpec layer)
    {
        var format = KerasJson.String(layer.Config, "data_format", "channels_last");
        if (format != "channels_last")
        {
            throw builder.Error(layer, $"data_format '{format}' is not supported; channels_last (the Keras default) is");
        }
    }
}
