using System.Buffers.Binary;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>Decodes the data section of one miniSEED record into doubles, without allocating.</summary>
internal static class MiniSeedDecoder
{
    public const int Int16 = 1, Int32 = 3, Float32 = 4, Float64 = 5, Steim1 = 10, Steim2 = 11;

    /// <summary>Whether <paramref name="encoding"/> stores integers (int16, int32, Steim1, Steim2): its samples are never NaN or infinite.</summary>
    public static bool IsInteger(int encoding) => encoding is Int16 or Int32 or Steim1 or Steim2;

    /// <summary>Decodes <paramref name="header"/>.SampleCount samples of <paramref name="record"/> into <paramref name="destination"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> record, in MiniSeedRecordHeader header, Span<double> destination, RecordLocation where)
    {
        var count = header.SampleCount;
        var data = record.Slice(header.DataOffset, header.RecordLength - header.DataOffset);
        var bigEndian = header.DataBigEndian;
        CheckSampleCount(header, where);
        switch (header.Encoding)
        {
            case Int16:
                for (var i = 0; i < count; i++)
                {
                    destination[i] = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(data.Slice(2 * i)) : BinaryPrimitives.ReadInt16LittleEndian(data.Slice(2 * i));
                }
                break;
            case Int32:
                for (var i = 0; i < count; i++)
                {
                    destination[i] = ReadInt32(data.Slice(4 * i), bigEndian);
                }
                break;
            case Float32:
                for (var i = 0; i < count; i++)
                {
                    destination[i] = SacFormat.FloatFromBits(ReadInt32(data.Slice(4 * i), bigEndian));
                }
                break;
            case Float64:
                for (var i = 0; i < count; i++)
                {
                    var bits = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(data.Slice(8 * i)) : BinaryPrimitives.ReadInt64LittleEndian(data.Slice(8 * i));
                    destination[i] = BitConverter.Int64BitsToDouble(bits);
                }
                break;
            case Steim1:
            case Steim2:
                var problem = SteimDecoder.Decode(data, count, header.Encoding == Steim2, bigEndian, destination);
                if (problem is not null)
                {
                    throw where.Fail($"Steim{(header.Encoding == Steim2 ? 2 : 1)} frame inconsistency: {problem}");
                }
                break;
            default:
                throw where.Fail($"unknown or unsupported encoding {header.Encoding} (supported: 1 int16, 3 int32, 4 float32, 5 float64, 10 Steim1, 11 Steim2)");
        }
    }

    /// <summary>
    /// Refuses a sample count that the record's data section cannot hold in its encoding, so that a
    /// corrupt count is caught when the file is indexed, before memory is set aside for the samples.
    /// </summary>
    public static void CheckSampleCount(in MiniSeedRecordHeader header, RecordLocation where)
    {
        var count = header.SampleCount;
        var dataBytes = header.RecordLength - header.DataOffset;
        var width = header.Encoding switch { Int16 => 2, Int32 or Float32 => 4, Float64 => 8, _ => 0 };
        if (width > 0 && (long)count * width > dataBytes)
        {
            throw where.Fail($"sample count mismatch: {count} samples of {width} bytes need {count * width} bytes, the data section holds {dataBytes}");
        }
        if (header.Encoding is Steim1 or Steim2 && count > 0)
        {
            // Frame 0 spends two of its 15 data words on the integration constants; a word holds at most 4 (Steim1) or 7 (Steim2) differences.
            var frames = dataBytes / 64;
            var steim2 = header.Encoding == Steim2;
            var most = Math.Max(0, (15 * frames) - 2) * (steim2 ? 7 : 4);
            if (count > most)
            {
                throw where.Fail($"Steim{(steim2 ? 2 : 1)} frame inconsistency: the {frames} frames hold at most {most} samples, the header says {count} (sample count mismatch)");
            }
        }
    }

    private static int ReadInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes);
}
