using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// The float32 path's last step (<see cref="SpectrogramPrecision.Single"/>): from the three components' power planes to
/// the [73, 71, 3] image, clip((L - (Lmax - R)) / R, 0, 1) with L = log10(PSD + 1e-30), computed as
/// clip(1 + log10(r) / R, 0, 1) with r = (PSD + 1e-30) / (PSDmax + 1e-30) in float.
/// </summary>
/// <remarks>
/// Why: the double path takes the logarithm of every power in double, 8 lanes at a time with a double division each,
/// then scales, narrows and interleaves the doubles: together about 7% of an S-net day's CPU (perf, 2026-12-03 23:14 UTC).
/// Relative to the loudest pixel every value that can show lies in [1e-4, 1], where float holds r to 6e-8 and its
/// logarithm to about 1e-7 of a decade, 4e-8 of the 0-1 scale after the division by R = 4, far inside the float path's
/// 1e-5 bound (SinglePrecisionSpectrogramTests). So the float path takes the logarithm in float, 16 lanes at a time, of r
/// formed in one multiply-add (the 2^(2 exponent) and the 1e-30 folded into two constants per component), and never
/// widens its powers to double. The 1e-30 is kept exactly as the double path has it, so a record in tiny units
/// (a PSD near 1e-30) gives the same image.
/// </remarks>
internal static class SingleLevels
{
    /// <summary>
    /// <paramref name="powers"/>: per component [73][<see cref="SpectrogramKernel.SingleRowLength"/>] powers (padding
    /// columns 0), which <paramref name="powerScales"/>[c] takes to the samples' units; <paramref name="pixels"/> the same
    /// size, scratch; <paramref name="destination"/> the [73, 71, 3] image.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static void ScaleToUnitRange(float[] powers, double[] powerScales, float[] pixels, Span<float> destination)
    {
        var planeLength = SpectrogramKernel.SinglePlaneLength;
        var loudest = 0.0;
        for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
        {
            loudest = Math.Max(loudest, LargestPower(powers.AsSpan(c * planeLength, planeLength)) * powerScales[c]);
        }
        SpectrogramKernel.ThrowIfOverflowed(loudest);
        var denominator = loudest + 1e-30;
        // Below 10^-R of the loudest a pixel clips to 0 whatever its logarithm: skip vectors that hold only such.
        var silent = (float)Math.Pow(10, -SpectrogramParameters.DynamicRange);
        var offset = (float)(1e-30 / denominator);
        for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
        {
            var gain = (float)(powerScales[c] / denominator);
            var from = c * planeLength;
            Pixelate(powers.AsSpan(from, planeLength), gain, offset, silent, pixels.AsSpan(from, planeLength));
        }
        Interleave(pixels, destination);
    }

