using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// Everything that depends only on the sampling rate (window, FFT plan, PSD scale), computed once and
/// cached per rate, plus the per-station-minute computation itself.
/// </summary>
/// <remarks>
/// Two real frames share one complex FFT (frame A in the real part, frame B in the imaginary part),
/// and <c>Vector&lt;double&gt;.Count</c> such pairs run side by side in the SIMD lanes, so one
/// transform of length 4 fs yields 2 x Count frames. The hot loops are jitted fully optimised at once
/// (<see cref="HotPath"/>).
/// </remarks>
internal sealed class SpectrogramKernel
{
    private static readonly ConcurrentDictionary<double, SpectrogramKernel> Cache = new();

    private static readonly int Lanes = Vector<double>.Count;
    private static readonly int FramesPerTransform = 2 * Lanes;
    private static readonly int TransformsPerComponent = (SpectrogramParameters.TimeCount + FramesPerTransform - 1) / FramesPerTransform;

    /// <summary>Frames per row of the PSD planes: 71 rounded up to whole transforms (72 with 4 lanes).</summary>
    internal static readonly int RowLength = TransformsPerComponent * FramesPerTransform;

    /// <summary>Values in one component's PSD plane [73][RowLength].</summary>
    internal static readonly int PlaneLength = SpectrogramParameters.FrequencyCount * RowLength;

    // The float32 path: twice the lanes, so 2 x Vector<float>.Count frames per transform (16 with AVX2: 5 transforms
    // of 80 frames a component where the double path needs 9 of 8).
    private static readonly int SingleLanes = Vector<float>.Count;
    private static readonly int SingleFramesPerTransform = 2 * SingleLanes;
    private static readonly int SingleTransformsPerComponent = (SpectrogramParameters.TimeCount + SingleFramesPerTransform - 1) / SingleFramesPerTransform;

    /// <summary>Frames per row of the float32 path's power planes: 71 rounded up to whole float transforms (80 with AVX2).</summary>
    internal static readonly int SingleRowLength = SingleTransformsPerComponent * SingleFramesPerTransform;

    /// <summary>Values in one component's float32 power plane [73][SingleRowLength].</summary>
    internal static readonly int SinglePlaneLength = SpectrogramParameters.FrequencyCount * SingleRowLength;

    /// <summary>Frames rounded up to whole transforms of either precision (80 with AVX2): the length of the frame means.</summary>
    internal static readonly int PaddedFrameCount = Math.Max(RowLength, SingleTransformsPerComponent * SingleFramesPerTransform);

    private readonly Vector<double>[] _windowLanes;
    private readonly LaneFft<double> _fft;
    private readonly Vector<float>[] _singleWindowLanes;
    private readonly LaneFft<float> _singleFft;

    // PSD factor per kept bin, applied to |Z[k] +- conj(Z[N-k])|^2 (which is 4 |X[k]|^2):
    // scipy's density scale 1/(fs sum w^2), doubled for one-sided bins other than DC and Nyquist.
    private readonly double[] _binScale;

    // The same factors rounded to float, for the float32 path's power planes.
    private readonly float[] _singleBinScale;

    private SpectrogramKernel(SpectrogramParameters parameters)
    {
        Parameters = parameters;
        var window = PeriodicTukey(parameters.SegmentLength, SpectrogramParameters.TukeyAlpha);
        _windowLanes = window.Select(w => new Vector<double>(w)).ToArray();
        // Only bins 2-20 Hz and their mirrors are read (PairPowers): the last stage may skip the rest.
        var segment = parameters.SegmentLength;
        Func<int, bool> kept = k => IsKeptBin(k) || IsKeptBin(segment - k);
        _fft = new LaneFft<double>(parameters.SegmentLength, kept);
        _singleWindowLanes = window.Select(w => new Vector<float>((float)w)).ToArray();
        _singleFft = new LaneFft<float>(parameters.SegmentLength, kept);
        var sumOfSquares = 0.0;
        foreach (var w in window)
        {
            sumOfSquares += w * w;
        }
        var density = 1 / (parameters.SamplingRate * sumOfSquares);
        _binScale = new double[SpectrogramParameters.FrequencyCount];
        for (var f = 0; f < _binScale.Length; f++)
        {
            var bin = SpectrogramParameters.FirstBin + f;
            var oneSided = 2 * bin == parameters.SegmentLength ? 1 : 2;
            _binScale[f] = density * oneSided / 4;
        }
        _singleBinScale = _binScale.Select(scale => (float)scale).ToArray();
    }

    public SpectrogramParameters Parameters { get; }

    /// <summary>Whether transform output <paramref name="k"/> is one of the bins 2-20 Hz.</summary>
    private static bool IsKeptBin(int k) =>
        k >= SpectrogramParameters.FirstBin && k < SpectrogramParameters.FirstBin + SpectrogramParameters.FrequencyCount;

    public static SpectrogramKernel For(SpectrogramParameters parameters) =>
        Cache.GetOrAdd(parameters.SamplingRate, _ => new SpectrogramKernel(parameters));

