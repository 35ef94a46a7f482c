#if NET
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// One Steim2 word decoded without a branch on its layout (AVX2): the word in all eight lanes, each lane shifted left
/// so that its difference sits in the top bits (32, which empties the lane, past the word's count) and back right with
/// the sign, an in-register prefix sum, plus the running sum, converted and stored as eight doubles.
/// </summary>
/// <remarks>
/// Why: a Steim2 word holds 1 to 7 differences in seven layouts, and in seismic noise the layout changes from word to
/// word at random, so a branch (or switch) on it is mispredicted about every other word. Unrolled per layout, the
/// decoder took as long as the general loop (1.34 against 1.37 ms for a 100 Hz channel-hour of noise, shared machine);
/// the table-driven lanes have no data-dependent branch: 0.88 ms, and 0.53 ms with <see cref="Frame"/> a loop of its
/// own (inlined into the whole decoder, its registers spilled). Writes eight doubles whatever the count: the caller keeps
/// eight slots ahead, and the lanes past the count are overwritten by the next words.
/// </remarks>
internal static class Steim2Vector
{
    /// <summary>Differences per word by key (code &lt;&lt; 2 | sub-code); 0: no data (code 0) or an invalid sub-code.</summary>
    private static ReadOnlySpan<byte> Counts => [0, 0, 0, 0, 4, 4, 4, 4, 0, 1, 2, 3, 5, 6, 7, 0];

