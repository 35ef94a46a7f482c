namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>
/// Output sizes and explicit pads of Keras's padding modes along one spatial axis. 'same' gives
/// ceil(in / stride) outputs and, when the total padding is odd, puts the extra pad at the END
/// (TensorFlow's rule; PyTorch-style symmetric padding would shift every output by one pixel).
/// </summary>
internal static class KerasPadding
{
    public static (int? Output, int Begin, int End) Along(string padding, int? input, int kernel, int stride, int dilation)
    {
        var effective = ((kernel - 1) * dilation) + 1;
        switch (padding)
        {
            case "valid":
                return (input is { } n ? Math.Max(0, ((n - effective) / stride) + 1) : null, 0, 0);
            case "same":
                if (input is not { } size)
                {
                    return (null, -1, -1);
                }
                var output = (size + stride - 1) / stride;
                var total = Math.Max(((output - 1) * stride) + effective - size, 0);
                return (output, total / 2, total - (total / 2));
            case "causal":
                return (input is { } length ? (length + stride - 1) / stride : null, effective - 1, 0);
            default:
                throw new ArgumentOutOfRangeException(nameof(padding), padding, "valid, same or causal");
        }
    }
}
