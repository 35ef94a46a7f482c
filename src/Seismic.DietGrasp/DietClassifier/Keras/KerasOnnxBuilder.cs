using System.Globalization;
using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>
/// The state of one Keras-to-ONNX conversion: the graph, the weights, and helpers that layer
/// converters share (layout changes, weight checks, activations, errors that name the layer).
/// </summary>
internal sealed class KerasOnnxBuilder
{
    private readonly KerasWeightFile _weights;

    public KerasOnnxBuilder(OnnxGraph graph, KerasWeightFile weights, string source, string kerasVersion)
    {
        Graph = graph;
        _weights = weights;
        Source = source;
        KerasVersion = kerasVersion;
    }

    public OnnxGraph Graph { get; }

    public string Source { get; }

    /// <summary>The Keras version that wrote the file ("2.2.4", "3.11.3", ...), or empty when unknown.</summary>
    public string KerasVersion { get; }

    public bool IsKeras3 => KerasVersion.StartsWith("3", StringComparison.Ordinal);

    /// <summary>An error about one layer: names the file, the layer and its class.</summary>
    public InvalidFileException Error(KerasLayerSpec layer, string message) =>
        new(Source, $"layer '{layer.Name}' ({layer.ClassName}): {message}");

    /// <summary>The tensor in Keras (channels-last) axis order, transposing if needed.</summary>
    public GraphTensor ToKerasOrder(GraphTensor tensor) => ToLayout(tensor, GraphTensor.KerasOrder(tensor.Rank));

    /// <summary>The tensor channels-first (batch, channels, spatial), as ONNX convolutions and pooling want it.</summary>
    public GraphTensor ToChannelsFirst(GraphTensor tensor) => ToLayout(tensor, GraphTensor.ChannelsFirst(tensor.Rank));

    public GraphTensor ToLayout(GraphTensor tensor, int[] layout)
    {
        if (tensor.Layout.SequenceEqual(layout))
        {
            return tensor;
        }
        var permutation = layout.Select(axis => Array.IndexOf(tensor.Layout, axis)).ToArray();
        var name = Graph.Add("Transpose", tensor.Name + "/transposed", new[] { tensor.Name }, OnnxAttribute.Of("perm", permutation));
        return new GraphTensor(name, tensor.Shape, layout);
    }

    /// <summary>
    /// The layer's weights, checked against the shapes its config implies. <paramref name="expected"/>
    /// lists (role, shape) in Keras's storage order.
    /// </summary>
    public KerasTensor[] Weights(KerasLayerSpec layer, params (string Role, int[] Shape)[] expected)
    {
        var stored = _weights.For(layer.Name);
        var wanted = string.Join(", ", expected.Select(e => $"{e.Role} {Format(e.Shape)}"));
        if (stored is null || (stored.Count == 0 && expected.Length > 0))
        {
            throw Error(layer, $"no weights in the file (the config needs {wanted})");
        }
        if (stored.Count != expected.Length)
        {
            throw Error(layer, $"the file has {stored.Count} weight arrays ({string.Join(", ", stored.Select(s => $"{s.Name} {Format(s.Shape)}"))}); the config needs {expected.Length}: {wanted}");
        }
        for (var i = 0; i < expected.Length; i++)
        {
            if (!stored[i].Shape.SequenceEqual(expected[i].Shape))
            {
                throw Error(layer, $"{expected[i].Role} '{stored[i].Name}' has shape {Format(stored[i].Shape)} in the file; the config needs {Format(expected[i].Shape)}");
            }
        }
        return stored.ToArray();
    }

    /// <summary>A known size of a dimension, or an error naming the layer when the config leaves it open.</summary>
    public int Known(KerasLayerSpec layer, int? size, string what) =>
        size ?? throw Error(layer, $"the {what} is not fixed by the model's input shape; it must be known to convert this layer");

    /// <summary>Adds a float constant shaped to broadcast along one ONNX axis of a tensor of the given rank.</summary>
    public string AxisConstant(string name, float[] values, int rank, int physicalAxis)
    {
        var dimensions = Enumerable.Repeat(1L, rank).ToArray();
        dimensions[physicalAxis] = values.Length;
        return Graph.AddFloat(name, dimensions, values);
    }

    public string Scalar(string name, float value) => Graph.AddFloat(name, Array.Empty<long>(), new[] { value });

    /// <summary>Applies a Keras activation given by name (the <c>activation</c> of a layer or of an Activation layer).</summary>
    public GraphTensor Activation(KerasLayerSpec layer, GraphTensor input, string activation, string outputName)
    {
        return KerasActivations.Apply(this, layer, input, activation, outputName);
    }

    public static string Format(IEnumerable<int> shape) => "[" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";

    public static string Format(IEnumerable<int?> shape) => "[" + string.Join(", ", shape.Select(s => s is { } v ? v.ToString(CultureInfo.InvariantCulture) : "None")) + "]";
}