    /// <summary>
    /// scipy.signal.get_window(('tukey', alpha), n) with its default fftbins=True: the symmetric
    /// Tukey window of n + 1 points without its last point (scipy.signal.windows.tukey, sym=False).
    /// </summary>
    internal static double[] PeriodicTukey(int n, double alpha)
    {
        var m = n + 1;
        var window = new double[n];
        var width = (int)Math.Floor(alpha * (m - 1) / 2.0);
        for (var i = 0; i < n; i++)
        {
            if (i <= width)
            {
                window[i] = 0.5 * (1 + Math.Cos(Math.PI * (-1 + (2.0 * i / alpha / (m - 1)))));
            }
            else if (i < m - width - 1)
            {
                window[i] = 1;
            }
            else
            {
                window[i] = 0.5 * (1 + Math.Cos(Math.PI * ((-2.0 / alpha) + 1 + (2.0 * i / alpha / (m - 1)))));
            }
        }
        return window;
    }

    /// <summary>One station-minute [3, 60 fs] of float or double samples (already length-checked) into <paramref name="destination"/> [73, 71, 3].</summary>
    public void Compute<T>(ReadOnlySpan<T> waveform, Span<float> destination, SpectrogramWorkspace workspace, SpectrogramPrecision precision = SpectrogramPrecision.Double)
        where T : struct
    {
        var samples = Parameters.SamplesPerMinute;
        for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
        {
            var component = waveform.Slice(c * samples, samples);
            ScanComponent(component, c, workspace);
            if (precision == SpectrogramPrecision.Single)
            {
                AddComponentPsdSingle(component, c, workspace);
            }
            else
            {
                AddComponentPsd(component, c, workspace);
            }
        }
        if (precision == SpectrogramPrecision.Single)
        {
            var single = workspace.Single;
            SingleLevels.ScaleToUnitRange(single.Powers, single.PowerScales, single.Pixels, destination);
            return;
        }
        ScaleToUnitRange(workspace.Psd, workspace.Scaled, destination);
    }

    /// <summary>Sample <paramref name="index"/> of a float or double series, as a double (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sample<T>(ref T source, int index)
        where T : struct =>
        typeof(T) == typeof(float) ? Unsafe.As<T, float>(ref Unsafe.Add(ref source, index)) : Unsafe.As<T, double>(ref Unsafe.Add(ref source, index));

    /// <summary>
    /// Samples index .. index + Lanes - 1 of a float or double series as doubles (exact): float32 input is
    /// widened as it is loaded, never copied into a double buffer first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Samples<T>(ref T source, int index)
        where T : struct
    {
        if (typeof(T) == typeof(double))
        {
            return Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref source, index)));
        }
#if NET
        // Vector<double>.Count, not Lanes: a static readonly field is no constant to Native AOT, which would
        // then keep the out-of-line fallback (a call, spilling every vector) inside the caller's loop.
        if (Vector<double>.Count == 4 && Avx.IsSupported)
        {
            return Avx.ConvertToVector256Double(Unsafe.ReadUnaligned<Vector128<float>>(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref source, index)))).AsVector();
        }
