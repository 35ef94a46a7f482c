namespace Seismic.DietGrasp.DietClassifier.Keras.Onnx;

/// <summary>An ONNX graph being built: nodes in topological order, constants, and typed float32 inputs and outputs.</summary>
internal sealed class OnnxGraph
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraph(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public List<OnnxNode> Nodes { get; } = new();

    public List<OnnxInitializer> Initializers { get; } = new();

    /// <summary>Graph inputs: name and shape (null for a dynamic dimension, named <c>N</c> on axis 0).</summary>
    public List<(string Name, IReadOnlyList<int?> Shape)> Inputs { get; } = new();

    /// <summary>Graph outputs, as <see cref="Inputs"/>.</summary>
    public List<(string Name, IReadOnlyList<int?> Shape)> Outputs { get; } = new();

    /// <summary>A tensor name not used yet, based on <paramref name="wanted"/>.</summary>
    public string UniqueName(string wanted)
    {
        var name = wanted;
        for (var i = 1; !_names.Add(name); i++)
        {
            name = $"{wanted}_{i}";
        }
        return name;
    }

    /// <summary>Adds a node with one output named after <paramref name="outputName"/> (made unique) and returns that name.</summary>
    public string Add(string opType, string outputName, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        var output = UniqueName(outputName);
        Nodes.Add(new OnnxNode(opType, output, inputs, new[] { output }, attributes));
        return output;
    }

    public string AddFloat(string name, IReadOnlyList<long> dimensions, float[] values)
    {
        var unique = UniqueName(name);
        Initializers.Add(OnnxInitializer.Float(unique, dimensions, values));
        return unique;
    }

    public string AddInt64(string name, long[] values)
    {
        var unique = UniqueName(name);
        Initializers.Add(OnnxInitializer.Int64(unique, new long[] { values.Length }, values));
        return unique;
    }
}
