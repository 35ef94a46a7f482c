using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// Everything that depends only on the sampling rate (window, FFT plan, PSD scale), computed once and
/// cached per rate, plus the per-station-minute computation itself.
/// </summary>
/// <remarks>
/// Two real frames share one complex FFT (frame A in the real part, frame B in the imaginary part),
/// and <c>Vector&lt;double&gt;.Count</c> such pairs run side by side in the SIMD lanes, so one
/// transform of length 4 fs yields 2 x Count frames.
/// </remarks>
internal sealed class SpectrogramKernel
{
    private static readonly ConcurrentDictionary<int, SpectrogramKernel> Cache = new();

    private static readonly int Lanes = Vector<double>.Count;
    private static readonly int FramesPerTransform = 2 * Lanes;
    private static readonly int TransformsPerComponent = (SpectrogramParameters.TimeCount + FramesPerTransform - 1) / FramesPerTransform;

    private readonly double[] _window;
    private readonly LaneFft _fft;

    // PSD factor per kept bin, applied to |Z[k] +- conj(Z[N-k])|^2 (which is 4 |X[k]|^2):
    // scipy's density scale 1/(fs sum w^2), doubled for one-sided bins other than DC and Nyquist.
    private readonly double[] _binScale;

    private SpectrogramKernel(SpectrogramParameters parameters)
    {
        Parameters = parameters;
        _window = PeriodicTukey(parameters.SegmentLength, SpectrogramParameters.TukeyAlpha);
        _fft = new LaneFft(parameters.SegmentLength);
        var sumOfSquares = 0.0;
        foreach (var w in _window)
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
    }

    public SpectrogramParameters Parameters { get; }

    public static SpectrogramKernel For(SpectrogramParameters parameters)
    {
        var kernel = Cache.GetOrAdd(parameters.SegmentLength, _ => new SpectrogramKernel(parameters));
        return kernel.Parameters.SamplingRate == parameters.SamplingRate ? kernel : new SpectrogramKernel(parameters);
    }

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

    /// <summary>One station-minute [3, 60 fs] (already length-checked) into <paramref name="destination"/> [73, 71, 3].</summary>
    public void Compute(ReadOnlySpan<double> waveform, Span<float> destination, SpectrogramWorkspace workspace)
    {
        var samples = Parameters.SamplesPerMinute;
        for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
        {
            var component = waveform.Slice(c * samples, samples);
            ScanComponent(component, c, workspace);
            AddComponentPsd(component, c, workspace);
        }
        ScaleToUnitRange(workspace.Psd, destination);
    }

    /// <summary>As <see cref="Compute(ReadOnlySpan{double}, Span{float}, SpectrogramWorkspace)"/> for float32 samples (widened to double first).</summary>
    public void Compute(ReadOnlySpan<float> waveform, Span<float> destination, SpectrogramWorkspace workspace)
    {
        var samples = Parameters.SamplesPerMinute;
        var widened = workspace.Widened.AsSpan();
        for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
        {
            var component = waveform.Slice(c * samples, samples);
            for (var i = 0; i < widened.Length; i++)
            {
                widened[i] = component[i];
            }
            ScanComponent(widened, c, workspace);
            AddComponentPsd(widened, c, workspace);
        }
        ScaleToUnitRange(workspace.Psd, destination);
    }

    public SpectrogramWorkspace CreateWorkspace() =>
        new(this, Parameters.SegmentLength, Parameters.SamplesPerMinute, Parameters.SamplesPerMinute / Parameters.HopLength);

