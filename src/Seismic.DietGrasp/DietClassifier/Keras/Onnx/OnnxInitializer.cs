namespace Seismic.DietGrasp.DietClassifier.Keras.Onnx;

/// <summary>A constant tensor of the graph (weights, shapes, pads): float32 or int64.</summary>
internal sealed class OnnxInitializer
{
    private OnnxInitializer(string name, IReadOnlyList<long> dimensions)
    {
        Name = name;
        Dimensions = dimensions;
    }

    public string Name { get; }

    public IReadOnlyList<long> Dimensions { get; }

    /// <summary>The values when the tensor is float32, else null.</summary>
    public float[]? Floats { get; private init; }

    /// <summary>The values when the tensor is int64, else null.</summary>
    public long[]? Int64s { get; private init; }

    public static OnnxInitializer Float(string name, IReadOnlyList<long> dimensions, float[] values) => new(name, dimensions) { Floats = values };

    public static OnnxInitializer Int64(string name, IReadOnlyList<long> dimensions, long[] values) => new(name, dimensions) { Int64s = values };
}
