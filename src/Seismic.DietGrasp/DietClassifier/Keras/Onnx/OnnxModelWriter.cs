using System.Globalization;

namespace Seismic.DietGrasp.DietClassifier.Keras.Onnx;

/// <summary>
/// Serialises an <see cref="OnnxGraph"/> as an ONNX ModelProto (IR version 8, default-domain opset 17).
/// Field numbers are those of the published onnx.proto schema.
/// </summary>
internal static class OnnxModelWriter
{
    public const int Opset = 17;
    private const long IrVersion = 8;

    // TensorProto.DataType
    private const int FloatElement = 1;
    private const int Int64Element = 7;

    public static byte[] Write(OnnxGraph graph, string producerVersion, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ProtobufWriter();
        model.WriteInt64(1, IrVersion);                       // ModelProto.ir_version
        model.WriteString(2, "Seismic.DietGrasp");            // producer_name
        model.WriteString(3, producerVersion);                // producer_version
        model.WriteMessage(7, GraphMessage(graph));           // graph
        var opset = new ProtobufWriter();
        opset.WriteString(1, string.Empty);                   // OperatorSetIdProto.domain (default)
        opset.WriteInt64(2, Opset);                           // version
        model.WriteMessage(8, opset);                         // opset_import
        foreach (var entry in metadata)
        {
            var pair = new ProtobufWriter();
            pair.WriteString(1, entry.Key);                   // StringStringEntryProto.key
            pair.WriteString(2, entry.Value);                 // value
            model.WriteMessage(14, pair);                     // metadata_props
        }
        return model.ToArray();
    }

    private static ProtobufWriter GraphMessage(OnnxGraph graph)
    {
        var message = new ProtobufWriter();
        foreach (var node in graph.Nodes)
        {
            message.WriteMessage(1, NodeMessage(node));        // GraphProto.node
        }
        message.WriteString(2, graph.Name);                    // name
        foreach (var initializer in graph.Initializers)
        {
            message.WriteMessage(5, TensorMessage(initializer)); // initializer
        }
        foreach (var (name, shape) in graph.Inputs)
        {
            message.WriteMessage(11, ValueInfoMessage(name, shape)); // input
        }
        foreach (var (name, shape) in graph.Outputs)
        {
            message.WriteMessage(12, ValueInfoMessage(name, shape)); // output
        }
        return message;
    }

    private static ProtobufWriter NodeMessage(OnnxNode node)
    {
        var message = new ProtobufWriter();
        foreach (var input in node.Inputs)
        {
            message.WriteString(1, input);                     // NodeProto.input
        }
        foreach (var output in node.Outputs)
        {
            message.WriteString(2, output);                    // output
        }
        message.WriteString(3, node.Name);                     // name
        message.WriteString(4, node.OpType);                   // op_type
        foreach (var attribute in node.Attributes)
        {
            message.WriteMessage(5, AttributeMessage(attribute)); // attribute
        }
        return message;
    }

    private static ProtobufWriter AttributeMessage(OnnxAttribute attribute)
    {
        var message = new ProtobufWriter();
        message.WriteString(1, attribute.Name);                // AttributeProto.name
        switch (attribute.Type)
        {
            case OnnxAttribute.FloatType:
                message.WriteFloat(2, attribute.Float);        // f
                break;
            case OnnxAttribute.IntType:
                message.WriteInt64(3, attribute.Int);          // i
                break;
            case OnnxAttribute.StringType:
                message.WriteString(4, attribute.Text);        // s
                break;
            default:
                message.WritePackedInt64(8, attribute.Ints);   // ints
                break;
        }
        message.WriteInt64(20, attribute.Type);                // type
        return message;
    }

    private static ProtobufWriter TensorMessage(OnnxInitializer tensor)
    {
        var message = new ProtobufWriter();
        message.WritePackedInt64(1, tensor.Dimensions);        // TensorProto.dims
        if (tensor.Floats is { } floats)
        {
            message.WriteInt64(2, FloatElement);               // data_type
            message.WriteString(8, tensor.Name);               // name
            message.WriteBytes(9, ProtobufWriter.FloatBytes(floats)); // raw_data (little-endian)
        }
        else
        {
            message.WriteInt64(2, Int64Element);
            message.WriteString(8, tensor.Name);
            message.WritePackedInt64(7, tensor.Int64s!);       // int64_data
        }
        return message;
    }

    private static ProtobufWriter ValueInfoMessage(string name, IReadOnlyList<int?> shape)
    {
        var dimensions = new ProtobufWriter();
        for (var i = 0; i < shape.Count; i++)
        {
            var dimension = new ProtobufWriter();
            if (shape[i] is { } size)
            {
                dimension.WriteInt64(1, size);                 // Dimension.dim_value
            }
            else
            {
                dimension.WriteString(2, i == 0 ? "N" : "d" + i.ToString(CultureInfo.InvariantCulture)); // dim_param
            }
            dimensions.WriteMessage(1, dimension);             // TensorShapeProto.dim
        }
        var tensorType = new ProtobufWriter();
        tensorType.WriteInt64(1, FloatElement);                // TypeProto.Tensor.elem_type
        tensorType.WriteMessage(2, dimensions);                // shape
        var type = new ProtobufWriter();
        type.WriteMessage(1, tensorType);                      // TypeProto.tensor_type
        var message = new ProtobufWriter();
        message.WriteString(1, name);                          // ValueInfoProto.name
        message.WriteMessage(2, type);                         // type
        return message;
    }
}