    /// <summary>The largest value of a plane of powers (finite, never negative).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static float LargestPower(ReadOnlySpan<float> plane)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(plane);
        var even = Vector<float>.Zero;
        var odd = Vector<float>.Zero;
        var v = 0;
        for (; v + 1 < vectors.Length; v += 2)
        {
            even = Vector.Max(even, vectors[v]);
            odd = Vector.Max(odd, vectors[v + 1]);
        }
        if (v < vectors.Length)
        {
            even = Vector.Max(even, vectors[v]);
        }
        var both = Vector.Max(even, odd);
        var largest = 0f;
        for (var lane = 0; lane < Vector<float>.Count; lane++)
        {
            largest = Math.Max(largest, both[lane]);
        }
        for (var i = vectors.Length * Vector<float>.Count; i < plane.Length; i++)
        {
            largest = Math.Max(largest, plane[i]);
        }
        return largest;
    }

    /// <summary>pixels[i] = clip(1 + log10(powers[i] gain + offset) / R, 0, 1).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void Pixelate(ReadOnlySpan<float> powers, float gain, float offset, float silent, Span<float> pixels)
    {
        var i = 0;
#if NET
        // Two loops of the same arithmetic (the same pixels, SinglePrecisionSpectrogramTests): Vector512 where AVX-512 is
        // there, Vector<float> (8 lanes) on AVX2 machines, where Vector512 is emulated in software: that loop was 7% of an
        // S-net day on a 2-core AVX2 EPYC (perf, 2026-12-04). Plane lengths are a multiple of 16, so no pixel reaches the
        // scalar loop below at either width.
        if (Vector512.IsHardwareAccelerated)
        {
            var gains = Vector512.Create(gain);
            var offsets = Vector512.Create(offset);
            var silents = Vector512.Create(silent);
            var inverseRange = Vector512.Create((float)(1 / SpectrogramParameters.DynamicRange));
            ref var source = ref MemoryMarshal.GetReference(powers);
            ref var target = ref MemoryMarshal.GetReference(pixels);
            for (; i + 16 <= powers.Length; i += 16)
            {
                var ratio = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, (nuint)i), gains, offsets);
                var pixel = Vector512.LessThanAll(ratio, silents)
                    ? Vector512<float>.Zero
                    : Vector512.Min(Vector512.Max(Vector512.FusedMultiplyAdd(Log10(ratio), inverseRange, Vector512<float>.One), Vector512<float>.Zero), Vector512<float>.One);
                pixel.StoreUnsafe(ref target, (nuint)i);
            }
        }
        else
        {
            var gains = new Vector<float>(gain);
            var offsets = new Vector<float>(offset);
            var silents = new Vector<float>(silent);
            var inverseRange = new Vector<float>((float)(1 / SpectrogramParameters.DynamicRange));
            ref var source = ref MemoryMarshal.GetReference(powers);
            ref var target = ref MemoryMarshal.GetReference(pixels);
            for (; i + Vector<float>.Count <= powers.Length; i += Vector<float>.Count)
            {
                var ratio = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref source, (nuint)i), gains, offsets);
                var pixel = Vector.LessThanAll(ratio, silents)
                    ? Vector<float>.Zero
                    : Vector.Min(Vector.Max(Vector.FusedMultiplyAdd(Log10(ratio), inverseRange, Vector<float>.One), Vector<float>.Zero), Vector<float>.One);
                pixel.StoreUnsafe(ref target, (nuint)i);
            }
        }
#endif
        for (; i < powers.Length; i++)
        {
            var ratio = (powers[i] * gain) + offset;
            pixels[i] = ratio < silent ? 0 : (float)Math.Min(Math.Max(1 + (Math.Log10(ratio) / SpectrogramParameters.DynamicRange), 0), 1);
        }
    }

    /// <summary>The three pixel planes interleaved into [frequency, time, component], the padding columns left out.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void Interleave(float[] pixels, Span<float> destination)
    {
        if (destination.Length < SpectrogramParameters.ValueCount)
        {
            throw new ArgumentException($"need {SpectrogramParameters.ValueCount} outputs, got {destination.Length}");
        }
        var planeLength = SpectrogramKernel.SinglePlaneLength;
        var rowLength = SpectrogramKernel.SingleRowLength;
        var output = 0;
#if NET
        if (Avx2.IsSupported)
        {
            const int vectorTimes = SpectrogramParameters.TimeCount / 8 * 8;
            ref var source = ref MemoryMarshal.GetArrayDataReference(pixels);
            ref var target = ref MemoryMarshal.GetReference(destination);
            for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
            {
                var row = f * rowLength;
                var t = 0;
                for (; t < vectorTimes; t += 8)
                {
                    SpectrogramKernel.StoreInterleaved(
                        Vector256.LoadUnsafe(ref source, (nuint)(row + t)),
                        Vector256.LoadUnsafe(ref source, (nuint)(planeLength + row + t)),
                        Vector256.LoadUnsafe(ref source, (nuint)((2 * planeLength) + row + t)),
                        ref target,
                        output);
                    output += 24;
                }
                for (; t < SpectrogramParameters.TimeCount; t++)
                {
                    for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
                    {
                        Unsafe.Add(ref target, output + c) = Unsafe.Add(ref source, (c * planeLength) + row + t);
                    }
                    output += 3;
                }
            }
            return;
        }
#endif
        for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
        {
            for (var t = 0; t < SpectrogramParameters.TimeCount; t++)
            {
                for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
                {
                    destination[output + c] = pixels[(c * planeLength) + (f * rowLength) + t];
                }
                output += 3;
            }
        }
    }

