using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// A precomputed-plan, mixed-radix (4, 2, 3, 5, then any other prime) Stockham complex FFT that runs
/// <c>Vector&lt;double&gt;.Count</c> independent transforms of one length at once, one per SIMD lane.
/// </summary>
/// <remarks>
/// Why our own FFT: the DiET windows are 4 s long, i.e. 400 points at 100 Hz, 800 at 200 Hz and 200 at
/// 50 Hz, never a power of two. MathNet's Fourier falls back to Bluestein for such lengths and allocates
/// per call, which is several times slower than a direct mixed-radix plan. Here every twiddle factor is
/// computed once per plan (in double precision, as scipy's pocketfft does), the plan is cached per
/// length, and a transform allocates nothing. Running one transform per SIMD lane (rather than
/// vectorising inside one transform) keeps the butterflies branch-free and the code identical to the
/// scalar textbook form, whatever the radix.
/// </remarks>
internal sealed class LaneFft
{
    private readonly Stage[] _stages;

    public LaneFft(int length)
    {
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }
        Length = length;
        var stages = new List<Stage>();
        var span = 1;
        foreach (var radix in Factorize(length))
        {
            stages.Add(new Stage(radix, span, length));
            span *= radix;
        }
        _stages = stages.ToArray();
    }

    public int Length { get; }

    /// <summary>
    /// Forward transform (sign -1, no scaling, like numpy.fft.fft) of the data in <paramref name="re"/>/<paramref name="im"/>,
    /// using <paramref name="workRe"/>/<paramref name="workIm"/> as the second Stockham buffer.
    /// Returns true when the result ended in the work buffers, false when it is in <paramref name="re"/>/<paramref name="im"/>.
    /// </summary>
    public bool Forward(Span<Vector<double>> re, Span<Vector<double>> im, Span<Vector<double>> workRe, Span<Vector<double>> workIm)
    {
        var inWork = false;
        foreach (var stage in _stages)
        {
            if (inWork)
            {
                stage.Run(workRe, workIm, re, im);
            }
            else
            {
                stage.Run(re, im, workRe, workIm);
            }
            inWork = !inWork;
        }
        return inWork;
    }

    private static List<int> Factorize(int length)
    {
        var factors = new List<int>();
        var rest = length;
        foreach (var radix in new[] { 4, 2, 3, 5 })
        {
            while (rest % radix == 0)
            {
                factors.Add(radix);
                rest /= radix;
            }
        }
        for (var prime = 7; rest > 1; prime += 2)
        {
            while (rest % prime == 0)
            {
                factors.Add(prime);
                rest /= prime;
            }
        }
        return factors;
    }

    /// <summary>
    /// One Stockham pass: butterfly j (0 &lt;= j &lt; N/R) reads legs j + r N/R, multiplies leg r by
    /// exp(-2 pi i r k / (span R)) with k = j mod span, and writes output (j / span) span R + k + r span.
    /// </summary>
    private sealed class Stage
    {
        private static readonly double Sin60 = Math.Sqrt(3) / 2;
        private static readonly double Cos72 = Math.Cos(2 * Math.PI / 5);
        private static readonly double Cos144 = Math.Cos(4 * Math.PI / 5);
        private static readonly double Sin72 = Math.Sin(2 * Math.PI / 5);
        private static readonly double Sin144 = Math.Sin(4 * Math.PI / 5);

        private readonly int _radix;
        private readonly int _span;
        private readonly int _stride;

        // Twiddle (k, r) for r = 1..R-1 at [k (R-1) + r - 1], broadcast to all lanes.
        private readonly Vector<double>[] _twiddleRe;
        private readonly Vector<double>[] _twiddleIm;

        // Only for radices without a hand-written butterfly: exp(-2 pi i m / R).
        private readonly double[] _rootRe;
        private readonly double[] _rootIm;

        public Stage(int radix, int span, int length)
        {
            _radix = radix;
            _span = span;
            _stride = length / radix;
            _twiddleRe = new Vector<double>[span * (radix - 1)];
            _twiddleIm = new Vector<double>[span * (radix - 1)];
            for (var k = 0; k < span; k++)
            {
                for (var r = 1; r < radix; r++)
                {
                    var angle = -2 * Math.PI * r * k / ((double)span * radix);
                    _twiddleRe[(k * (radix - 1)) + r - 1] = new Vector<double>(Math.Cos(angle));
                    _twiddleIm[(k * (radix - 1)) + r - 1] = new Vector<double>(Math.Sin(angle));
                }
            }
            _rootRe = new double[radix];
            _rootIm = new double[radix];
            for (var m = 0; m < radix; m++)
            {
                _rootRe[m] = Math.Cos(-2 * Math.PI * m / radix);
                _rootIm[m] = Math.Sin(-2 * Math.PI * m / radix);
            }
        }

        public void Run(ReadOnlySpan<Vector<double>> inRe, ReadOnlySpan<Vector<double>> inIm, Span<Vector<double>> outRe, Span<Vector<double>> outIm)
        {
            switch (_radix)
            {
                case 2:
                    Radix2(inRe, inIm, outRe, outIm);
                    break;
                case 3:
                    Radix3(inRe, inIm, outRe, outIm);
                    break;
                case 4:
                    Radix4(inRe, inIm, outRe, outIm);
                    break;
                case 5:
                    Radix5(inRe, inIm, outRe, outIm);
                    break;
                default:
                    RadixGeneric(inRe, inIm, outRe, outIm);
                    break;
            }
        }

        /// <summary>Loads butterfly leg <paramref name="index"/>, rotated by twiddle <paramref name="twiddle"/> unless the stage has none (span 1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Leg(ref Vector<double> inR, ref Vector<double> inI, int index, ref Vector<double> twR, ref Vector<double> twI, int twiddle, bool rotate, out Vector<double> re, out Vector<double> im)
        {
            re = Unsafe.Add(ref inR, index);
            im = Unsafe.Add(ref inI, index);
            if (rotate)
            {
                Twiddle(ref re, ref im, Unsafe.Add(ref twR, twiddle), Unsafe.Add(ref twI, twiddle));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Twiddle(ref Vector<double> re, ref Vector<double> im, Vector<double> wRe, Vector<double> wIm)
        {
#if NET
            var r = Vector.FusedMultiplyAdd(re, wRe, -(im * wIm));
            im = Vector.FusedMultiplyAdd(re, wIm, im * wRe);
#else
            var r = (re * wRe) - (im * wIm);
            im = (re * wIm) + (im * wRe);
#endif
            re = r;
        }

        [MethodImpl(HotPath.Optimized)]
        private void Radix2(ReadOnlySpan<Vector<double>> inRe, ReadOnlySpan<Vector<double>> inIm, Span<Vector<double>> outRe, Span<Vector<double>> outIm)
        {
            ref var inR = ref MemoryMarshal.GetReference(inRe);
            ref var inI = ref MemoryMarshal.GetReference(inIm);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref _twiddleRe[0];
            ref var twI = ref _twiddleIm[0];
            int span = _span, stride = _stride;
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 2;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    var a0r = Unsafe.Add(ref inR, j);
                    var a0i = Unsafe.Add(ref inI, j);
                    Leg(ref inR, ref inI, j + stride, ref twR, ref twI, k, span > 1, out var a1r, out var a1i);
                    var o = output + k;
                    Unsafe.Add(ref outR, o) = a0r + a1r;
                    Unsafe.Add(ref outI, o) = a0i + a1i;
                    Unsafe.Add(ref outR, o + span) = a0r - a1r;
                    Unsafe.Add(ref outI, o + span) = a0i - a1i;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Radix3(ReadOnlySpan<Vector<double>> inRe, ReadOnlySpan<Vector<double>> inIm, Span<Vector<double>> outRe, Span<Vector<double>> outIm)
        {
            ref var inR = ref MemoryMarshal.GetReference(inRe);
            ref var inI = ref MemoryMarshal.GetReference(inIm);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref _twiddleRe[0];
            ref var twI = ref _twiddleIm[0];
            int span = _span, stride = _stride;
            var half = new Vector<double>(0.5);
            var sin60 = new Vector<double>(Sin60);
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 3;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    var a0r = Unsafe.Add(ref inR, j);
                    var a0i = Unsafe.Add(ref inI, j);
                    Leg(ref inR, ref inI, j + stride, ref twR, ref twI, k * 2, span > 1, out var a1r, out var a1i);
                    Leg(ref inR, ref inI, j + (2 * stride), ref twR, ref twI, (k * 2) + 1, span > 1, out var a2r, out var a2i);
                    var sumR = a1r + a2r;
                    var sumI = a1i + a2i;
                    var midR = a0r - (half * sumR);
                    var midI = a0i - (half * sumI);
                    // -i sin60 (a1 - a2)
                    var rotR = sin60 * (a1i - a2i);
                    var rotI = sin60 * (a2r - a1r);
                    var o = output + k;
                    Unsafe.Add(ref outR, o) = a0r + sumR;
                    Unsafe.Add(ref outI, o) = a0i + sumI;
                    Unsafe.Add(ref outR, o + span) = midR + rotR;
                    Unsafe.Add(ref outI, o + span) = midI + rotI;
                    Unsafe.Add(ref outR, o + (2 * span)) = midR - rotR;
                    Unsafe.Add(ref outI, o + (2 * span)) = midI - rotI;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Radix4(ReadOnlySpan<Vector<double>> inRe, ReadOnlySpan<Vector<double>> inIm, Span<Vector<double>> outRe, Span<Vector<double>> outIm)
        {
            ref var inR = ref MemoryMarshal.GetReference(inRe);
            ref var inI = ref MemoryMarshal.GetReference(inIm);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref _twiddleRe[0];
            ref var twI = ref _twiddleIm[0];
            int span = _span, stride = _stride;
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 4;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    var a0r = Unsafe.Add(ref inR, j);
                    var a0i = Unsafe.Add(ref inI, j);
                    Leg(ref inR, ref inI, j + stride, ref twR, ref twI, k * 3, span > 1, out var a1r, out var a1i);
                    Leg(ref inR, ref inI, j + (2 * stride), ref twR, ref twI, (k * 3) + 1, span > 1, out var a2r, out var a2i);
                    Leg(ref inR, ref inI, j + (3 * stride), ref twR, ref twI, (k * 3) + 2, span > 1, out var a3r, out var a3i);
                    var t0r = a0r + a2r;
                    var t0i = a0i + a2i;
                    var t1r = a0r - a2r;
                    var t1i = a0i - a2i;
                    var t2r = a1r + a3r;
                    var t2i = a1i + a3i;
                    // -i (a1 - a3)
                    var t3r = a1i - a3i;
                    var t3i = a3r - a1r;
                    var o = output + k;
                    Unsafe.Add(ref outR, o) = t0r + t2r;
                    Unsafe.Add(ref outI, o) = t0i + t2i;
                    Unsafe.Add(ref outR, o + span) = t1r + t3r;
                    Unsafe.Add(ref outI, o + span) = t1i + t3i;
                    Unsafe.Add(ref outR, o + (2 * span)) = t0r - t2r;
                    Unsafe.Add(ref outI, o + (2 * span)) = t0i - t2i;
                    Unsafe.Add(ref outR, o + (3 * span)) = t1r - t3r;
                    Unsafe.Add(ref outI, o + (3 * span)) = t1i - t3i;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Radix5(ReadOnlySpan<Vector<double>> inRe, ReadOnlySpan<Vector<double>> inIm, Span<Vector<double>> outRe, Span<Vector<double>> outIm)
        {
            ref var inR = ref MemoryMarshal.GetReference(inRe);
            ref var inI = ref MemoryMarshal.GetReference(inIm);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref _twiddleRe[0];
            ref var twI = ref _twiddleIm[0];
            int span = _span, stride = _stride;
            var c1 = new Vector<double>(Cos72);
            var c2 = new Vector<double>(Cos144);
            var s1 = new Vector<double>(Sin72);
            var s2 = new Vector<double>(Sin144);
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 5;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    var a0r = Unsafe.Add(ref inR, j);
                    var a0i = Unsafe.Add(ref inI, j);
                    Leg(ref inR, ref inI, j + stride, ref twR, ref twI, k * 4, span > 1, out var a1r, out var a1i);
                    Leg(ref inR, ref inI, j + (2 * stride), ref twR, ref twI, (k * 4) + 1, span > 1, out var a2r, out var a2i);
                    Leg(ref inR, ref inI, j + (3 * stride), ref twR, ref twI, (k * 4) + 2, span > 1, out var a3r, out var a3i);
                    Leg(ref inR, ref inI, j + (4 * stride), ref twR, ref twI, (k * 4) + 3, span > 1, out var a4r, out var a4i);
                    var t1r = a1r + a4r;
                    var t1i = a1i + a4i;
                    var t2r = a2r + a3r;
                    var t2i = a2i + a3i;
                    var t3r = a1r - a4r;
                    var t3i = a1i - a4i;
                    var t4r = a2r - a3r;
                    var t4i = a2i - a3i;
                    var u1r = a0r + (c1 * t1r) + (c2 * t2r);
                    var u1i = a0i + (c1 * t1i) + (c2 * t2i);
                    var u2r = a0r + (c2 * t1r) + (c1 * t2r);
                    var u2i = a0i + (c2 * t1i) + (c1 * t2i);
                    var v1r = (s1 * t3r) + (s2 * t4r);
                    var v1i = (s1 * t3i) + (s2 * t4i);
                    var v2r = (s2 * t3r) - (s1 * t4r);
                    var v2i = (s2 * t3i) - (s1 * t4i);
                    var o = output + k;
                    Unsafe.Add(ref outR, o) = a0r + t1r + t2r;
                    Unsafe.Add(ref outI, o) = a0i + t1i + t2i;
                    // b1 = u1 - i v1, b4 = u1 + i v1, b2 = u2 - i v2, b3 = u2 + i v2
                    Unsafe.Add(ref outR, o + span) = u1r + v1i;
                    Unsafe.Add(ref outI, o + span) = u1i - v1r;
                    Unsafe.Add(ref outR, o + (4 * span)) = u1r - v1i;
                    Unsafe.Add(ref outI, o + (4 * span)) = u1i + v1r;
                    Unsafe.Add(ref outR, o + (2 * span)) = u2r + v2i;
                    Unsafe.Add(ref outI, o + (2 * span)) = u2i - v2r;
                    Unsafe.Add(ref outR, o + (3 * span)) = u2r - v2i;
                    Unsafe.Add(ref outI, o + (3 * span)) = u2i + v2r;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void RadixGeneric(ReadOnlySpan<Vector<double>> inRe, ReadOnlySpan<Vector<double>> inIm, Span<Vector<double>> outRe, Span<Vector<double>> outIm)
        {
            ref var inR = ref MemoryMarshal.GetReference(inRe);
            ref var inI = ref MemoryMarshal.GetReference(inIm);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref _twiddleRe[0];
            ref var twI = ref _twiddleIm[0];
            int radix = _radix, span = _span, stride = _stride;
            // Large prime radices are rare (odd sampling rates) and slow anyway; only they use the heap.
            Span<Vector<double>> legRe = radix <= 64 ? stackalloc Vector<double>[radix] : new Vector<double>[radix];
            Span<Vector<double>> legIm = radix <= 64 ? stackalloc Vector<double>[radix] : new Vector<double>[radix];
            for (var block = 0; block < stride; block += span)
            {
                var output = block * radix;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    legRe[0] = Unsafe.Add(ref inR, j);
                    legIm[0] = Unsafe.Add(ref inI, j);
                    for (var r = 1; r < radix; r++)
                    {
                        var re = Unsafe.Add(ref inR, j + (r * stride));
                        var im = Unsafe.Add(ref inI, j + (r * stride));
                        var t = (k * (radix - 1)) + r - 1;
                        Twiddle(ref re, ref im, Unsafe.Add(ref twR, t), Unsafe.Add(ref twI, t));
                        legRe[r] = re;
                        legIm[r] = im;
                    }
                    for (var m = 0; m < radix; m++)
                    {
                        var sumR = Vector<double>.Zero;
                        var sumI = Vector<double>.Zero;
                        for (var r = 0; r < radix; r++)
                        {
                            var root = (m * r) % radix;
                            var wRe = new Vector<double>(_rootRe[root]);
                            var wIm = new Vector<double>(_rootIm[root]);
                            sumR += (legRe[r] * wRe) - (legIm[r] * wIm);
                            sumI += (legRe[r] * wIm) + (legIm[r] * wRe);
                        }
                        Unsafe.Add(ref outR, output + k + (m * span)) = sumR;
                        Unsafe.Add(ref outI, output + k + (m * span)) = sumI;
                    }
                }
            }
        }
    }
}
