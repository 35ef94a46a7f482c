using System.Buffers.Binary;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>
/// The library's Steim decoder as it was until issue #18's faster one (one difference at a time, its width, order
/// and shift worked out per difference): simple enough to check by eye against the SEED manual, kept here as the
/// reference that SteimDecoderTests holds the fast decoder to, bit for bit and message for message.
/// </summary>
internal static class ReferenceSteimDecoder
{
    /// <summary>
    /// Steim1/Steim2: 64-byte frames of 16 words; word 0 holds 2-bit codes for words 1..15. Frame 0's
    /// words 1 and 2 are the forward (first sample) and reverse (last sample) integration constants.
    /// Returns null when the frames are consistent, else what is wrong (the same words as the library's).
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> data, int count, bool steim2, bool bigEndian, Span<double> destination)
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