#endif
        return WidenedSamples(ref source, index);
    }

    /// <summary>The portable widening of <see cref="Samples{T}"/>, kept out of line: its stackalloc would stop the fast path from inlining.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<double> WidenedSamples<T>(ref T source, int index)
        where T : struct
    {
        Span<double> lanes = stackalloc double[Lanes];
        for (var lane = 0; lane < lanes.Length; lane++)
        {
            lanes[lane] = Sample(ref source, index + lane);
        }
        return MemoryMarshal.Read<Vector<double>>(MemoryMarshal.AsBytes(lanes));
    }

    public SpectrogramWorkspace CreateWorkspace() =>
        new(this, Parameters.SegmentLength, Parameters.SamplesPerMinute, Parameters.SamplesPerMinute / Parameters.HopLength);

    /// <summary>
    /// Refuses non-finite samples and dead (constant) components, and sums each hop-long block so that
    /// every frame's mean (scipy's detrend='constant') is the sum of 5 block sums.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private void ScanComponent<T>(ReadOnlySpan<T> component, int componentIndex, SpectrogramWorkspace workspace)
        where T : struct
    {
        var hop = Parameters.HopLength;
        ref var source = ref MemoryMarshal.GetReference(component);
        var vectorsPerBlock = hop / Lanes;
        var blockSums = workspace.BlockSums;
        var minimum = new Vector<double>(double.PositiveInfinity);
        var maximum = new Vector<double>(double.NegativeInfinity);
        var scalarMinimum = double.PositiveInfinity;
        var scalarMaximum = double.NegativeInfinity;
        for (var b = 0; b < blockSums.Length; b++)
        {
            var blockStart = b * hop;
            // Two accumulators halve the add latency chain.
            var sumEven = Vector<double>.Zero;
            var sumOdd = Vector<double>.Zero;
            var v = 0;
            for (; v + 1 < vectorsPerBlock; v += 2)
            {
                var even = Samples(ref source, blockStart + (v * Lanes));
                var odd = Samples(ref source, blockStart + ((v + 1) * Lanes));
                sumEven += even;
                sumOdd += odd;
                minimum = Vector.Min(minimum, Vector.Min(even, odd));
                maximum = Vector.Max(maximum, Vector.Max(even, odd));
            }
            if (v < vectorsPerBlock)
            {
                var last = Samples(ref source, blockStart + (v * Lanes));
                sumEven += last;
                minimum = Vector.Min(minimum, last);
                maximum = Vector.Max(maximum, last);
            }
            var total = Vector.Dot(sumEven + sumOdd, Vector<double>.One);
            for (var i = blockStart + (vectorsPerBlock * Lanes); i < blockStart + hop; i++)
            {
                var x = Sample(ref source, i);
                total += x;
                scalarMinimum = Math.Min(scalarMinimum, x);
                scalarMaximum = Math.Max(scalarMaximum, x);
            }
            blockSums[b] = total;
        }
        // A NaN or an infinity makes its block's sum NaN or infinite (so do finite samples near 1e308).
        foreach (var sum in blockSums)
        {
            if (double.IsNaN(sum) || double.IsInfinity(sum))
            {
                ThrowNonFinite(component, componentIndex);
            }
        }
        for (var i = 0; i < Lanes; i++)
        {
            scalarMinimum = Math.Min(scalarMinimum, minimum[i]);
            scalarMaximum = Math.Max(scalarMaximum, maximum[i]);
        }
        workspace.Minimum = scalarMinimum;
        workspace.Maximum = scalarMaximum;
        if (scalarMinimum == scalarMaximum)
        {
            throw new InvalidWaveformException(
                $"component {SpectrogramParameters.ComponentNames[componentIndex]} is dead: all {component.Length} samples equal {scalarMinimum.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        var blocksPerSegment = Parameters.SegmentLength / hop;
        var means = workspace.Means;
        for (var t = 0; t < SpectrogramParameters.TimeCount; t++)
        {
            var sum = 0.0;
            for (var b = 0; b < blocksPerSegment; b++)
            {
                sum += blockSums[t + b];
            }
            means[t] = sum / Parameters.SegmentLength;
        }
    }

    private static void ThrowNonFinite<T>(ReadOnlySpan<T> component, int componentIndex)
        where T : struct
    {
        ref var source = ref MemoryMarshal.GetReference(component);
        for (var i = 0; i < component.Length; i++)
        {
            var x = Sample(ref source, i);
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                var what = double.IsNaN(x) ? "NaN" : x > 0 ? "+infinity" : "-infinity";
                throw new InvalidWaveformException($"component {SpectrogramParameters.ComponentNames[componentIndex]}, sample {i}: {what}");
            }
        }
        throw new InvalidWaveformException($"component {SpectrogramParameters.ComponentNames[componentIndex]}: samples so large (near 1e308) that their sums overflow");
    }

    [MethodImpl(HotPath.Optimized)]
    private void AddComponentPsd<T>(ReadOnlySpan<T> component, int componentIndex, SpectrogramWorkspace workspace)
        where T : struct
    {
        var n = Parameters.SegmentLength;
        var hop = Parameters.HopLength;
        var table = workspace.LaneTable;
        BuildLaneTable(component, hop, table);
        var window = _windowLanes;
        var means = workspace.Means;
        var psd = workspace.Psd;
        for (var transform = 0; transform < TransformsPerComponent; transform++)
        {
            var firstFrame = transform * FramesPerTransform;
            var (zr, zi) = workspace.Transform.Forward(
                _fft,
                table.AsSpan(firstFrame * hop, n),
                table.AsSpan((firstFrame + Lanes) * hop, n),
                window,
                new Vector<double>(means, firstFrame),
                new Vector<double>(means, firstFrame + Lanes));
            var plane = MemoryMarshal.Cast<double, Vector<double>>(psd.AsSpan(componentIndex * PlaneLength, PlaneLength));
            var laneColumn = firstFrame / Lanes;
            for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
            {
                PairPowers(zr, zi, SpectrogramParameters.FirstBin + f, n, out var first, out var second);
                var scale = new Vector<double>(_binScale[f]);
                var row = f * (RowLength / Lanes);
                plane[row + laneColumn] = first * scale;
                plane[row + laneColumn + 1] = second * scale;
            }
        }
        // The padding columns hold frames past the minute's end: never let them be the loudest pixel.
        for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
        {
            psd.AsSpan((componentIndex * PlaneLength) + (f * RowLength) + SpectrogramParameters.TimeCount, RowLength - SpectrogramParameters.TimeCount).Clear();
        }
    }

    /// <summary>
    /// <see cref="AddComponentPsd"/> in float32 (<see cref="SpectrogramPrecision.Single"/>): the samples, less the minute's
    /// mean and scaled by a power of two that brings the largest to [0.5, 1) (both in double, so only the narrowing to float
    /// rounds), go through the float FFT two frames per complex transform and <c>Vector&lt;float&gt;.Count</c> pairs at once;
    /// the powers, times the bin's PSD factor, stay in float planes, and <see cref="SingleLevels"/> brings them to the 0-1
    /// scale relative to the loudest pixel (so the 2^(2 exponent) that takes them back to the samples' units only enters there).
    /// </summary>
    /// <remarks>
    /// Why: the FFT is a third of an S-net day's CPU (benchmarks/README.md, issue #18) and float lanes are twice as many:
    /// a 100 Hz station-minute takes 62 instead of 93 us (the transforms 0.6x; the lane rows made per transform, see
    /// <see cref="TransposeRows"/>), and the S-net day 0.88x the wall time; 54 us since its last step is float too
    /// (<see cref="SingleLevels"/>). The frame means are computed in double (<see cref="ScanComponent"/>) and only then rounded, so a record far from zero
    /// loses nothing to its offset. Error: float's rounding, relative to a frame's loudest bins; after the 1 Hz high-pass that
    /// stays below 1e-5 of the 0-1 scale (SinglePrecisionSpectrogramTests; scipy in float32: 1.6e-6,
    /// tools/spectrogram/float32_error.py; 1.4e-6 in the probabilities of an S-net day, no class or group changed), without
    /// it microseism-dominated frames reach 2.4e-5.
    /// </remarks>
    [MethodImpl(HotPath.Optimized)]
    private void AddComponentPsdSingle<T>(ReadOnlySpan<T> component, int componentIndex, SpectrogramWorkspace workspace)
        where T : struct
    {
        var n = Parameters.SegmentLength;
        var hop = Parameters.HopLength;
        var buffers = workspace.Single;
        var center = 0.0;
        foreach (var sum in workspace.BlockSums)
        {
            center += sum;
        }
        center /= component.Length;
        var amplitude = Math.Max(Math.Abs(workspace.Maximum - center), Math.Abs(workspace.Minimum - center));
        var exponent = PowerOfTwoAtLeast(amplitude);
        var scale = PowerOfTwo(-exponent);
        CentreAndNarrow(component, center, scale, buffers.Padded);
        var means = workspace.Means;
        var singleMeans = buffers.Means;
        for (var t = 0; t < SpectrogramParameters.TimeCount; t++)
        {
            singleMeans[t] = (float)((means[t] - center) * scale);
        }
        // The powers stay in the scaled units; |X|^2 comes back to the samples' own by 2^(2 exponent), exactly, in
        // SingleLevels (two factors, each a double).
        var back = PowerOfTwo(exponent);
        buffers.PowerScales[componentIndex] = back * back;
        var powers = MemoryMarshal.Cast<float, Vector<float>>(buffers.Powers.AsSpan(componentIndex * SinglePlaneLength, SinglePlaneLength));
        var binScales = _singleBinScale;
        for (var transform = 0; transform < SingleTransformsPerComponent; transform++)
        {
            var firstFrame = transform * SingleFramesPerTransform;
            TransposeRows(buffers.Padded, hop, firstFrame * hop, buffers.LaneTable, 0, n);
            TransposeRows(buffers.Padded, hop, (firstFrame + SingleLanes) * hop, buffers.LaneTable, n, n);
            var (zr, zi) = buffers.Transform.Forward(
                _singleFft,
                buffers.LaneTable.AsSpan(0, n),
                buffers.LaneTable.AsSpan(n, n),
                _singleWindowLanes,
                new Vector<float>(singleMeans, firstFrame),
                new Vector<float>(singleMeans, firstFrame + SingleLanes));
            var laneColumn = firstFrame / SingleLanes;
            // The second half's frames lie wholly past the minute in the last transform: nothing of them is stored.
            var storeSecond = firstFrame + SingleLanes < SpectrogramParameters.TimeCount;
            for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
            {
                PairPowers(zr, zi, SpectrogramParameters.FirstBin + f, n, out var first, out var second);
                var binScale = new Vector<float>(binScales[f]);
                var row = f * (SingleRowLength / SingleLanes);
                powers[row + laneColumn] = first * binScale;
                if (storeSecond)
                {
                    powers[row + laneColumn + 1] = second * binScale;
                }
            }
        }
        // The padding columns hold frames past the minute's end: never let them be the loudest pixel.
        for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
        {
            buffers.Powers.AsSpan((componentIndex * SinglePlaneLength) + (f * SingleRowLength) + SpectrogramParameters.TimeCount, SingleRowLength - SpectrogramParameters.TimeCount).Clear();
        }
    }

    /// <summary>
    /// 4 |X_A[k]|^2 and 4 |X_B[k]|^2 of the two real frames that shared one complex transform Z, lane by lane:
    /// X_A[k] = (Z[k] + conj Z[N-k]) / 2, X_B[k] = (Z[k] - conj Z[N-k]) / 2i.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PairPowers<TLane>(ReadOnlySpan<Vector<TLane>> zr, ReadOnlySpan<Vector<TLane>> zi, int k, int n, out Vector<TLane> first, out Vector<TLane> second)
        where TLane : struct
    {
        var a = zr[k];
        var b = zi[k];
        var c = zr[n - k];
        var d = zi[n - k];
        var sumR = a + c;
        var diffI = b - d;
        var diffR = a - c;
        var sumI = b + d;
        first = (sumR * sumR) + (diffI * diffI);
        second = (diffR * diffR) + (sumI * sumI);
    }

    /// <summary>The smallest e with 2^e at or above <paramref name="amplitude"/> (a positive finite double), within the exponents a double can scale by both ways.</summary>
    internal static int PowerOfTwoAtLeast(double amplitude)
    {
        var exponent = (int)Math.Ceiling(Math.Log(amplitude, 2));
        // Math.Log may land one off at exact powers of two; settle it exactly.
        while (exponent > -1000 && PowerOfTwo(exponent - 1) >= amplitude)
        {
            exponent--;
        }
        while (exponent < 1000 && PowerOfTwo(exponent) < amplitude)
        {
            exponent++;
        }
        return Math.Max(-1000, Math.Min(1000, exponent));
    }

    /// <summary>2^<paramref name="exponent"/> exactly, for exponents from -1022 to 1023.</summary>
    internal static double PowerOfTwo(int exponent) => BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52);

    /// <summary>The component, less <paramref name="center"/> and times <paramref name="scale"/> (in double), rounded once to float into <paramref name="padded"/>, whose tail stays 0.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void CentreAndNarrow<T>(ReadOnlySpan<T> x, double center, double scale, float[] padded)
        where T : struct
    {
        ref var source = ref MemoryMarshal.GetReference(x);
        var centers = new Vector<double>(center);
        var scales = new Vector<double>(scale);
        var narrow = MemoryMarshal.Cast<float, Vector<float>>(padded.AsSpan(0, x.Length));
        for (var v = 0; v < narrow.Length; v++)
        {
            var first = v * 2 * Lanes;
            narrow[v] = Vector.Narrow((Samples(ref source, first) - centers) * scales, (Samples(ref source, first + Lanes) - centers) * scales);
        }
        for (var i = narrow.Length * 2 * Lanes; i < x.Length; i++)
        {
            padded[i] = (float)((Sample(ref source, i) - center) * scale);
        }
    }

    /// <summary>
    /// Lane rows for one half of a float transform: table[to + k] holds padded[from + k + l hop] for l = 0 .. Vector&lt;float&gt;.Count - 1,
    /// k = 0 .. count - 1 (the frames from..: the input of their transform).
    /// </summary>
    /// <remarks>
    /// Why per transform: a transform reads 2 x N rows of which the next one reads none (its frames start 16 hops on, its
    /// inputs span 5 hops), so only those are made, 4,000 of the minute's 6,160 rows at 100 Hz, into a buffer that
    /// stays in the cache for the transform; in float it is one 8 x 8 transpose per 8 rows (3 shuffles a row). With the
    /// whole minute's table first, the float table took 22% of the float path (perf).
    /// </remarks>
    [MethodImpl(HotPath.Optimized)]
    private static void TransposeRows(float[] padded, int hop, int from, Vector<float>[] table, int to, int count)
    {
        var flat = MemoryMarshal.Cast<Vector<float>, float>(table.AsSpan());
        var lanes = Vector<float>.Count;
        var k = 0;
#if NET
        if (Avx.IsSupported && Vector<float>.Count == 8)
        {
            ref var rows = ref MemoryMarshal.GetArrayDataReference(padded);
            ref var target = ref MemoryMarshal.GetReference(flat);
            for (; k + 7 < count; k += 8)
            {
                // Row l holds samples j .. j + 7 of lane l; the transpose makes column c (sample j + c of every lane) table row to + k + c.
                var j = from + k;
                var r0 = Vector256.LoadUnsafe(ref rows, (nuint)j);
                var r1 = Vector256.LoadUnsafe(ref rows, (nuint)(j + hop));
                var r2 = Vector256.LoadUnsafe(ref rows, (nuint)(j + (2 * hop)));
                var r3 = Vector256.LoadUnsafe(ref rows, (nuint)(j + (3 * hop)));
                var r4 = Vector256.LoadUnsafe(ref rows, (nuint)(j + (4 * hop)));
                var r5 = Vector256.LoadUnsafe(ref rows, (nuint)(j + (5 * hop)));
                var r6 = Vector256.LoadUnsafe(ref rows, (nuint)(j + (6 * hop)));
                var r7 = Vector256.LoadUnsafe(ref rows, (nuint)(j + (7 * hop)));
                var t0 = Avx.UnpackLow(r0, r1);
                var t1 = Avx.UnpackHigh(r0, r1);
                var t2 = Avx.UnpackLow(r2, r3);
                var t3 = Avx.UnpackHigh(r2, r3);
                var t4 = Avx.UnpackLow(r4, r5);
                var t5 = Avx.UnpackHigh(r4, r5);
                var t6 = Avx.UnpackLow(r6, r7);
                var t7 = Avx.UnpackHigh(r6, r7);
                var u0 = Avx.Shuffle(t0, t2, 0x44);
                var u1 = Avx.Shuffle(t0, t2, 0xEE);
                var u2 = Avx.Shuffle(t1, t3, 0x44);
                var u3 = Avx.Shuffle(t1, t3, 0xEE);
                var u4 = Avx.Shuffle(t4, t6, 0x44);
                var u5 = Avx.Shuffle(t4, t6, 0xEE);
                var u6 = Avx.Shuffle(t5, t7, 0x44);
                var u7 = Avx.Shuffle(t5, t7, 0xEE);
                var row = (nuint)((to + k) * 8);
                Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref target, row);
                Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref target, row + 8);
                Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref target, row + 16);
                Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref target, row + 24);
                Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref target, row + 32);
                Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref target, row + 40);
                Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref target, row + 48);
                Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref target, row + 56);
            }
        }
