using System.Text;

namespace Seismic.DietGrasp.Tests.DietClassifier.Keras;

/// <summary>The operator types of an ONNX model's main graph, read straight from its protobuf bytes (ModelProto.graph = 7, GraphProto.node = 1, NodeProto.op_type = 4, domain = 7).</summary>
internal static class OnnxOperatorList
{
    public static List<string> Read(byte[] model)
    {
        var graph = Fields(model).First(f => f.Number == 7).Bytes!;
        return Fields(graph).Where(f => f.Number == 1).Select(node =>
        {
            var fields = Fields(node.Bytes!).ToList();
            var op = Encoding.UTF8.GetString(fields.First(f => f.Number == 4).Bytes!);
            var domain = fields.FirstOrDefault(f => f.Number == 7).Bytes is { Length: > 0 } d ? Encoding.UTF8.GetString(d) + ":" : string.Empty;
            return domain + op;
        }).ToList();
    }

    private static IEnumerable<(int Number, byte[]? Bytes)> Fields(byte[] message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    Varint(message, ref at);
                    yield return (number, null);
                    break;
                case 1:
                    at += 8;
                    yield return (number, null);
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    yield return (number, message.AsSpan(at, length).ToArray());
                    at += length;
                    break;
                case 5:
                    at += 4;
                    yield return (number, null);
                    break;
                default:
                    throw new InvalidDataException($"wire type {key & 7} at byte {at}");
            }
        }
    }

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
