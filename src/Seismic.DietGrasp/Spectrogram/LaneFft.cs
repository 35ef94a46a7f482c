using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// A precomputed-plan, mixed-radix (4, 2, 3, 5, then any other prime) Stockham complex FFT that runs
/// <c>Vector&lt;T&gt;.Count</c> independent transforms of one length at once, one per SIMD lane, in double
/// (the bit-exact path) or float (<c>T</c> is <see cref="double"/> or <see cref="float"/>).
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
internal sealed class LaneFft<T>
    where T : struct
{
    private readonly Stage[] _stages;

    /// <summary>A plan for transforms of <paramref name="length"/> points.</summary>
    /// <param name="length">Points per transform.</param>
    /// <param name="kept">
    /// The outputs the caller reads, or null for all: the last stage may then leave the others unwritten (a radix-5
    /// last stage writes only the rows of its butterflies that hold a kept output).
    /// </param>
    public LaneFft(int length, Func<int, bool>? kept = null)
    {
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }
        Length = length;
        var stages = new List<Stage>();
        var span = 1;
        var radices = Factorize(length);
        for (var s = 0; s < radices.Count; s++)
        {
            stages.Add(new Stage(radices[s], span, length, s == radices.Count - 1 ? kept : null));
            span *= radices[s];
        }
        _stages = stages.ToArray();
    }

    public int Length { get; }

    /// <summary>
    /// Forward transform (sign -1, no scaling, like numpy.fft.fft) of the windowed, mean-removed frames
    /// (sourceRe[i] - meanRe) window[i] + i (sourceIm[i] - meanIm) window[i]. The first stage reads the
    /// sources itself, so the windowed frames are never stored; <paramref name="re"/>/<paramref name="im"/>
    /// and <paramref name="workRe"/>/<paramref name="workIm"/> are the two Stockham buffers.
    /// Returns true when the result ended in the work buffers, false when it is in <paramref name="re"/>/<paramref name="im"/>.
    /// </summary>
    public bool Forward(
        ReadOnlySpan<Vector<T>> sourceRe,
        ReadOnlySpan<Vector<T>> sourceIm,
        ReadOnlySpan<Vector<T>> window,
        Vector<T> meanRe,
        Vector<T> meanIm,
        Span<Vector<T>> re,
        Span<Vector<T>> im,
        Span<Vector<T>> workRe,
        Span<Vector<T>> workIm)
    {
        var first = new StageInput(sourceRe, sourceIm, window, meanRe, meanIm);
        _stages[0].Run<Windowed>(first, workRe, workIm);
        var inWork = true;
        for (var s = 1; s < _stages.Length; s++)
        {
            if (inWork)
            {
                _stages[s].Run<Plain>(new StageInput(workRe, workIm), re, im);
            }
            else
            {
                _stages[s].Run<Plain>(new StageInput(re, im), workRe, workIm);
            }
            inWork = !inWork;
        }
        return inWork;
    }

    private static List<int> Factorize(int length)
    {
        // Length 1 still gets one (identity) stage, the one that applies the window.
        var factors = new List<int>();
        if (length == 1)
        {
            factors.Add(1);
        }
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

    /// <summary>Stage input read as stored (every stage but the first).</summary>
    private struct Plain
    {
    }

    /// <summary>Stage input read as (source - mean) window (the first stage).</summary>
    private struct Windowed
    {
    }

    /// <summary>A stage's input: two planes, plus the window and means when the stage is <see cref="Windowed"/>.</summary>
    private readonly ref struct StageInput
    {
        public StageInput(ReadOnlySpan<Vector<T>> re, ReadOnlySpan<Vector<T>> im)
            : this(re, im, re, Vector<T>.Zero, Vector<T>.Zero)
        {
        }

        public StageInput(ReadOnlySpan<Vector<T>> re, ReadOnlySpan<Vector<T>> im, ReadOnlySpan<Vector<T>> window, Vector<T> meanRe, Vector<T> meanIm)
        {
            Re = re;
            Im = im;
            Window = window;
            MeanRe = meanRe;
            MeanIm = meanIm;
        }

        public ReadOnlySpan<Vector<T>> Re { get; }

        public ReadOnlySpan<Vector<T>> Im { get; }

        public ReadOnlySpan<Vector<T>> Window { get; }

        public Vector<T> MeanRe { get; }

        public Vector<T> MeanIm { get; }
    }

    /// <summary>
    /// One Stockham pass: butterfly j (0 &lt;= j &lt; N/R) reads legs j + r N/R, multiplies leg r by
    /// exp(-2 pi i r k / (span R)) with k = j mod span, and writes output (j / span) span R + k + r span.
    /// </summary>
    private sealed class Stage
    {
        private static readonly T Half = Of(0.5);
        private static readonly T Sin60 = Of(Math.Sqrt(3) / 2);
        private static readonly T Cos72 = Of(Math.Cos(2 * Math.PI / 5));
        private static readonly T Cos144 = Of(Math.Cos(4 * Math.PI / 5));
        private static readonly T Sin72 = Of(Math.Sin(2 * Math.PI / 5));
        private static readonly T Sin144 = Of(Math.Sin(4 * Math.PI / 5));

        private readonly int _radix;
        private readonly int _span;
        private readonly int _stride;

        // Twiddle (k, r) for r = 1..R-1 at [k (R-1) + r - 1], one number each and broadcast to the lanes
        // when loaded: a table of vectors would be 4x larger and push the stage's buffers out of L1.
        private readonly T[] _twiddleRe;
        private readonly T[] _twiddleIm;

        // Only for radices without a hand-written butterfly: exp(-2 pi i m / R).
        private readonly T[] _rootRe;
        private readonly T[] _rootIm;

        // A last radix-5 stage with kept outputs: per butterfly k, whether rows 2 and 3 (outputs k + 2 span, k + 3 span)
        // hold one; null when every row is written.
        private readonly bool[]? _middleRowsKept;

        public Stage(int radix, int span, int length, Func<int, bool>? kept)
        {
            _radix = radix;
            _span = span;
            _stride = length / radix;
            if (kept is not null && radix == 5 && span * radix == length)
            {
                _middleRowsKept = new bool[span];
                for (var k = 0; k < span; k++)
                {
                    _middleRowsKept[k] = kept(k + (2 * span)) || kept(k + (3 * span));
                }
            }
            _twiddleRe = new T[span * (radix - 1)];
            _twiddleIm = new T[span * (radix - 1)];
            for (var k = 0; k < span; k++)
            {
                for (var r = 1; r < radix; r++)
                {
                    var angle = -2 * Math.PI * r * k / ((double)span * radix);
                    _twiddleRe[(k * (radix - 1)) + r - 1] = Of(Math.Cos(angle));
                    _twiddleIm[(k * (radix - 1)) + r - 1] = Of(Math.Sin(angle));
                }
            }
            _rootRe = new T[radix];
            _rootIm = new T[radix];
            for (var m = 0; m < radix; m++)
            {
                _rootRe[m] = Of(Math.Cos(-2 * Math.PI * m / radix));
                _rootIm[m] = Of(Math.Sin(-2 * Math.PI * m / radix));
            }
        }

        /// <summary>A constant computed in double, rounded once to <typeparamref name="T"/> (as pocketfft's float plans are).</summary>
        private static T Of(double value)
        {
            if (typeof(T) == typeof(float))
            {
                var single = (float)value;
                return Unsafe.As<float, T>(ref single);
            }
            return Unsafe.As<double, T>(ref value);
        }

        public void Run<TInput>(in StageInput input, Span<Vector<T>> outRe, Span<Vector<T>> outIm)
            where TInput : struct
        {
            switch (_radix)
            {
                case 2:
                    Radix2<TInput>(input, outRe, outIm);
                    break;
                case 3:
                    Radix3<TInput>(input, outRe, outIm);
                    break;
                case 4:
                    Radix4<TInput>(input, outRe, outIm);
                    break;
                case 5:
                    Radix5<TInput>(input, outRe, outIm);
                    break;
                default:
                    RadixGeneric<TInput>(input, outRe, outIm);
                    break;
            }
        }

        /// <summary>Loads input <paramref name="index"/>, windowed and mean-removed when the stage is <see cref="Windowed"/> (a jit-time constant).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Load<TInput>(ref Vector<T> inR, ref Vector<T> inI, ref Vector<T> window, in StageInput input, int index, out Vector<T> re, out Vector<T> im)
            where TInput : struct
        {
            re = Unsafe.Add(ref inR, index);
            im = Unsafe.Add(ref inI, index);
            if (typeof(TInput) == typeof(Windowed))
            {
                var weight = Unsafe.Add(ref window, index);
                re = (re - input.MeanRe) * weight;
                im = (im - input.MeanIm) * weight;
            }
        }

        /// <summary>Loads butterfly leg <paramref name="index"/>, rotated by twiddle <paramref name="twiddle"/> unless the stage has none (span 1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Leg<TInput>(ref Vector<T> inR, ref Vector<T> inI, ref Vector<T> window, in StageInput input, int index, ref T twR, ref T twI, int twiddle, bool rotate, out Vector<T> re, out Vector<T> im)
            where TInput : struct
        {
            Load<TInput>(ref inR, ref inI, ref window, input, index, out re, out im);
            if (rotate)
            {
                Twiddle(ref re, ref im, new Vector<T>(Unsafe.Add(ref twR, twiddle)), new Vector<T>(Unsafe.Add(ref twI, twiddle)));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Twiddle(ref Vector<T> re, ref Vector<T> im, Vector<T> wRe, Vector<T> wIm)
        {
#if NET
            // Reinterpreted by value (no address taken, so the vectors stay in registers); the JIT keeps one branch.
            if (typeof(T) == typeof(double))
            {
                var r64 = re.As<T, double>();
                var i64 = im.As<T, double>();
                var wr64 = wRe.As<T, double>();
                var wi64 = wIm.As<T, double>();
                re = Vector.FusedMultiplyAdd(r64, wr64, -(i64 * wi64)).As<double, T>();
                im = Vector.FusedMultiplyAdd(r64, wi64, i64 * wr64).As<double, T>();
                return;
            }
            var r32 = re.As<T, float>();
            var i32 = im.As<T, float>();
            var wr32 = wRe.As<T, float>();
            var wi32 = wIm.As<T, float>();
            re = Vector.FusedMultiplyAdd(r32, wr32, -(i32 * wi32)).As<float, T>();
            im = Vector.FusedMultiplyAdd(r32, wi32, i32 * wr32).As<float, T>();
#else
            var r = (re * wRe) - (im * wIm);
            im = (re * wIm) + (im * wRe);
            re = r;
#endif
        }

        [MethodImpl(HotPath.Optimized)]
        private void Radix2<TInput>(in StageInput input, Span<Vector<T>> outRe, Span<Vector<T>> outIm)
            where TInput : struct
        {
            ref var inR = ref MemoryMarshal.GetReference(input.Re);
            ref var inI = ref MemoryMarshal.GetReference(input.Im);
            ref var window = ref MemoryMarshal.GetReference(input.Window);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref MemoryMarshal.GetReference(_twiddleRe.AsSpan());
            ref var twI = ref MemoryMarshal.GetReference(_twiddleIm.AsSpan());
            int span = _span, stride = _stride;
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 2;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    Load<TInput>(ref inR, ref inI, ref window, input, j, out var a0r, out var a0i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + stride, ref twR, ref twI, k, span > 1, out var a1r, out var a1i);
                    var o = output + k;
                    Unsafe.Add(ref outR, o) = a0r + a1r;
                    Unsafe.Add(ref outI, o) = a0i + a1i;
                    Unsafe.Add(ref outR, o + span) = a0r - a1r;
                    Unsafe.Add(ref outI, o + span) = a0i - a1i;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Radix3<TInput>(in StageInput input, Span<Vector<T>> outRe, Span<Vector<T>> outIm)
            where TInput : struct
        {
            ref var inR = ref MemoryMarshal.GetReference(input.Re);
            ref var inI = ref MemoryMarshal.GetReference(input.Im);
            ref var window = ref MemoryMarshal.GetReference(input.Window);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref MemoryMarshal.GetReference(_twiddleRe.AsSpan());
            ref var twI = ref MemoryMarshal.GetReference(_twiddleIm.AsSpan());
            int span = _span, stride = _stride;
            var half = new Vector<T>(Half);
            var sin60 = new Vector<T>(Sin60);
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 3;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    Load<TInput>(ref inR, ref inI, ref window, input, j, out var a0r, out var a0i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + stride, ref twR, ref twI, k * 2, span > 1, out var a1r, out var a1i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + (2 * stride), ref twR, ref twI, (k * 2) + 1, span > 1, out var a2r, out var a2i);
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
        private void Radix4<TInput>(in StageInput input, Span<Vector<T>> outRe, Span<Vector<T>> outIm)
            where TInput : struct
        {
            ref var inR = ref MemoryMarshal.GetReference(input.Re);
            ref var inI = ref MemoryMarshal.GetReference(input.Im);
            ref var window = ref MemoryMarshal.GetReference(input.Window);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref MemoryMarshal.GetReference(_twiddleRe.AsSpan());
            ref var twI = ref MemoryMarshal.GetReference(_twiddleIm.AsSpan());
            int span = _span, stride = _stride;
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 4;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    Load<TInput>(ref inR, ref inI, ref window, input, j, out var a0r, out var a0i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + stride, ref twR, ref twI, k * 3, span > 1, out var a1r, out var a1i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + (2 * stride), ref twR, ref twI, (k * 3) + 1, span > 1, out var a2r, out var a2i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + (3 * stride), ref twR, ref twI, (k * 3) + 2, span > 1, out var a3r, out var a3i);
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
        private void Radix5<TInput>(in StageInput input, Span<Vector<T>> outRe, Span<Vector<T>> outIm)
            where TInput : struct
        {
            ref var inR = ref MemoryMarshal.GetReference(input.Re);
            ref var inI = ref MemoryMarshal.GetReference(input.Im);
            ref var window = ref MemoryMarshal.GetReference(input.Window);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref MemoryMarshal.GetReference(_twiddleRe.AsSpan());
            ref var twI = ref MemoryMarshal.GetReference(_twiddleIm.AsSpan());
            int span = _span, stride = _stride;
            var c1 = new Vector<T>(Cos72);
            var c2 = new Vector<T>(Cos144);
            var s1 = new Vector<T>(Sin72);
            var s2 = new Vector<T>(Sin144);
            var middle = _middleRowsKept;
            for (var block = 0; block < stride; block += span)
            {
                var output = block * 5;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    Load<TInput>(ref inR, ref inI, ref window, input, j, out var a0r, out var a0i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + stride, ref twR, ref twI, k * 4, span > 1, out var a1r, out var a1i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + (2 * stride), ref twR, ref twI, (k * 4) + 1, span > 1, out var a2r, out var a2i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + (3 * stride), ref twR, ref twI, (k * 4) + 2, span > 1, out var a3r, out var a3i);
                    Leg<TInput>(ref inR, ref inI, ref window, input, j + (4 * stride), ref twR, ref twI, (k * 4) + 3, span > 1, out var a4r, out var a4i);
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
                    var v1r = (s1 * t3r) + (s2 * t4r);
                    var v1i = (s1 * t3i) + (s2 * t4i);
                    var o = output + k;
                    Unsafe.Add(ref outR, o) = a0r + t1r + t2r;
                    Unsafe.Add(ref outI, o) = a0i + t1i + t2i;
                    // b1 = u1 - i v1, b4 = u1 + i v1, b2 = u2 - i v2, b3 = u2 + i v2
                    Unsafe.Add(ref outR, o + span) = u1r + v1i;
                    Unsafe.Add(ref outI, o + span) = u1i - v1r;
                    Unsafe.Add(ref outR, o + (4 * span)) = u1r - v1i;
                    Unsafe.Add(ref outI, o + (4 * span)) = u1i + v1r;
                    if (middle is not null && !middle[k])
                    {
                        // No kept output in rows 2 and 3 (at 100 Hz, bins 160-319 of 400, never read for 2-20 Hz):
                        // a third of the butterfly's arithmetic and stores saved, in the costliest stage.
                        continue;
                    }
                    var u2r = a0r + (c2 * t1r) + (c1 * t2r);
                    var u2i = a0i + (c2 * t1i) + (c1 * t2i);
                    var v2r = (s2 * t3r) - (s1 * t4r);
                    var v2i = (s2 * t3i) - (s1 * t4i);
                    Unsafe.Add(ref outR, o + (2 * span)) = u2r + v2i;
                    Unsafe.Add(ref outI, o + (2 * span)) = u2i - v2r;
                    Unsafe.Add(ref outR, o + (3 * span)) = u2r - v2i;
                    Unsafe.Add(ref outI, o + (3 * span)) = u2i + v2r;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void RadixGeneric<TInput>(in StageInput input, Span<Vector<T>> outRe, Span<Vector<T>> outIm)
            where TInput : struct
        {
            ref var inR = ref MemoryMarshal.GetReference(input.Re);
            ref var inI = ref MemoryMarshal.GetReference(input.Im);
            ref var window = ref MemoryMarshal.GetReference(input.Window);
            ref var outR = ref MemoryMarshal.GetReference(outRe);
            ref var outI = ref MemoryMarshal.GetReference(outIm);
            ref var twR = ref MemoryMarshal.GetReference(_twiddleRe.AsSpan());
            ref var twI = ref MemoryMarshal.GetReference(_twiddleIm.AsSpan());
            int radix = _radix, span = _span, stride = _stride;
            // Large prime radices are rare (odd sampling rates) and slow anyway; only they use the heap.
            Span<Vector<T>> legRe = radix <= 64 ? stackalloc Vector<T>[radix] : new Vector<T>[radix];
            Span<Vector<T>> legIm = radix <= 64 ? stackalloc Vector<T>[radix] : new Vector<T>[radix];
            for (var block = 0; block < stride; block += span)
            {
                var output = block * radix;
                for (var k = 0; k < span; k++)
                {
                    var j = block + k;
                    for (var r = 0; r < radix; r++)
                    {
                        Leg<TInput>(ref inR, ref inI, ref window, input, j + (r * stride), ref twR, ref twI, (k * (radix - 1)) + r - 1, r > 0 && span > 1, out var re, out var im);
                        legRe[r] = re;
                        legIm[r] = im;
                    }
                    for (var m = 0; m < radix; m++)
                    {
                        var sumR = Vector<T>.Zero;
                        var sumI = Vector<T>.Zero;
                        for (var r = 0; r < radix; r++)
                        {
                            var root = (m * r) % radix;
                            var wRe = new Vector<T>(_rootRe[root]);
                            var wIm = new Vector<T>(_rootIm[root]);
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