#endif
        for (; k < count; k++)
        {
            for (var lane = 0; lane < lanes; lane++)
            {
                flat[((to + k) * lanes) + lane] = padded[from + k + (lane * hop)];
            }
        }
    }

    /// <summary>
    /// table[j] holds x[j], x[j + hop], ..., x[j + (lanes - 1) hop] (0 past the end), so the input of
    /// the transform for frames f .. f + lanes - 1 is the contiguous run table[f hop ..][0 .. N).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static void BuildLaneTable<T>(ReadOnlySpan<T> x, int hop, Vector<double>[] table)
        where T : struct
    {
        var flat = MemoryMarshal.Cast<Vector<double>, double>(table.AsSpan());
        ref var source = ref MemoryMarshal.GetReference(x);
        var j = 0;
#if NET
        if (Avx.IsSupported && Vector<double>.Count == 4)
        {
            // 4 x 4 transposes: rows x[j + l hop .. + 4] become columns table[j .. j + 4].
            var last = x.Length - (3 * hop) - 4;
            ref var target = ref MemoryMarshal.GetReference(flat);
            for (; j <= last; j += 4)
            {
                var r0 = Samples(ref source, j).AsVector256();
                var r1 = Samples(ref source, j + hop).AsVector256();
                var r2 = Samples(ref source, j + (2 * hop)).AsVector256();
                var r3 = Samples(ref source, j + (3 * hop)).AsVector256();
                var t0 = Avx.UnpackLow(r0, r1);
                var t1 = Avx.UnpackHigh(r0, r1);
                var t2 = Avx.UnpackLow(r2, r3);
                var t3 = Avx.UnpackHigh(r2, r3);
                Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref target, (nuint)(j * 4));
                Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref target, (nuint)((j + 1) * 4));
                Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref target, (nuint)((j + 2) * 4));
                Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref target, (nuint)((j + 3) * 4));
            }
        }