    /// <summary>
    /// Refuses non-finite samples and dead (constant) components, and sums each hop-long block so that
    /// every frame's mean (scipy's detrend='constant') is the sum of 5 block sums.
    /// </summary>
    private void ScanComponent(ReadOnlySpan<double> component, int componentIndex, SpectrogramWorkspace workspace)
    {
        var hop = Parameters.HopLength;
        var blockSums = workspace.BlockSums;
        var minimum = new Vector<double>(double.PositiveInfinity);
        var maximum = new Vector<double>(double.NegativeInfinity);
        var nonFinite = Vector<double>.Zero;
        var scalarMinimum = double.PositiveInfinity;
        var scalarMaximum = double.NegativeInfinity;
        var scalarNonFinite = 0.0;
        for (var b = 0; b < blockSums.Length; b++)
        {
            var block = component.Slice(b * hop, hop);
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(block);
            var sum = Vector<double>.Zero;
            foreach (var v in vectors)
            {
                sum += v;
                minimum = Vector.Min(minimum, v);
                maximum = Vector.Max(maximum, v);
                nonFinite += v - v;
            }
            var total = Vector.Dot(sum, Vector<double>.One);
            for (var i = vectors.Length * Lanes; i < block.Length; i++)
            {
                var x = block[i];
                total += x;
                scalarMinimum = Math.Min(scalarMinimum, x);
                scalarMaximum = Math.Max(scalarMaximum, x);
                scalarNonFinite += x - x;
            }
            blockSums[b] = total;
        }
        // x - x is 0 for every finite x and NaN for NaN and infinities.
        if (Vector.Dot(nonFinite, Vector<double>.One) + scalarNonFinite != 0)
        {
            ThrowNonFinite(component, componentIndex);
        }
        for (var i = 0; i < Lanes; i++)
        {
            scalarMinimum = Math.Min(scalarMinimum, minimum[i]);
            scalarMaximum = Math.Max(scalarMaximum, maximum[i]);
        }
        if (scalarMinimum == scalarMaximum)
        {
            throw new InvalidWaveformException(
                $"component {SpectrogramParameters.ComponentNames[componentIndex]} is dead: all {component.Length} samples equal {scalarMinimum.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        var blocksPerSegment = Parameters.SegmentLength / hop;
        var means = workspace.Means;
        for (var t = 0; t < means.Length; t++)
        {
            var sum = 0.0;
            for (var b = 0; b < blocksPerSegment; b++)
            {
                sum += blockSums[t + b];
            }
            means[t] = sum / Parameters.SegmentLength;
        }
    }

    private static void ThrowNonFinite(ReadOnlySpan<double> component, int componentIndex)
    {
        for (var i = 0; i < component.Length; i++)
        {
            var x = component[i];
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                var what = double.IsNaN(x) ? "NaN" : x > 0 ? "+infinity" : "-infinity";
                throw new InvalidWaveformException($"component {SpectrogramParameters.ComponentNames[componentIndex]}, sample {i}: {what}");
            }
        }
    }

    private void AddComponentPsd(ReadOnlySpan<double> component, int componentIndex, SpectrogramWorkspace workspace)
    {
        var n = Parameters.SegmentLength;
        var hop = Parameters.HopLength;
        var window = _window;
        var means = workspace.Means;
        var re = workspace.Re;
        var im = workspace.Im;
        var laneRe = MemoryMarshal.Cast<Vector<double>, double>(re.AsSpan());
        var laneIm = MemoryMarshal.Cast<Vector<double>, double>(im.AsSpan());
        var psd = workspace.Psd;
        for (var transform = 0; transform < TransformsPerComponent; transform++)
        {
            var firstFrame = transform * FramesPerTransform;
            for (var lane = 0; lane < Lanes; lane++)
            {
                FillLane(component, laneRe, lane, firstFrame + lane, means, window, hop);
                FillLane(component, laneIm, lane, firstFrame + Lanes + lane, means, window, hop);
            }
            var inWork = _fft.Forward(re, im, workspace.WorkRe, workspace.WorkIm);
            ReadOnlySpan<Vector<double>> zr = inWork ? workspace.WorkRe : re;
            ReadOnlySpan<Vector<double>> zi = inWork ? workspace.WorkIm : im;
            for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
            {
                var k = SpectrogramParameters.FirstBin + f;
                var a = zr[k];
                var b = zi[k];
                var c = zr[n - k];
                var d = zi[n - k];
                var scale = new Vector<double>(_binScale[f]);
                // X_A[k] = (Z[k] + conj Z[N-k]) / 2, X_B[k] = (Z[k] - conj Z[N-k]) / 2i.
                var sumR = a + c;
                var diffI = b - d;
                var diffR = a - c;
                var sumI = b + d;
                var powerA = ((sumR * sumR) + (diffI * diffI)) * scale;
                var powerB = ((diffR * diffR) + (sumI * sumI)) * scale;
                var row = f * SpectrogramParameters.TimeCount;
                for (var lane = 0; lane < Lanes; lane++)
                {
                    var frameA = firstFrame + lane;
                    var frameB = frameA + Lanes;
                    if (frameA < SpectrogramParameters.TimeCount)
                    {
                        psd[((row + frameA) * SpectrogramParameters.ComponentCount) + componentIndex] = powerA[lane];
                    }
                    if (frameB < SpectrogramParameters.TimeCount)
                    {
                        psd[((row + frameB) * SpectrogramParameters.ComponentCount) + componentIndex] = powerB[lane];
                    }
                }
            }
        }

    }

    /// <summary>Lane <paramref name="lane"/> of the interleaved transform input: (x - mean) w for one frame, zero past the last frame.</summary>
    private static void FillLane(ReadOnlySpan<double> component, Span<double> lanes, int lane, int frame, double[] means, double[] window, int hop)
    {
            var n = window.Length;
            var stride = Lanes;
            if (frame >= SpectrogramParameters.TimeCount)
            {
                for (var i = 0; i < n; i++)
                {
                    lanes[(i * stride) + lane] = 0;
                }
                return;
            }
            var segment = component.Slice(frame * hop, n);
            var mean = means[frame];
            for (var i = 0; i < n; i++)
            {
                lanes[(i * stride) + lane] = (segment[i] - mean) * window[i];
            }
    }

    /// <summary>L = log10(PSD + 1e-30); Spec = clip((L - (Lmax - R)) / R, 0, 1).</summary>
    private static void ScaleToUnitRange(double[] psd, Span<float> destination)
    {
        const double range = SpectrogramParameters.DynamicRange;
        var levels = psd.AsSpan();
        var i = 0;
#if NET
        var tiny = new Vector<double>(1e-30);
        var inverseLn10 = new Vector<double>(1 / Math.Log(10));
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(levels);
        for (var v = 0; v < vectors.Length; v++)
        {
            vectors[v] = Vector.Log(vectors[v] + tiny) * inverseLn10;
        }
        i = vectors.Length * Lanes;
#endif
        for (; i < levels.Length; i++)
        {
            levels[i] = Math.Log10(levels[i] + 1e-30);
        }
        var loudest = double.NegativeInfinity;
        foreach (var level in levels)
        {
            loudest = Math.Max(loudest, level);
        }
        var floor = loudest - range;
        for (i = 0; i < levels.Length; i++)
        {
            var scaled = (levels[i] - floor) / range;
            destination[i] = (float)(scaled < 0 ? 0 : scaled > 1 ? 1 : scaled);
        }
    }
}

/// <summary>Scratch buffers for one thread computing spectrograms at one sampling rate.</summary>
internal sealed class SpectrogramWorkspace
{
    public SpectrogramWorkspace(SpectrogramKernel kernel, int segmentLength, int samplesPerMinute, int blockCount)
    {
        Kernel = kernel;
        Re = new Vector<double>[segmentLength];
        Im = new Vector<double>[segmentLength];
        WorkRe = new Vector<double>[segmentLength];
        WorkIm = new Vector<double>[segmentLength];
        Widened = new double[samplesPerMinute];
        BlockSums = new double[blockCount];
        Means = new double[SpectrogramParameters.TimeCount];
        Psd = new double[SpectrogramParameters.ValueCount];
    }

    public SpectrogramKernel Kernel { get; }

    public Vector<double>[] Re { get; }

    public Vector<double>[] Im { get; }

    public Vector<double>[] WorkRe { get; }

    public Vector<double>[] WorkIm { get; }

    public double[] Widened { get; }

    public double[] BlockSums { get; }

    public double[] Means { get; }

    public double[] Psd { get; }
}
