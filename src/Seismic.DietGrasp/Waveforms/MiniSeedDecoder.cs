using System.Buffers.Binary;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>Decodes the data section of one miniSEED record into doubles, without allocating.</summary>
internal static class MiniSeedDecoder
{
    public const int Int16 = 1, Int32 = 3, Float32 = 4, Float64 = 5, Steim1 = 10, Steim2 = 11;

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
                var problem = DecodeSteim(data, count, header.Encoding == Steim2, bigEndian, destination);
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

    /// <summary>
    /// Steim1/Steim2: 64-byte frames of 16 words; word 0 holds 2-bit codes for words 1..15. Frame 0's
    /// words 1 and 2 are the forward (first sample) and reverse (last sample) integration constants.
    /// Returns null when the frames are consistent, else what is wrong.
    /// </summary>
    internal static string? DecodeSteim(ReadOnlySpan<byte> data, int count, bool steim2, bool bigEndian, Span<double> destination)
    {
        if (count == 0)
        {
            return null;
        }
        var frames = data.Length / 64;
        if (frames == 0)
        {
            return $"no 64-byte frame in a {data.Length}-byte data section";
        }
        var first = ReadInt32(data.Slice(4), bigEndian);
        var last = ReadInt32(data.Slice(8), bigEndian);
        var current = first;
        var decoded = 0;
        destination = destination.Slice(0, count);
        var skipFirstDifference = true; // the first difference is relative to the previous record
        for (var frame = 0; frame < frames && decoded < count; frame++)
        {
            var frameBytes = data.Slice(64 * frame, 64);
            var codes = (uint)ReadInt32(frameBytes, bigEndian);
            for (var word = frame == 0 ? 3 : 1; word < 16 && decoded < count; word++)
            {
                var code = (int)(codes >> (30 - 2 * word)) & 3;
                if (code == 0)
                {
                    continue;
                }
                var value = (uint)ReadInt32(frameBytes.Slice(4 * word), bigEndian);
                int differences, bits;
                if (code == 1)
                {
                    (differences, bits) = (4, 8);
                }
                else if (!steim2)
                {
                    (differences, bits) = code == 2 ? (2, 16) : (1, 32);
                }
                else
                {
                    var subcode = (int)(value >> 30);
                    (differences, bits) = (code, subcode) switch
                    {
                        (2, 1) => (1, 30),
                        (2, 2) => (2, 15),
                        (2, 3) => (3, 10),
                        (3, 0) => (5, 6),
                        (3, 1) => (6, 5),
                        (3, 2) => (7, 4),
                        _ => (0, 0),
                    };
                    if (differences == 0)
                    {
                        return $"frame {frame} word {word} has the invalid code {code} with sub-code {subcode}";
                    }
                }
                // Byte- and (Steim1) 16-bit differences lie in memory order, so in a little-endian
                // word the first one is in the low bits (libmseed's rule); bit-packed ones are not reordered.
                var lowBitsFirst = !bigEndian && (code == 1 || (!steim2 && code == 2));
                for (var j = 0; j < differences && decoded < count; j++)
                {
                    var k = lowBitsFirst ? j : differences - 1 - j;
                    var difference = (int)(value << (32 - bits * (k + 1))) >> (32 - bits);
                    if (skipFirstDifference)
                    {
                        skipFirstDifference = false;
                        destination[decoded++] = current;
                        continue;
                    }
                    current += difference;
                    destination[decoded++] = current;
                }
            }
        }
        if (decoded < count)
        {
            return $"the {frames} frames hold {decoded} samples, the header says {count} (sample count mismatch)";
        }
        if (current != last)
        {
            return $"last sample {current} differs from the reverse integration constant {last} (corrupt data)";
        }
        return null;
    }

    private static int ReadInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes);
}