#endif
        for (; j < table.Length; j++)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                var i = j + (lane * hop);
                flat[(j * Lanes) + lane] = i < x.Length ? Sample(ref source, i) : 0;
            }
        }
    }

    /// <summary>
    /// L = log10(PSD + 1e-30); Spec = clip((L - (Lmax - R)) / R, 0, 1), from the padded
    /// [component][frequency][time] planes into the [frequency, time, component] destination.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    internal static void ScaleToUnitRange(double[] psd, float[] scaled, Span<float> destination)
    {
        const double range = SpectrogramParameters.DynamicRange;
        var levels = MemoryMarshal.Cast<double, Vector<double>>(psd.AsSpan());
        // Two running maxima (the buffer holds whole pairs of vectors) halve the loop's dependency chain.
        var loudestEven = levels[0];
        var loudestOdd = levels[1];
        for (var v = 2; v < levels.Length; v += 2)
        {
            loudestEven = LargerLanes(loudestEven, levels[v]);
            loudestOdd = LargerLanes(loudestOdd, levels[v + 1]);
        }
        var loudestPower = LargestLane(LargerLanes(loudestEven, loudestOdd));
        ThrowIfOverflowed(loudestPower);
        var loudest = Log10(loudestPower + 1e-30);
        // Pixels more than R decades (with a margin far above the log's error) below the loudest one
        // clip to 0 whatever their exact logarithm: skip it. Real records have many such pixels.
        var silent = (loudestPower + 1e-30) * Math.Pow(10, -range) * (1 - 1e-9);
#if NET
        // The logarithm is the costliest step after the FFT and needs no lane layout: it runs 8 wide where AVX-512 is
        // there and in Vector<double> (4 wide) on AVX2 machines, where Vector512 is emulated in software. The same
        // arithmetic, so the same levels. The buffer's length is a multiple of 8 (SpectrogramWorkspace).
        if (Vector512.IsHardwareAccelerated)
        {
            var powers = MemoryMarshal.Cast<double, Vector512<double>>(psd.AsSpan());
            var tinyPowers = Vector512.Create(1e-30);
            var silentPowers = Vector512.Create(silent);
            var belowFloorLevels = Vector512.Create(double.MinValue);
            for (var v = 0; v < powers.Length; v++)
            {
                var power = powers[v] + tinyPowers;
                powers[v] = Vector512.LessThanAll(power, silentPowers) ? belowFloorLevels : VectorLog10(power);
            }
        }
        else
#endif
        {
            // Vector<double> lanes: AVX2 machines on .NET 10, and every machine on .NET Standard 2.0, where
            // VectorLog10 takes each lane's Math.Log10.
            var tinyPowers = new Vector<double>(1e-30);
            var silentPowers = new Vector<double>(silent);
            var belowFloorLevels = new Vector<double>(double.MinValue);
            for (var v = 0; v < levels.Length; v++)
            {
                var power = levels[v] + tinyPowers;
                levels[v] = Vector.LessThanAll(power, silentPowers) ? belowFloorLevels : VectorLog10(power);
            }
        }
#if NET
        if (Avx2.IsSupported && Vector<double>.Count == 4)
        {
            ScaleAndInterleave(psd, loudest - range, destination);
            return;
        }
#endif
        ScaleAndInterleavePortably(psd, scaled, loudest - range, destination);
    }

    /// <summary>
    /// Refuses a minute whose loudest power is not finite: samples above about 1e154 (in the units given) overflow the
    /// power spectrum in double, and the image would silently come out all ones (both precisions, before this check).
    /// </summary>
    internal static void ThrowIfOverflowed(double loudestPower)
    {
        if (double.IsInfinity(loudestPower) || double.IsNaN(loudestPower))
        {
            throw new InvalidWaveformException("the samples are so large (above about 1e154) that their power spectrum overflows double precision; scale them to physical units (e.g. counts to m/s)");
        }
    }

    /// <summary>clip((L - floor) / R, 0, 1) of the level planes, narrowed to float and interleaved into [frequency, time, component].</summary>
    [MethodImpl(HotPath.Optimized)]
    internal static void ScaleAndInterleavePortably(double[] psd, float[] scaled, double floorLevel, Span<float> destination)
    {
        var levels = MemoryMarshal.Cast<double, Vector<double>>(psd.AsSpan());
        var floor = new Vector<double>(floorLevel);
        // R = 4 is a power of two, so multiplying by 1/R is exactly numpy's division by R.
        var inverseRange = new Vector<double>(1 / SpectrogramParameters.DynamicRange);
        var narrow = MemoryMarshal.Cast<float, Vector<float>>(scaled.AsSpan());
        for (var v = 0; v < narrow.Length; v++)
        {
            var low = Vector.Min(Vector.Max((levels[2 * v] - floor) * inverseRange, Vector<double>.Zero), Vector<double>.One);
            var high = Vector.Min(Vector.Max((levels[(2 * v) + 1] - floor) * inverseRange, Vector<double>.Zero), Vector<double>.One);
            narrow[v] = Vector.Narrow(low, high);
        }
        var output = 0;
        for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
        {
            var vx = scaled.AsSpan(f * RowLength, SpectrogramParameters.TimeCount);
            var vy = scaled.AsSpan(PlaneLength + (f * RowLength), SpectrogramParameters.TimeCount);
            var vz = scaled.AsSpan((2 * PlaneLength) + (f * RowLength), SpectrogramParameters.TimeCount);
            for (var t = 0; t < vx.Length; t++)
            {
                destination[output] = vx[t];
                destination[output + 1] = vy[t];
                destination[output + 2] = vz[t];
                output += 3;
            }
        }
    }

