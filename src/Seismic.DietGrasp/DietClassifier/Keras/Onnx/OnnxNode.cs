namespace Seismic.DietGrasp.DietClassifier.Keras.Onnx;

/// <summary>One ONNX operator call: its type, input and output tensor names, and attributes.</summary>
internal sealed class OnnxNode
{
    public OnnxNode(string opType, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, IReadOnlyList<OnnxAttribute> attributes)
    {
        OpType = opType;
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        Attributes = attributes;
    }

    public string OpType { get; }

    public string Name { get; }

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public IReadOnlyList<OnnxAttribute> Attributes { get; }
}
