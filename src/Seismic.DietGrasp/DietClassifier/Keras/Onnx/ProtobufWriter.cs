using System.Runtime.InteropServices;
using System.Text;

namespace Seismic.DietGrasp.DietClassifier.Keras.Onnx;

/// <summary>
/// The few protocol-buffer encodings an ONNX model needs (varints, length-delimited bytes, packed
/// int64 and float32), written from the protobuf wire-format documentation. Nested messages are
/// built in their own writer and added whole, so every length is known when it is written.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int VarintWire = 0;
    private const int LengthDelimitedWire = 2;
    private const int Fixed32Wire = 5;

    private readonly MemoryStream _buffer = new();

    /// <summary>Bytes written so far.</summary>
    public long Length => _buffer.Length;

    public void WriteInt64(int field, long value)
    {
        WriteTag(field, VarintWire);
        // Negative int64 values are written as their 64-bit two's complement (10 bytes), as protobuf does.
        WriteVarint(unchecked((ulong)value));
    }

    public void WriteFloat(int field, float value)
    {
        WriteTag(field, Fixed32Wire);
        Span<float> one = stackalloc float[] { value };
        WriteLittleEndian(MemoryMarshal.AsBytes(one));
    }

    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, LengthDelimitedWire);
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteMessage(int field, ProtobufWriter message) => WriteBytes(field, message._buffer.ToArray());

    public void WritePackedInt64(int field, IReadOnlyList<long> values)
    {
        var packed = new ProtobufWriter();
        foreach (var value in values)
        {
            packed.WriteVarint(unchecked((ulong)value));
        }
        WriteMessage(field, packed);
    }

    /// <summary>Floats as little-endian bytes (the layout of packed float fields and of TensorProto.raw_data).</summary>
    public static byte[] FloatBytes(ReadOnlySpan<float> values)
    {
        var bytes = MemoryMarshal.AsBytes(values).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < bytes.Length; i += 4)
            {
                Array.Reverse(bytes, i, 4);
            }
        }
        return bytes;
    }

    public byte[] ToArray() => _buffer.ToArray();

    private void WriteTag(int field, int wireType) => WriteVarint(((ulong)field << 3) | (uint)wireType);

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }

    private void WriteLittleEndian(ReadOnlySpan<byte> bytes)
    {
        if (BitConverter.IsLittleEndian)
        {
            WriteRaw(bytes);
            return;
        }
        var copy = bytes.ToArray();
        Array.Reverse(copy);
        WriteRaw(copy);
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
#if NET
        _buffer.Write(bytes);
#else
        var array = bytes.ToArray();
        _buffer.Write(array, 0, array.Length);
#endif
    }
}
