using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Seismic.DietGrasp.Preprocessing;

/// <summary>
/// Rational-ratio resampling by <see cref="Up"/> / <see cref="Down"/> with an anti-aliasing FIR filter,
/// equal to scipy's <c>resample_poly(x, up, down)</c> with its defaults: a Kaiser-windowed (beta 5.0)
/// sinc low-pass of 20 max(up, down) + 1 taps cut at 1 / max(up, down) of the Nyquist frequency,
/// output sample k at input time k down / up, and zeros beyond both ends of the input (padtype 'constant').
/// Immutable; one instance may resample on many threads at once.
/// </summary>
/// <remarks>
/// Computed polyphase: each output sample is one dot product of about 20 down / up taps with the input,
/// never the zero-stuffed signal, so 128 Hz to 125 Hz costs about 21 multiply-adds per output sample.
/// Because the input is taken as zero outside it, a record's first and last 0.1 s are tapered when the
/// record does not have zero mean: remove the mean (or high-pass) first, as the pipeline does.
/// </remarks>
public sealed class PolyphaseResampler
{
    /// <summary>The largest reduced up or down factor accepted (the filter has 20 times as many taps).</summary>
    public const int MaximumFactor = 4096;

    private const double KaiserBeta = 5.0;

    // Taps per phase, reversed so that output k is sum_r taps[phase][r] * x[first + r].
    private readonly double[] _taps;
    private readonly int _tapsPerPhase;
    private readonly int _halfLength;

    /// <summary>Creates the resampler; the factors are reduced by their greatest common divisor.</summary>
    /// <param name="up">Upsampling factor, at least 1.</param>
    /// <param name="down">Downsampling factor, at least 1.</param>
    /// <exception cref="InvalidParameterException">A factor is below 1, or a reduced factor exceeds <see cref="MaximumFactor"/>.</exception>
    public PolyphaseResampler(int up, int down)
    {
        if (up < 1 || down < 1)
        {
            throw new InvalidParameterException(up < 1 ? nameof(up) : nameof(down), $"the factors must be at least 1, got up {up} and down {down}");
        }
        var g = Gcd(up, down);
        Up = up / g;
        Down = down / g;
        if (Math.Max(Up, Down) > MaximumFactor)
        {
            throw new InvalidParameterException(nameof(up), $"the ratio {Up}/{Down} needs a filter of {(20L * Math.Max(Up, Down)) + 1} taps; reduced factors up to {MaximumFactor} are accepted");
        }
        var maxRate = Math.Max(Up, Down);
        _halfLength = 10 * maxRate;
        var h = LowPass((2 * _halfLength) + 1, 1.0 / maxRate);
        _tapsPerPhase = (h.Length + Up - 1) / Up;
        _taps = new double[Up * _tapsPerPhase];
        for (var phase = 0; phase < Up; phase++)
        {
            for (var j = 0; j < _tapsPerPhase; j++)
            {
                var index = phase + (j * Up);
                _taps[(phase * _tapsPerPhase) + _tapsPerPhase - 1 - j] = index < h.Length ? h[index] * Up : 0;
            }
        }
    }

    /// <summary>The reduced upsampling factor.</summary>
    public int Up { get; }

    /// <summary>The reduced downsampling factor.</summary>
    public int Down { get; }

    /// <summary>Output samples for <paramref name="inputLength"/> input samples: ceil(n up / down), as scipy.</summary>
    /// <param name="inputLength">Input samples.</param>
    /// <returns>The output length.</returns>
    public long OutputLength(long inputLength) => ((inputLength * Up) + Down - 1) / Down;

    /// <summary>Resamples the whole input (scipy's <c>resample_poly(x, up, down)</c>).</summary>
    /// <param name="input">The samples.</param>
    /// <returns>A new array of <see cref="OutputLength"/> samples.</returns>
    public double[] Resample(ReadOnlySpan<double> input)
    {
        var output = new double[OutputLength(input.Length)];
        Resample(input, output);
        return output;
    }

    /// <summary>Resamples the whole input into <paramref name="output"/> (no allocation).</summary>
    /// <param name="input">The samples.</param>
    /// <param name="output">Exactly <see cref="OutputLength"/> samples.</param>
    /// <exception cref="ArgumentOutOfRangeException">The output's length is not <see cref="OutputLength"/>.</exception>
    public void Resample(ReadOnlySpan<double> input, Span<double> output)
    {
        if (output.Length != OutputLength(input.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(output), $"the output holds {output.Length} samples; {OutputLength(input.Length)} expected for {input.Length} input samples at {Up}/{Down}");
        }
        Resample(input, 0, input.Length, 0, output);
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "polyphase resampler {0}/{1} (Kaiser 5.0, {2} taps)", Up, Down, (2 * _halfLength) + 1);

    /// <summary>
    /// Output samples <paramref name="firstOutput"/> onwards of resampling <paramref name="input"/> (output k at
    /// input index k down / up), the input being taken as zero outside [<paramref name="validStart"/>,
    /// <paramref name="validEnd"/>): the pipeline resamples each gap-free run of a longer window with it,
    /// on the window's grid.
    /// </summary>
    internal void Resample(ReadOnlySpan<double> input, int validStart, int validEnd, long firstOutput, Span<double> output)
    {
        if (Up == 1 && Down == 1)
        {
            // scipy returns a copy; the 21-tap sinc would add rounding only.
            for (var k = 0; k < output.Length; k++)
            {
                var i = firstOutput + k;
                output[k] = i >= validStart && i < validEnd ? input[(int)i] : 0;
            }
            return;
        }
        var t = _tapsPerPhase;
        var taps = _taps.AsSpan();
        for (var k = 0; k < output.Length; k++)
        {
            // Output k is sum_i x[i] h[half + (k down - i up)]: the newest input is floor((k down + half) / up).
            var position = ((firstOutput + k) * Down) + _halfLength;
            var newest = position / Up;
            var phase = (int)(position - (newest * Up));
            var oldest = newest - t + 1;
            var from = (int)Math.Max(0, validStart - oldest);
            var to = (int)Math.Min(t, validEnd - oldest);
            output[k] = from < to ? Dot(taps.Slice((phase * t) + from, to - from), input.Slice((int)(oldest + from), to - from)) : 0;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var acc = Vector<double>.Zero;
            for (var v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }
            sum = Vector.Dot(acc, Vector<double>.One);
            i = va.Length * Vector<double>.Count;
        }
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /// <summary>scipy's firwin(numtaps, cutoff, window=('kaiser', 5.0)): windowed sinc, scaled to unit gain at 0 Hz.</summary>
    private static double[] LowPass(int taps, double cutoff)
    {
        var h = new double[taps];
        var alpha = 0.5 * (taps - 1);
        var sum = 0.0;
        var i0Beta = BesselI0(KaiserBeta);
        for (var i = 0; i < taps; i++)
        {
            var m = i - alpha;
            var x = cutoff * m;
            var sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
            var r = m / alpha;
            var window = BesselI0(KaiserBeta * Math.Sqrt(Math.Max(0, 1 - (r * r)))) / i0Beta;
            h[i] = cutoff * sinc * window;
            sum += h[i];
        }
        for (var i = 0; i < taps; i++)
        {
            h[i] /= sum;
        }
        return h;
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series (converges fast for the window's arguments, at most 5).</summary>
    private static double BesselI0(double x)
    {
        var term = 1.0;
        var sum = 1.0;
        var quarter = x * x / 4;
        for (var k = 1; k < 200 && term > sum * 1e-17; k++)
        {
            term *= quarter / ((double)k * k);
            sum += term;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
