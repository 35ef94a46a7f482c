namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Reorders weight arrays between Keras's layout (kernel spatial axes first) and ONNX's (output channels first).</summary>
internal static class WeightLayout
{
    /// <summary>Transposes a row-major array: result axis i is source axis <paramref name="permutation"/>[i] (numpy's transpose).</summary>
    public static float[] Transpose(float[] values, int[] shape, int[] permutation)
    {
        var rank = shape.Length;
        var resultShape = permutation.Select(axis => shape[axis]).ToArray();
        var sourceStrides = Strides(shape);
        var result = new float[values.Length];
        var index = new int[rank];
        for (var flat = 0; flat < result.Length; flat++)
        {
            var source = 0;
            for (var i = 0; i < rank; i++)
            {
                source += index[i] * sourceStrides[permutation[i]];
            }
            result[flat] = values[source];
            for (var i = rank - 1; i >= 0; i--)
            {
                if (++index[i] < resultShape[i])
                {
                    break;
                }
                index[i] = 0;
            }
        }
        return result;
    }

    /// <summary>Keras convolution kernel [k..., in, out] as ONNX Conv weights [out, in, k...].</summary>
    public static float[] ConvolutionKernel(KerasTensor kernel)
    {
        var rank = kernel.Shape.Length;
        var permutation = new[] { rank - 1, rank - 2 }.Concat(Enumerable.Range(0, rank - 2)).ToArray();
        return Transpose(kernel.Values, kernel.Shape, permutation);
    }

    /// <summary>
    /// Keras depthwise kernel [k..., in, multiplier] as grouped ONNX Conv weights [in * multiplier, 1, k...]:
    /// output channel c * multiplier + m filters input channel c with multiplier m, Keras's output order.
    /// </summary>
    public static float[] DepthwiseKernel(KerasTensor kernel) =>
        // [k..., in, mult] -> [in, mult, k...]: row-major, that is [in * mult, 1, k...].
        Transpose(kernel.Values, kernel.Shape, new[] { kernel.Shape.Length - 2, kernel.Shape.Length - 1 }.Concat(Enumerable.Range(0, kernel.Shape.Length - 2)).ToArray());

    public static long[] OnnxDimensions(IEnumerable<int> shape) => shape.Select(s => (long)s).ToArray();

    private static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        var stride = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }
}
