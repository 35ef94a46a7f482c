using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// Steim1 and Steim2 data sections: 64-byte frames of 16 words, word 0 holding 2-bit codes for words 1..15, frame 0's
/// words 1 and 2 the forward (first sample) and reverse (last sample) integration constants. Decoded word by word into
/// doubles, the running sum written straight into the destination.
/// </summary>
/// <remarks>
/// Why this shape: the general loop (one difference at a time, its width, order and shift worked out per difference,
/// a bounds check and three tests per sample) took 1.3-1.5 ms for a 100 Hz channel-hour of Steim2 noise, most of it
/// in mispredicted branches on the word layout, which changes at random from word to word. Now whole frames that fit
/// in what is left of the count go to a loop of their own, a word at a time without a test on the count: on AVX2
/// (net10.0) through <c>Steim2Vector</c>, branch-free (on AVX-512 its <c>Frame512</c>, 0.28 against 0.41 ms: see
/// there); elsewhere, and for Steim1, unrolled per layout with constant shifts. Only the record's first word (whose first difference is replaced by the forward constant) and its last
/// words take the general path. 0.53 against 1.32 ms a channel-hour (SteimDecoderBenchmarks, shared machine); same
/// samples bit for bit (SteimDecoderTests: every fixture, random records of every layout, both byte orders).
/// </remarks>
internal static class SteimDecoder
{
    /// <summary>The most differences one word holds (Steim2's seven 4-bit ones).</summary>
    private const int MostPerWord = 7;

    /// <summary>Samples still to come for the fast path: Steim2Vector (the net10.0 build, on AVX2) writes eight slots a word.</summary>
    private const int Ahead = 8;