    /// <summary>
    /// Per key, eight left shifts (32 for an empty lane) then eight right shifts (32 minus the width). Code 1's four bytes
    /// are read from a big-endian word, so that the first, in memory order, is in the top bits as for the others.
    /// </summary>
    private static ReadOnlySpan<uint> Shifts =>
    [
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 24, 24, 24, 24, 24, 24, 24,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 24, 24, 24, 24, 24, 24, 24,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 24, 24, 24, 24, 24, 24, 24,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 24, 24, 24, 24, 24, 24, 24,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 32, 32, 32, 32, 32, 32, 32, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 17, 32, 32, 32, 32, 32, 32, 17, 17, 17, 17, 17, 17, 17, 17,
        2, 12, 22, 32, 32, 32, 32, 32, 22, 22, 22, 22, 22, 22, 22, 22,
        2, 8, 14, 20, 26, 32, 32, 32, 26, 26, 26, 26, 26, 26, 26, 26,
        2, 7, 12, 17, 22, 27, 32, 32, 27, 27, 27, 27, 27, 27, 27, 27,
        4, 8, 12, 16, 20, 24, 28, 32, 28, 28, 28, 28, 28, 28, 28, 28,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Whether this machine runs <see cref="Word"/> (x86 with AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Words <paramref name="firstWord"/> to 15 of the frame at <paramref name="frame"/> (word 0 held
    /// <paramref name="codes"/>), all of whose differences fit from <paramref name="output"/> on with eight slots to
    /// spare; returns how many samples, or -1 - the word with an invalid sub-code. Jitted optimised at once
    /// (<see cref="HotPath"/>).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static int Frame(ref byte frame, int firstWord, uint codes, bool bigEndian, ref double output, ref int current)
    {
        var sum = current;
        var added = 0;
        for (var word = firstWord; word < 16; word++)
        {
            var code = (int)(codes >> (30 - (2 * word))) & 3;
            if (code == 0)
            {
                continue;
            }
            var count = Word(ref frame, 4 * word, code, bigEndian, ref Unsafe.Add(ref output, added), ref sum);
            if (count == 0)
            {
                return -1 - word;
            }
            added += count;
        }
        current = sum;
        return added;
    }

    /// <summary>Whether this machine runs <see cref="Frame512"/> (x86 with AVX-512 F, BW and VL).</summary>
    public static bool IsSupported512 => Avx512F.IsSupported && Avx512BW.IsSupported && Avx512F.VL.IsSupported;

    /// <summary>
    /// <see cref="Frame512"/>'s rows, 64 bytes each, by key (byte order &lt;&lt; 4 | code &lt;&lt; 2 | sub-code; byte order 0
    /// big-endian, 1 little-endian): eight left shifts (32 for an empty lane), the right shift (32 minus the width), the
    /// count of differences, six unused. Code 1's bytes lie in memory order, so in a little-endian word the first is in the
    /// low bits: its rows 20-23 shift the other way round, and no word needs swapping on its code.
    /// </summary>
    private static ReadOnlySpan<uint> Rows =>
    [
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        0, 8, 16, 24, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 32, 32, 32, 32, 32, 32, 32, 2, 1, 0, 0, 0, 0, 0, 0,
        2, 17, 32, 32, 32, 32, 32, 32, 17, 2, 0, 0, 0, 0, 0, 0,
        2, 12, 22, 32, 32, 32, 32, 32, 22, 3, 0, 0, 0, 0, 0, 0,
        2, 8, 14, 20, 26, 32, 32, 32, 26, 5, 0, 0, 0, 0, 0, 0,
        2, 7, 12, 17, 22, 27, 32, 32, 27, 6, 0, 0, 0, 0, 0, 0,
        4, 8, 12, 16, 20, 24, 28, 32, 28, 7, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        24, 16, 8, 0, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        24, 16, 8, 0, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        24, 16, 8, 0, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        24, 16, 8, 0, 32, 32, 32, 32, 24, 4, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 32, 32, 32, 32, 32, 32, 32, 2, 1, 0, 0, 0, 0, 0, 0,
        2, 17, 32, 32, 32, 32, 32, 32, 17, 2, 0, 0, 0, 0, 0, 0,
        2, 12, 22, 32, 32, 32, 32, 32, 22, 3, 0, 0, 0, 0, 0, 0,
        2, 8, 14, 20, 26, 32, 32, 32, 26, 5, 0, 0, 0, 0, 0, 0,
        2, 7, 12, 17, 22, 27, 32, 32, 27, 6, 0, 0, 0, 0, 0, 0,
        4, 8, 12, 16, 20, 24, 28, 32, 28, 7, 0, 0, 0, 0, 0, 0,
        32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// <see cref="Frame"/> on AVX-512: the same contract and the same samples. The frame's sixteen words are checked at
    /// once (an invalid sub-code: -1 - the first such word, nothing written); then each word, unrolled, takes its key from
    /// its code and its own top byte (scalar), its shift row by that key, its lanes as in <see cref="Word"/>, and its
    /// eight doubles converted and stored by one instruction each. Jitted optimised at once (<see cref="HotPath"/>).
    /// </summary>
    /// <remarks>
    /// Why: <see cref="Frame"/> spends about 60 micro-operations a word (the byte-order branch, the key's shifts and
    /// bounds check, the count's test, two conversions and two stores, the loop), and its branches are predicted, so it is
    /// bound by the number of operations; this spends about 28. A first try that stored the keys and first slots worked
    /// out in 512-bit registers to the stack and read them back one word at a time gained only 10%: the reads wait on the
    /// wide stores (store-to-load forwarding), a third of the frame's time in one profile. SteimDecoderBenchmarks,
    /// alternating, 2026-12-03 23:39-23:40 UTC: 0.408 (<see cref="Frame"/>) against 0.275 ms a channel-hour (medians of
    /// three rounds, x0.67).
    /// </remarks>
    [MethodImpl(HotPath.Optimized)]
    public static int Frame512(ref byte frame, int firstWord, uint codes, bool bigEndian, ref double output, ref int current)
    {
        var raw = Vector512.LoadUnsafe(ref frame).AsUInt32();
        var lane = Vector512<uint>.Indices;
        var code = Avx512F.ShiftRightLogicalVariable(Vector512.Create(codes), Vector512.Create(30u) - (lane + lane)) & Vector512.Create(3u);
        code &= Vector512.GreaterThanOrEqual(lane, Vector512.Create((uint)firstWord));
        var swapped = Avx512BW.Shuffle(raw.AsByte(), Vector512.Create(
            0x00010203u, 0x04050607, 0x08090A0B, 0x0C0D0E0F, 0x00010203u, 0x04050607, 0x08090A0B, 0x0C0D0E0F,
            0x00010203u, 0x04050607, 0x08090A0B, 0x0C0D0E0F, 0x00010203u, 0x04050607, 0x08090A0B, 0x0C0D0E0F).AsByte()).AsUInt32();
        var word = bigEndian ? swapped : raw;
        var key = (code << 2) | (word >> 30);
        var counts = Avx512F.PermuteVar16x32(Vector512.Create(0u, 0, 0, 0, 4, 4, 4, 4, 0, 1, 2, 3, 5, 6, 7, 0), key);
        var invalid = (~Vector512.Equals(code, Vector512<uint>.Zero) & Vector512.Equals(counts, Vector512<uint>.Zero)).ExtractMostSignificantBits();
        if (invalid != 0)
        {
            return -1 - BitOperations.TrailingZeroCount(invalid);
        }
        // Codes of the words before the first: 0, so they write nothing that stays (eight copies of the sum, overwritten).
        var codes4 = (nuint)(codes & (uint)((ulong)uint.MaxValue >> (2 * firstWord))) << 2;
        ref var subs = ref Unsafe.Add(ref frame, bigEndian ? 0 : 3);
        var order = bigEndian ? 0 : (nuint)16;
        var swap = bigEndian ? Vector256.Create(0x00010203, 0x04050607, 0x08090A0B, 0x0C0D0E0F, 0x00010203, 0x04050607, 0x08090A0B, 0x0C0D0E0F).AsByte()
            : Vector256.Create(0x03020100, 0x07060504, 0x0B0A0908, 0x0F0E0D0C, 0x03020100, 0x07060504, 0x0B0A0908, 0x0F0E0D0C).AsByte();
        var sum = Vector256.Create(current);
        nuint start = 0;
        sum = Lanes(ref frame, 1, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 2, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 3, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 4, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 5, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 6, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 7, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 8, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 9, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 10, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 11, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 12, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 13, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 14, codes4, ref subs, order, swap, ref output, ref start, sum);
        sum = Lanes(ref frame, 15, codes4, ref subs, order, swap, ref output, ref start, sum);
        current = sum.ToScalar();
        return (int)start;
    }

    /// <summary>
    /// One word of <see cref="Frame512"/>: <paramref name="word"/> of <paramref name="frame"/>, its code in
    /// <paramref name="codes"/> (the frame's, shifted left by 2), its sub-code in the top bits of its byte in
    /// <paramref name="subs"/>, <paramref name="order"/> 16 for a little-endian word, <paramref name="swap"/> the
    /// shuffle that puts it in big-endian order. Writes eight sums of <paramref name="sum"/> (the running sum in all
    /// lanes) from slot <paramref name="start"/>, which it advances; returns the new running sum in all lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Lanes(ref byte frame, int word, nuint codes, ref byte subs, nuint order, Vector256<byte> swap, ref double output, ref nuint start, Vector256<int> sum)
    {
        // The key without a swap: a big-endian word's sub-code is in its first byte's top bits, a little-endian one's in its last.
        var key = ((codes >> (30 - (2 * word))) & 12) | ((nuint)Unsafe.Add(ref subs, 4 * word) >> 6) | order;
        ref var shifts = ref Unsafe.AddByteOffset(ref Unsafe.As<uint, byte>(ref MemoryMarshal.GetReference(Rows)), key << 6);
        var left = Unsafe.ReadUnaligned<Vector256<uint>>(ref shifts);
        var right = Vector256.Create(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref shifts, 32)));
        // Code 1's bytes read in memory order come out as the row expects in both orders: the swap depends on the order only.
        var w = Avx2.Shuffle(Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref frame, 4 * word))).AsByte(), swap).AsInt32();
        var v = Avx2.ShiftRightArithmeticVariable(Avx2.ShiftLeftLogicalVariable(w, left), right);
        v += Avx2.ShiftLeftLogical128BitLane(v, 4);
        v += Avx2.ShiftLeftLogical128BitLane(v, 8);
        v += Avx2.Shuffle(Avx2.Permute2x128(v, v, 0x08), 0xFF);
        Avx512F.ConvertToVector512Double(v + sum).StoreUnsafe(ref output, start);
        start += Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref shifts, 36));
        return sum + Avx2.PermuteVar8x32(v, Vector256.Create(7));
    }

    /// <summary>
    /// Adds the differences of the Steim2 word at byte <paramref name="at"/> (<paramref name="code"/> 1 to 3) to
    /// <paramref name="current"/>, writing the sums from <paramref name="output"/> on, and eight slots in all; returns
    /// how many differences (0: an invalid sub-code, nothing written).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Word(ref byte bytes, int at, int code, bool bigEndian, ref double output, ref int current)
    {
        var raw = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, at));
        // x86 is little-endian: a big-endian word, or code 1's bytes in memory order, are swapped.
        var word = bigEndian || code == 1 ? BinaryPrimitives.ReverseEndianness(raw) : raw;
        var key = (code << 2) | (int)(word >> 30);
        var count = Counts[key];
        if (count == 0)
        {
            return 0;
        }
        ref var shifts = ref Unsafe.As<uint, byte>(ref Unsafe.AsRef(in Shifts[key * 16]));
        var left = Unsafe.ReadUnaligned<Vector256<uint>>(ref shifts);
        var right = Unsafe.ReadUnaligned<Vector256<uint>>(ref Unsafe.Add(ref shifts, 32));
        var v = Avx2.ShiftRightArithmeticVariable(Avx2.ShiftLeftLogicalVariable(Vector256.Create((int)word), left), right);
        // Prefix sum: within each half, then the low half's total into the high half.
        v += Avx2.ShiftLeftLogical128BitLane(v, 4);
        v += Avx2.ShiftLeftLogical128BitLane(v, 8);
        v += Avx2.Shuffle(Avx2.Permute2x128(v, v, 0x08), 0xFF);
        var sums = v + Vector256.Create(current);
        Avx.ConvertToVector256Double(sums.GetLower()).StoreUnsafe(ref output);
        Avx.ConvertToVector256Double(sums.GetUpper()).StoreUnsafe(ref output, 4);
        current += v.GetElement(7);
        return count;
    }
}
#endif
