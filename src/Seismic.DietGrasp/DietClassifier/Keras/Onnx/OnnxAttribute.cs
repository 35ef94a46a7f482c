namespace Seismic.DietGrasp.DietClassifier.Keras.Onnx;

/// <summary>One attribute of an ONNX node: an integer, a float, a string or a list of integers.</summary>
internal sealed class OnnxAttribute
{
    // AttributeProto.AttributeType values (onnx.proto).
    internal const int FloatType = 1;
    internal const int IntType = 2;
    internal const int StringType = 3;
    internal const int IntsType = 7;

    private OnnxAttribute(string name, int type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public int Type { get; }

    public long Int { get; private init; }

    public float Float { get; private init; }

    public string Text { get; private init; } = string.Empty;

    public IReadOnlyList<long> Ints { get; private init; } = Array.Empty<long>();

    public static OnnxAttribute Of(string name, long value) => new(name, IntType) { Int = value };

    public static OnnxAttribute Of(string name, float value) => new(name, FloatType) { Float = value };

    public static OnnxAttribute Of(string name, string value) => new(name, StringType) { Text = value };

    public static OnnxAttribute Of(string name, IEnumerable<long> values) => new(name, IntsType) { Ints = values.ToArray() };

    public static OnnxAttribute Of(string name, IEnumerable<int> values) => Of(name, values.Select(v => (long)v));
}