#if NET
    /// <summary>
    /// <see cref="ScaleAndInterleavePortably"/> in one pass, 8 times of the three planes at a time:
    /// scale, clip and narrow each plane's levels, then interleave them into [frequency, time, component] with
    /// three permutes and two blends per 8 outputs (no intermediate image, no scalar stores). The arithmetic is
    /// the portable path's, so the floats are the same.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    internal static void ScaleAndInterleave(double[] levels, double floor, Span<float> destination)
    {
        // The stores below are unchecked: check the two bounds they rely on once.
        if (destination.Length < SpectrogramParameters.ValueCount || levels.Length < SpectrogramParameters.ComponentCount * PlaneLength)
        {
            throw new ArgumentException($"need {SpectrogramParameters.ValueCount} outputs and {SpectrogramParameters.ComponentCount * PlaneLength} levels, got {destination.Length} and {levels.Length}");
        }
        const int vectorTimes = SpectrogramParameters.TimeCount / 8 * 8;
        var floors = Vector256.Create(floor);
        var inverseRange = Vector256.Create(1 / SpectrogramParameters.DynamicRange);
        ref var source = ref MemoryMarshal.GetArrayDataReference(levels);
        ref var target = ref MemoryMarshal.GetReference(destination);
        var output = 0;
        for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
        {
            var row = f * RowLength;
            var t = 0;
            for (; t < vectorTimes; t += 8)
            {
                var x = ScaledLevels(ref source, row + t, floors, inverseRange);
                var y = ScaledLevels(ref source, PlaneLength + row + t, floors, inverseRange);
                var z = ScaledLevels(ref source, (2 * PlaneLength) + row + t, floors, inverseRange);
                StoreInterleaved(x, y, z, ref target, output);
                output += 24;
            }
            for (; t < SpectrogramParameters.TimeCount; t++)
            {
                for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
                {
                    var level = Unsafe.Add(ref source, (c * PlaneLength) + row + t);
                    Unsafe.Add(ref target, output + c) = (float)Math.Min(Math.Max((level - floor) * (1 / SpectrogramParameters.DynamicRange), 0), 1);
                }
                output += 3;
            }
        }
    }

    /// <summary>
    /// Eight times of the three components, interleaved into [time, component] as 24 floats from
    /// <paramref name="output"/> on: three permutes and two blends per 8 outputs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreInterleaved(Vector256<float> x, Vector256<float> y, Vector256<float> z, ref float target, int output)
    {
        // Output i of 8 times x 3 components is (time i / 3, component i mod 3): the time of each position of
        // the three output vectors; the blends then take x where i mod 3 = 0 and y where it is 1.
        var times0 = Vector256.Create(0, 0, 0, 1, 1, 1, 2, 2);
        var times1 = Vector256.Create(2, 3, 3, 3, 4, 4, 4, 5);
        var times2 = Vector256.Create(5, 5, 6, 6, 6, 7, 7, 7);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(z, times0), Avx2.PermuteVar8x32(y, times0), 0b1001_0010), Avx2.PermuteVar8x32(x, times0), 0b0100_1001)
            .StoreUnsafe(ref target, (nuint)output);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(z, times1), Avx2.PermuteVar8x32(y, times1), 0b0010_0100), Avx2.PermuteVar8x32(x, times1), 0b1001_0010)
            .StoreUnsafe(ref target, (nuint)(output + 8));
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(z, times2), Avx2.PermuteVar8x32(y, times2), 0b0100_1001), Avx2.PermuteVar8x32(x, times2), 0b0010_0100)
            .StoreUnsafe(ref target, (nuint)(output + 16));
    }

    /// <summary>clip((L - floor) / R, 0, 1) of levels index .. index + 7, narrowed to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ScaledLevels(ref double levels, int index, Vector256<double> floors, Vector256<double> inverseRange)
    {
        var low = Vector256.Min(Vector256.Max((Vector256.LoadUnsafe(ref levels, (nuint)index) - floors) * inverseRange, Vector256<double>.Zero), Vector256<double>.One);
        var high = Vector256.Min(Vector256.Max((Vector256.LoadUnsafe(ref levels, (nuint)(index + 4)) - floors) * inverseRange, Vector256<double>.Zero), Vector256<double>.One);
        return Vector256.Narrow(low, high);
    }