    /// <summary>
    /// Decodes <paramref name="count"/> samples of <paramref name="data"/> (the record's data section) into
    /// <paramref name="destination"/>. Returns null when the frames are consistent, else what is wrong.
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
        destination = destination.Slice(0, count);
        ref var bytes = ref MemoryMarshal.GetReference(data);
        ref var output = ref MemoryMarshal.GetReference(destination);
        var first = (int)Word(ref bytes, 4, bigEndian);
        var last = (int)Word(ref bytes, 8, bigEndian);
        var current = first;
        var decoded = 0;
        var skipFirstDifference = true; // the first difference is relative to the previous record
        Span<int> differences = stackalloc int[MostPerWord];
        for (var frame = 0; frame < frames && decoded < count; frame++)
        {
            var frameStart = 64 * frame;
            var codes = Word(ref bytes, frameStart, bigEndian);
            var word = frame == 0 ? 3 : 1;
            if (!skipFirstDifference && count - decoded >= (15 * MostPerWord) + Ahead)
            {
                // The whole frame fits: no test on the count at all.
                var added = WholeFrame(ref Unsafe.Add(ref bytes, frameStart), word, codes, steim2, bigEndian, ref Unsafe.Add(ref output, decoded), ref current);
                if (added < 0)
                {
                    word = -1 - added;
                    return InvalidWord(frame, word, (int)(codes >> (30 - (2 * word))) & 3, Word(ref bytes, frameStart + (4 * word), bigEndian));
                }
                decoded += added;
                continue;
            }
            for (; word < 16 && decoded < count; word++)
            {
                var code = (int)(codes >> (30 - (2 * word))) & 3;
                if (code == 0)
                {
                    continue;
                }
                var at = frameStart + (4 * word);
                if (!skipFirstDifference && count - decoded >= Ahead)
                {
                    // Every difference of the word fits: no per-sample tests.
                    var added = FastWord(ref bytes, at, code, steim2, bigEndian, ref Unsafe.Add(ref output, decoded), ref current);
                    if (added == 0)
                    {
                        return InvalidWord(frame, word, code, Word(ref bytes, at, bigEndian));
                    }
                    decoded += added;
                    continue;
                }
                var value = Word(ref bytes, at, bigEndian);
                var unpacked = Unpack(value, code, steim2, bigEndian, differences);
                if (unpacked == 0)
                {
                    return InvalidWord(frame, word, code, value);
                }
                for (var j = 0; j < unpacked && decoded < count; j++)
                {
                    if (skipFirstDifference)
                    {
                        skipFirstDifference = false;
                    }
                    else
                    {
                        current += differences[j];
                    }
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

    /// <summary>
    /// Words <paramref name="firstWord"/> to 15 of the frame at <paramref name="frame"/>, all of whose differences fit
    /// from <paramref name="output"/> on (with <see cref="Ahead"/> slots to spare); returns how many samples, or -1 - the
    /// word with an invalid sub-code. A method of its own, called once a frame, so that its loop keeps its registers.
    /// </summary>
    private static int WholeFrame(ref byte frame, int firstWord, uint codes, bool steim2, bool bigEndian, ref double output, ref int current)
    {
#if NET
        if (steim2 && Steim2Vector.IsSupported512)
        {
            return Steim2Vector.Frame512(ref frame, firstWord, codes, bigEndian, ref output, ref current);
        }
        if (steim2 && Steim2Vector.IsSupported)
        {
            return Steim2Vector.Frame(ref frame, firstWord, codes, bigEndian, ref output, ref current);
        }
#endif
        var added = 0;
        for (var word = firstWord; word < 16; word++)
        {
            var code = (int)(codes >> (30 - (2 * word))) & 3;
            if (code == 0)
            {
                continue;
            }
            var count = steim2 ? Steim2Word(ref frame, 4 * word, code, bigEndian, ref Unsafe.Add(ref output, added), ref current)
                : Steim1Word(ref frame, 4 * word, code, bigEndian, ref Unsafe.Add(ref output, added), ref current);
            if (count == 0)
            {
                return -1 - word;
            }
            added += count;
        }
        return added;
    }

    /// <summary>
    /// The differences of one word (<paramref name="code"/> 1 to 3) added to <paramref name="current"/> and written from
    /// <paramref name="output"/> on, with room for <see cref="Ahead"/> slots; returns how many (0: an invalid sub-code).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FastWord(ref byte bytes, int at, int code, bool steim2, bool bigEndian, ref double output, ref int current)
    {
#if NET
        if (steim2 && Steim2Vector.IsSupported)
        {
            return Steim2Vector.Word(ref bytes, at, code, bigEndian, ref output, ref current);
        }
#endif
        return steim2 ? Steim2Word(ref bytes, at, code, bigEndian, ref output, ref current) : Steim1Word(ref bytes, at, code, bigEndian, ref output, ref current);
    }

    /// <summary>
    /// Adds the differences of one Steim2 word at byte <paramref name="at"/> to <paramref name="current"/>, writing each
    /// sum from <paramref name="output"/> on; returns how many (0: an invalid sub-code). Shifts are constants per case:
    /// the first difference sits in the highest bits below the 2-bit sub-code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Steim2Word(ref byte bytes, int at, int code, bool bigEndian, ref double output, ref int current)
    {
        if (code == 1)
        {
            return FourBytes(ref bytes, at, ref output, ref current);
        }
        var sum = current;
        var w = Word(ref bytes, at, bigEndian);
        var s = (int)w;
        int added;
        switch ((code << 2) | (int)(w >> 30))
        {
            case (2 << 2) | 1: // one 30-bit difference
                Unsafe.Add(ref output, 0) = sum += (s << 2) >> 2;
                added = 1;
                break;
            case (2 << 2) | 2: // two 15-bit
                Unsafe.Add(ref output, 0) = sum += (s << 2) >> 17;
                Unsafe.Add(ref output, 1) = sum += (s << 17) >> 17;
                added = 2;
                break;
            case (2 << 2) | 3: // three 10-bit
                Unsafe.Add(ref output, 0) = sum += (s << 2) >> 22;
                Unsafe.Add(ref output, 1) = sum += (s << 12) >> 22;
                Unsafe.Add(ref output, 2) = sum += (s << 22) >> 22;
                added = 3;
                break;
            case (3 << 2) | 0: // five 6-bit
                Unsafe.Add(ref output, 0) = sum += (s << 2) >> 26;
                Unsafe.Add(ref output, 1) = sum += (s << 8) >> 26;
                Unsafe.Add(ref output, 2) = sum += (s << 14) >> 26;
                Unsafe.Add(ref output, 3) = sum += (s << 20) >> 26;
                Unsafe.Add(ref output, 4) = sum += (s << 26) >> 26;
                added = 5;
                break;
            case (3 << 2) | 1: // six 5-bit
                Unsafe.Add(ref output, 0) = sum += (s << 2) >> 27;
                Unsafe.Add(ref output, 1) = sum += (s << 7) >> 27;
                Unsafe.Add(ref output, 2) = sum += (s << 12) >> 27;
                Unsafe.Add(ref output, 3) = sum += (s << 17) >> 27;
                Unsafe.Add(ref output, 4) = sum += (s << 22) >> 27;
                Unsafe.Add(ref output, 5) = sum += (s << 27) >> 27;
                added = 6;
                break;
            case (3 << 2) | 2: // seven 4-bit
                Unsafe.Add(ref output, 0) = sum += (s << 4) >> 28;
                Unsafe.Add(ref output, 1) = sum += (s << 8) >> 28;
                Unsafe.Add(ref output, 2) = sum += (s << 12) >> 28;
                Unsafe.Add(ref output, 3) = sum += (s << 16) >> 28;
                Unsafe.Add(ref output, 4) = sum += (s << 20) >> 28;
                Unsafe.Add(ref output, 5) = sum += (s << 24) >> 28;
                Unsafe.Add(ref output, 6) = sum += (s << 28) >> 28;
                added = 7;
                break;
            default:
                return 0;
        }
        current = sum;
        return added;
    }

    /// <summary>Steim1's counterpart of <see cref="Steim2Word"/>: four 8-bit, two 16-bit or one 32-bit difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Steim1Word(ref byte bytes, int at, int code, bool bigEndian, ref double output, ref int current)
    {
        if (code == 1)
        {
            return FourBytes(ref bytes, at, ref output, ref current);
        }
        var sum = current;
        switch (code)
        {
            case 2:
                // Two 16-bit differences in memory order: each a half-word in the data's byte order.
                Unsafe.Add(ref output, 0) = sum += Half(ref bytes, at, bigEndian);
                Unsafe.Add(ref output, 1) = sum += Half(ref bytes, at + 2, bigEndian);
                current = sum;
                return 2;
            default:
                Unsafe.Add(ref output, 0) = sum += (int)Word(ref bytes, at, bigEndian);
                current = sum;
                return 1;
        }
    }

    /// <summary>Code 1 of both Steims: four 8-bit differences in memory order, whatever the byte order; returns 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FourBytes(ref byte bytes, int at, ref double output, ref int current)
    {
        var sum = current;
        Unsafe.Add(ref output, 0) = sum += (sbyte)Unsafe.Add(ref bytes, at);
        Unsafe.Add(ref output, 1) = sum += (sbyte)Unsafe.Add(ref bytes, at + 1);
        Unsafe.Add(ref output, 2) = sum += (sbyte)Unsafe.Add(ref bytes, at + 2);
        Unsafe.Add(ref output, 3) = sum += (sbyte)Unsafe.Add(ref bytes, at + 3);
        current = sum;
        return 4;
    }

    /// <summary>
    /// The general unpacking of one word into <paramref name="into"/>, in order; returns how many (0: an invalid
    /// Steim2 sub-code). Byte- and (Steim1) 16-bit differences lie in memory order, so in a little-endian word the
    /// first one is in the low bits (libmseed's rule); bit-packed ones are not reordered.
    /// </summary>
    private static int Unpack(uint value, int code, bool steim2, bool bigEndian, Span<int> into)
    {
        int count, bits;
        if (code == 1)
        {
            (count, bits) = (4, 8);
        }
        else if (!steim2)
        {
            (count, bits) = code == 2 ? (2, 16) : (1, 32);
        }
        else
        {
            (count, bits) = (code, (int)(value >> 30)) switch
            {
                (2, 1) => (1, 30),
                (2, 2) => (2, 15),
                (2, 3) => (3, 10),
                (3, 0) => (5, 6),
                (3, 1) => (6, 5),
                (3, 2) => (7, 4),
                _ => (0, 0),
            };
        }
        var lowBitsFirst = !bigEndian && (code == 1 || (!steim2 && code == 2));
        for (var j = 0; j < count; j++)
        {
            var k = lowBitsFirst ? j : count - 1 - j;
            into[j] = (int)(value << (32 - (bits * (k + 1)))) >> (32 - bits);
        }
        return count;
    }

    private static string InvalidWord(int frame, int word, int code, uint value) =>
        $"frame {frame} word {word} has the invalid code {code} with sub-code {value >> 30}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(ref byte bytes, int at, bool bigEndian)
    {
        var raw = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, at));
        return bigEndian == BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(raw) : raw;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Half(ref byte bytes, int at, bool bigEndian)
    {
        var raw = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref bytes, at));
        return (short)(bigEndian == BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(raw) : raw);
    }
}