#if NET
    /// <summary>
    /// log10 of positive floats (subnormals and 0 give large negative values, which the caller clips):
    /// x = 2^e m with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| &lt;= 0.1716,
    /// summed to s^9 (truncation below 3e-9, under float's rounding).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Log10(Vector512<float> x)
    {
        var bits = x.AsInt32();
        var exponent = Vector512.ConvertToSingle(Vector512.ShiftRightLogical(bits, 23) - Vector512.Create(127));
        var mantissa = ((bits & Vector512.Create(0x007F_FFFF)) | Vector512.Create(0x3F80_0000)).AsSingle();
        var large = Vector512.GreaterThan(mantissa, Vector512.Create(1.4142135f));
        mantissa = Vector512.ConditionalSelect(large, mantissa * Vector512.Create(0.5f), mantissa);
        exponent += Vector512.ConditionalSelect(large, Vector512<float>.One, Vector512<float>.Zero);
        var s = (mantissa - Vector512<float>.One) / (mantissa + Vector512<float>.One);
        var z = s * s;
        var series = Vector512.FusedMultiplyAdd(Vector512.Create(1f / 9), z, Vector512.Create(1f / 7));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512.Create(1f / 5));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512.Create(1f / 3));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512<float>.One);
        // log10 x = e log10(2) + ln(m) log10(e), with ln m = 2 s series.
        const float log10Of2 = 0.301029995663981f;
        const float twoLog10E = 0.8685889638065036f;
        return Vector512.FusedMultiplyAdd(exponent, Vector512.Create(log10Of2), s * series * Vector512.Create(twoLog10E));
    }

    /// <summary>The Vector512 overload's arithmetic in <see cref="Vector{T}"/> lanes, for machines without AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<float> Log10(Vector<float> x)
    {
        var bits = Vector.AsVectorInt32(x);
        var exponent = Vector.ConvertToSingle(Vector.ShiftRightLogical(bits, 23) - new Vector<int>(127));
        var mantissa = Vector.AsVectorSingle((bits & new Vector<int>(0x007F_FFFF)) | new Vector<int>(0x3F80_0000));
        var large = Vector.GreaterThan(mantissa, new Vector<float>(1.4142135f));
        mantissa = Vector.ConditionalSelect(large, mantissa * new Vector<float>(0.5f), mantissa);
        exponent += Vector.ConditionalSelect(large, Vector<float>.One, Vector<float>.Zero);
        var s = (mantissa - Vector<float>.One) / (mantissa + Vector<float>.One);
        var z = s * s;
        var series = Vector.FusedMultiplyAdd(new Vector<float>(1f / 9), z, new Vector<float>(1f / 7));
        series = Vector.FusedMultiplyAdd(series, z, new Vector<float>(1f / 5));
        series = Vector.FusedMultiplyAdd(series, z, new Vector<float>(1f / 3));
        series = Vector.FusedMultiplyAdd(series, z, Vector<float>.One);
        // log10 x = e log10(2) + ln(m) log10(e), with ln m = 2 s series.
        const float log10Of2 = 0.301029995663981f;
        const float twoLog10E = 0.8685889638065036f;
        return Vector.FusedMultiplyAdd(exponent, new Vector<float>(log10Of2), s * series * new Vector<float>(twoLog10E));
    }
#endif
}