#endif

    /// <summary>Lane-wise maximum of powers (never NaN, never -0, so the plain instruction is exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> LargerLanes(Vector<double> a, Vector<double> b) =>
#if NET
        Vector.MaxNative(a, b);
#else
        Vector.Max(a, b);
#endif

    /// <summary>
    /// The largest lane, out of line: reading a vector's lanes makes it live in memory, and inlined that
    /// would send the caller's running maximum through memory on every step.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double LargestLane(Vector<double> lanes)
    {
        var largest = lanes[0];
        for (var lane = 1; lane < Lanes; lane++)
        {
            largest = Math.Max(largest, lanes[lane]);
        }
        return largest;
    }

#if NET
    private static double Log10(double x) => VectorLog10(new Vector<double>(x))[0];

    /// <summary>
    /// log10 of positive normal doubles: x = 2^e m with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s)
    /// with s = (m - 1) / (m + 1), |s| &lt;= 0.1716, summed to s^13 (truncation error below 1e-12).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> VectorLog10(Vector512<double> x)
    {
        var bits = x.AsInt64();
        // The biased exponent placed in the mantissa of 2^52 gives 2^52 + e_biased exactly.
        var exponentBits = Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(0x4330_0000_0000_0000L);
        var exponent = exponentBits.AsDouble() - Vector512.Create(4503599627370496.0 + 1023);
        var mantissa = ((bits & Vector512.Create(0x000F_FFFF_FFFF_FFFFL)) | Vector512.Create(0x3FF0_0000_0000_0000L)).AsDouble();
        var large = Vector512.GreaterThan(mantissa, Vector512.Create(1.4142135623730951));
        mantissa = Vector512.ConditionalSelect(large, mantissa * Vector512.Create(0.5), mantissa);
        exponent += Vector512.ConditionalSelect(large, Vector512<double>.One, Vector512<double>.Zero);
        var s = (mantissa - Vector512<double>.One) / (mantissa + Vector512<double>.One);
        var z = s * s;
        var series = Vector512.FusedMultiplyAdd(Vector512.Create(1.0 / 13), z, Vector512.Create(1.0 / 11));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512.Create(1.0 / 9));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512.Create(1.0 / 7));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512.Create(1.0 / 5));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512.Create(1.0 / 3));
        series = Vector512.FusedMultiplyAdd(series, z, Vector512<double>.One);
        var lnMantissa = Vector512.Create(2.0) * s * series;
        const double ln2 = 0.6931471805599453;
        const double log10E = 0.4342944819032518;
        return Vector512.FusedMultiplyAdd(exponent, Vector512.Create(ln2), lnMantissa) * Vector512.Create(log10E);
    }

    /// <summary>The Vector512 overload's arithmetic in <see cref="Vector{T}"/> lanes, for machines without AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> VectorLog10(Vector<double> x)
    {
        var bits = Vector.AsVectorInt64(x);
        // The biased exponent placed in the mantissa of 2^52 gives 2^52 + e_biased exactly.
        var exponentBits = Vector.ShiftRightLogical(bits, 52) | new Vector<long>(0x4330_0000_0000_0000L);
        var exponent = Vector.AsVectorDouble(exponentBits) - new Vector<double>(4503599627370496.0 + 1023);
        var mantissa = Vector.AsVectorDouble((bits & new Vector<long>(0x000F_FFFF_FFFF_FFFFL)) | new Vector<long>(0x3FF0_0000_0000_0000L));
        var large = Vector.GreaterThan(mantissa, new Vector<double>(1.4142135623730951));
        mantissa = Vector.ConditionalSelect(large, mantissa * new Vector<double>(0.5), mantissa);
        exponent += Vector.ConditionalSelect(large, Vector<double>.One, Vector<double>.Zero);
        var s = (mantissa - Vector<double>.One) / (mantissa + Vector<double>.One);
        var z = s * s;
        var series = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 13), z, new Vector<double>(1.0 / 11));
        series = Vector.FusedMultiplyAdd(series, z, new Vector<double>(1.0 / 9));
        series = Vector.FusedMultiplyAdd(series, z, new Vector<double>(1.0 / 7));
        series = Vector.FusedMultiplyAdd(series, z, new Vector<double>(1.0 / 5));
        series = Vector.FusedMultiplyAdd(series, z, new Vector<double>(1.0 / 3));
        series = Vector.FusedMultiplyAdd(series, z, Vector<double>.One);
        var lnMantissa = new Vector<double>(2.0) * s * series;
        const double ln2 = 0.6931471805599453;
        const double log10E = 0.4342944819032518;
        return Vector.FusedMultiplyAdd(exponent, new Vector<double>(ln2), lnMantissa) * new Vector<double>(log10E);
    }
#else
    private static double Log10(double x) => Math.Log10(x);

    private static Vector<double> VectorLog10(Vector<double> x)
    {
        var result = x;
        ref var lanes = ref Unsafe.As<Vector<double>, double>(ref result);
        for (var lane = 0; lane < Lanes; lane++)
        {
            Unsafe.Add(ref lanes, lane) = Math.Log10(Unsafe.Add(ref lanes, lane));
        }
        return result;
    }
#endif
}
