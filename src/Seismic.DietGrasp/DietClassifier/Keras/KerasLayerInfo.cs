namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>One layer of a <see cref="KerasModel"/>: its name, class, output shape and parameter count.</summary>
public sealed class KerasLayerInfo
{
    internal KerasLayerInfo(string name, string className, IReadOnlyList<int?> outputShape, long parameterCount, IReadOnlyList<string> inbound)
    {
        Name = name;
        ClassName = className;
        OutputShape = outputShape;
        ParameterCount = parameterCount;
        Inbound = inbound;
    }

    /// <summary>The layer's name in the model (unique within it).</summary>
    public string Name { get; }

    /// <summary>The Keras class (<c>Conv2D</c>, <c>Dense</c>, ...).</summary>
    public string ClassName { get; }

    /// <summary>The output shape in Keras (channels-last) order; null entries are dynamic (the batch axis, or sizes the input leaves open).</summary>
    public IReadOnlyList<int?> OutputShape { get; }

    /// <summary>The number of weight values the layer holds in the file.</summary>
    public long ParameterCount { get; }

    /// <summary>The names of the layers whose outputs it reads (empty for an input layer).</summary>
    public IReadOnlyList<string> Inbound { get; }

    /// <summary>A shape as Keras prints it: <c>(None, 73, 71, 3)</c>.</summary>
    /// <param name="shape">The shape; null entries print as None.</param>
    /// <returns>The text.</returns>
    public static string FormatShape(IReadOnlyList<int?> shape)
    {
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }
        var parts = shape.Select(s => s is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None").ToArray();
        return parts.Length == 1 ? $"({parts[0]},)" : $"({string.Join(", ", parts)})";
    }

    /// <summary>Name, class and output shape, e.g. <c>conv2d (Conv2D) (None, 37, 36, 8)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({ClassName}) {FormatShape(OutputShape)}";
}
