using System.Globalization;
using System.Numerics;

namespace Seismic.DietGrasp.Preprocessing;

/// <summary>
/// A digital Butterworth high-pass filter in second-order sections, designed as scipy's
/// <c>butter(order, corner, btype='highpass', fs=samplingRate, output='sos')</c> and applied zero-phase,
/// forward and backward, as scipy's <c>sosfiltfilt(sos, x)</c> (odd extension of
/// <see cref="PadLength"/> samples at each end, steady-state initial conditions).
/// Immutable; one instance may filter on many threads at once.
/// </summary>
/// <remarks>
/// Why: on ocean-bottom records the microseism and tilt noise (0.05-0.5 Hz, 30-300x the 2-20 Hz floor)
/// leak into the spectrogram's low rows through the window's side lobes and, after the per-minute
/// 4-decade scaling, look like tremor; a 1 Hz 4th-order high-pass removes them before the spectrogram.
/// Zero-phase filtering of a stretch differs from filtering the whole record only near the stretch's
/// ends: the slowest pole of the 4th-order filter decays as exp(-2.4 fc t), so <see cref="SettlingSeconds"/>
/// of extra record on each side (20 s at 1 Hz) make the inside equal to the whole-record result to far
/// below float precision (tested at 1e-6 relative against scipy on the long record).
/// Cost: 2 x (order / 2) second-order sections per sample, no allocation (the padding lives on the stack).
/// </remarks>
public sealed class ButterworthHighPass
{
    /// <summary>The order used by the pipeline (contract with the training data).</summary>
    public const int DefaultOrder = 4;

    /// <summary>The largest order accepted.</summary>
    public const int MaximumOrder = 8;

    // [b0, b1, b2, a1, a2] per section (a0 = 1), in scipy's section order; and the step-response states.
    private readonly double[] _sections;

    // [b0, b1 - a1 b0, b2 - a2 b0, a1, a2] per section: the recursion's coefficients (see Step).
    private readonly double[] _recursion;
    private readonly double[] _initialStates;

    /// <summary>Designs the filter.</summary>
    /// <param name="cornerFrequency">The -3 dB corner in Hz, above 0 and below the Nyquist frequency.</param>
    /// <param name="samplingRate">Samples per second.</param>
    /// <param name="order">An even order from 2 to <see cref="MaximumOrder"/> (default 4).</param>
    /// <exception cref="InvalidParameterException">The rate is not finite and positive, the corner is not inside (0, Nyquist), or the order is odd or out of range.</exception>
    public ButterworthHighPass(double cornerFrequency, double samplingRate, int order = DefaultOrder)
    {
        if (double.IsNaN(samplingRate) || double.IsInfinity(samplingRate) || samplingRate <= 0)
        {
            throw new InvalidParameterException(nameof(samplingRate), $"the sampling rate must be a finite positive number of Hz, got {Format(samplingRate)}");
        }
        if (double.IsNaN(cornerFrequency) || cornerFrequency <= 0 || cornerFrequency >= samplingRate / 2)
        {
            throw new InvalidParameterException(nameof(cornerFrequency),
                $"the high-pass corner must lie between 0 and the Nyquist frequency ({Format(samplingRate / 2)} Hz), got {Format(cornerFrequency)} Hz");
        }
        if (order < 2 || order > MaximumOrder || order % 2 != 0)
        {
            throw new InvalidParameterException(nameof(order), $"the order must be even, from 2 to {MaximumOrder}; got {order}");
        }
        CornerFrequency = cornerFrequency;
        SamplingRate = samplingRate;
        Order = order;
        _sections = Design(cornerFrequency, samplingRate, order);
        _recursion = Recursion(_sections);
        _initialStates = SteadyStates(_sections);
        // scipy's default padlen: 3 * (2 * sections + 1), no section having a zero b2 or a2 here.
        PadLength = 3 * ((2 * SectionCount) + 1);
        SettlingSeconds = SettlingSecondsFor(cornerFrequency);
    }

    /// <summary>The corner frequency in Hz.</summary>
    public double CornerFrequency { get; }

    /// <summary>The sampling rate in Hz.</summary>
    public double SamplingRate { get; }

    /// <summary>The filter order.</summary>
    public int Order { get; }

    /// <summary>Second-order sections (order / 2).</summary>
    public int SectionCount => Order / 2;

    /// <summary>Samples of odd extension at each end (scipy's default <c>padlen</c>: 15 for order 4); a stretch must be longer.</summary>
    public int PadLength { get; }

    /// <summary>
    /// Seconds of record to filter beyond each end of the part that is kept, so that the kept part
    /// sees no edge transient: 20 s, or 20 periods of the corner for corners below 1 Hz.
    /// </summary>
    public double SettlingSeconds { get; }

    /// <summary>The <see cref="SettlingSeconds"/> of a filter with corner <paramref name="cornerFrequency"/>, at any rate.</summary>
    /// <param name="cornerFrequency">The corner in Hz, above 0.</param>
    /// <returns>max(20 s, 20 / corner).</returns>
    public static double SettlingSecondsFor(double cornerFrequency) => Math.Max(20, 20 / cornerFrequency);

    /// <summary>The sections in scipy's layout: [b0, b1, b2, 1, a1, a2] per section, the gain in the first.</summary>
    /// <returns>A new array of <see cref="SectionCount"/> x 6 values.</returns>
    public double[] GetSections()
    {
        var sos = new double[SectionCount * 6];
        for (var s = 0; s < SectionCount; s++)
        {
            sos[(6 * s) + 0] = _sections[(5 * s) + 0];
            sos[(6 * s) + 1] = _sections[(5 * s) + 1];
            sos[(6 * s) + 2] = _sections[(5 * s) + 2];
            sos[(6 * s) + 3] = 1;
            sos[(6 * s) + 4] = _sections[(5 * s) + 3];
            sos[(6 * s) + 5] = _sections[(5 * s) + 4];
        }
        return sos;
    }

    /// <summary>Filters <paramref name="samples"/> in place, zero-phase (scipy's <c>sosfiltfilt</c> with its default padding).</summary>
    /// <param name="samples">The stretch; longer than <see cref="PadLength"/>.</param>
    /// <exception cref="InvalidWaveformException">The stretch is not longer than <see cref="PadLength"/>.</exception>
    public void FilterZeroPhase(Span<double> samples) => FilterZeroPhase(samples, samples);

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/>, zero-phase (scipy's <c>sosfiltfilt</c> with its default padding). The two may be the same memory.</summary>
    /// <param name="input">The stretch; longer than <see cref="PadLength"/>.</param>
    /// <param name="output">As long as the input.</param>
    /// <exception cref="InvalidWaveformException">The stretch is not longer than <see cref="PadLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The output's length differs from the input's.</exception>
    public void FilterZeroPhase(ReadOnlySpan<double> input, Span<double> output)
    {
        var n = input.Length;
        if (output.Length != n)
        {
            throw new ArgumentOutOfRangeException(nameof(output), $"the output holds {output.Length} samples, the input {n}");
        }
        var pad = PadLength;
        if (n <= pad)
        {
            throw new InvalidWaveformException($"a stretch of {n} samples is too short to high-pass zero-phase; it must be longer than {pad} samples");
        }
        Span<double> state = stackalloc double[2 * MaximumOrder / 2];
        state = state.Slice(0, 2 * SectionCount);
        Span<double> tail = stackalloc double[3 * ((2 * (MaximumOrder / 2)) + 1)];
        tail = tail.Slice(0, pad);

        // The odd extension's right end, read before the forward pass may overwrite the input.
        var last = input[n - 1];
        for (var j = 0; j < pad; j++)
        {
            tail[j] = (2 * last) - input[n - 2 - j];
        }

        // Forward over [left extension, x, right extension]; the left extension's outputs are not needed.
        var first = input[0];
        StartStates(state, (2 * first) - input[pad]);
        for (var j = 0; j < pad; j++)
        {
            Step(state, (2 * first) - input[pad - j]);
        }
        Run(state, input, output);
        Run(state, tail, tail);

        // Backward from the right extension's end; outputs of the extensions are dropped.
        StartStates(state, tail[pad - 1]);
        for (var j = pad - 1; j >= 0; j--)
        {
            Step(state, tail[j]);
        }
        RunBackward(state, output);
    }

    /// <summary>
    /// Filters three equally long stretches in place, zero-phase, each exactly as <see cref="FilterZeroPhase(Span{double})"/>
    /// would (the same numbers), with their recursions interleaved: the three components of a station at once.
    /// </summary>
    /// <param name="first">The first stretch.</param>
    /// <param name="second">The second stretch, as long as the first.</param>
    /// <param name="third">The third stretch, as long as the first.</param>
    /// <exception cref="InvalidWaveformException">The stretches are not longer than <see cref="PadLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Their lengths differ.</exception>
    /// <remarks>
    /// Why: one stretch's recursion is a chain of dependent multiply-adds, so the processor waits on each
    /// result; three independent chains in one loop fill those waits (benchmarks/README.md, Preprocessing).
    /// </remarks>
    public void FilterZeroPhase(Span<double> first, Span<double> second, Span<double> third) =>
        FilterZeroPhase(first, second, third, first, second, third);

    /// <summary>
    /// <see cref="FilterZeroPhase(Span{double}, Span{double}, Span{double})"/> from three inputs into three outputs (each
    /// output as long as the inputs; an output may be its own input's memory, nothing else may overlap): the same numbers.
    /// </summary>
    /// <remarks>
    /// Why: the forward pass reads each input once and writes its output, so a caller that keeps the samples as recorded
    /// need not copy them into the filter's buffer first (3 x 2.9 MB a station-hour at 100 Hz; benchmarks/README.md, issue #18).
    /// </remarks>
    internal void FilterZeroPhase(ReadOnlySpan<double> firstInput, ReadOnlySpan<double> secondInput, ReadOnlySpan<double> thirdInput, Span<double> first, Span<double> second, Span<double> third)
    {
        var n = firstInput.Length;
        if (secondInput.Length != n || thirdInput.Length != n || first.Length != n || second.Length != n || third.Length != n)
        {
            throw new ArgumentOutOfRangeException(nameof(second), $"the stretches hold {firstInput.Length}, {secondInput.Length} and {thirdInput.Length} samples, the outputs {first.Length}, {second.Length} and {third.Length}; they must be equally long");
        }
        if (SectionCount != 2)
        {
            FilterZeroPhase(firstInput, first);
            FilterZeroPhase(secondInput, second);
            FilterZeroPhase(thirdInput, third);
            return;
        }
        var pad = PadLength;
        if (n <= pad)
        {
            throw new InvalidWaveformException($"a stretch of {n} samples is too short to high-pass zero-phase; it must be longer than {pad} samples");
        }
        Span<double> states = stackalloc double[12];
        Span<double> tails = stackalloc double[3 * 15];
        tails = tails.Slice(0, 3 * pad);
        for (var c = 0; c < 3; c++)
        {
            var samples = c == 0 ? firstInput : c == 1 ? secondInput : thirdInput;
            var state = states.Slice(4 * c, 4);
            var tail = tails.Slice(c * pad, pad);
            var last = samples[n - 1];
            for (var j = 0; j < pad; j++)
            {
                tail[j] = (2 * last) - samples[n - 2 - j];
            }
            var x0 = samples[0];
            StartStates(state, (2 * x0) - samples[pad]);
            for (var j = 0; j < pad; j++)
            {
                Step(state, (2 * x0) - samples[pad - j]);
            }
        }
        RunThree(states, firstInput, secondInput, thirdInput, first, second, third, forward: true);
        for (var c = 0; c < 3; c++)
        {
            var state = states.Slice(4 * c, 4);
            var tail = tails.Slice(c * pad, pad);
            Run(state, tail, tail);
            StartStates(state, tail[pad - 1]);
            for (var j = pad - 1; j >= 0; j--)
            {
                Step(state, tail[j]);
            }
        }
        RunThree(states, first, second, third, first, second, third, forward: false);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Butterworth high-pass, order {0}, corner {1} Hz at {2} Hz, zero-phase", Order, CornerFrequency, SamplingRate);

    /// <summary>scipy: buttap, lp2hp_zpk, bilinear_zpk (fs = 2 after pre-warping), zpk2sos with 'nearest' pairing.</summary>
    private static double[] Design(double corner, double rate, int order)
    {
        var wn = 2 * corner / rate;
        var warped = 4 * Math.Tan(Math.PI * wn / 2);
        var poles = new Complex[order];
        var gain = Complex.One;
        for (var i = 0; i < order; i++)
        {
            // Analog low-pass prototype pole, then high-pass: p -> warped / p; then bilinear z = (4 + p) / (4 - p).
            var m = -order + 1 + (2 * i);
            var prototype = -Complex.Exp(new Complex(0, Math.PI * m / (2 * order)));
            var highPass = warped / prototype;
            poles[i] = (4 + highPass) / (4 - highPass);
            gain *= -prototype;    // k_hp = 1 / prod(-p_proto)
            gain *= 4 - highPass;  // k_z = k_hp * 4^N / prod(4 - p_hp)
        }
        var k = Math.Pow(4, order) / gain.Real;
        // One conjugate pair per section, the pair closest to the unit circle last (scipy's order).
        var pairs = poles.Where(p => p.Imaginary > 0).OrderByDescending(p => 1 - p.Magnitude).ToArray();
        var sections = new double[5 * pairs.Length];
        for (var s = 0; s < pairs.Length; s++)
        {
            var g = s == 0 ? k : 1;
            sections[(5 * s) + 0] = g;
            sections[(5 * s) + 1] = -2 * g;
            sections[(5 * s) + 2] = g;
            sections[(5 * s) + 3] = -2 * pairs[s].Real;
            sections[(5 * s) + 4] = pairs[s].Magnitude * pairs[s].Magnitude;
        }
        return sections;
    }

    /// <summary>scipy's sosfilt_zi: each section's lfilter_zi, scaled by the DC gain of the sections before it.</summary>
    private static double[] SteadyStates(double[] sections)
    {
        var count = sections.Length / 5;
        var states = new double[2 * count];
        var scale = 1.0;
        for (var s = 0; s < count; s++)
        {
            double b0 = sections[5 * s], b1 = sections[(5 * s) + 1], b2 = sections[(5 * s) + 2], a1 = sections[(5 * s) + 3], a2 = sections[(5 * s) + 4];
            var c0 = b1 - (a1 * b0);
            var c1 = b2 - (a2 * b0);
            var z0 = (c0 + c1) / (1 + a1 + a2);
            states[2 * s] = scale * z0;
            states[(2 * s) + 1] = scale * (c1 - (a2 * z0));
            scale *= (b0 + b1 + b2) / (1 + a1 + a2);
        }
        return states;
    }

    private void StartStates(Span<double> state, double x0)
    {
        for (var i = 0; i < state.Length; i++)
        {
            state[i] = _initialStates[i] * x0;
        }
    }

    /// <summary>The coefficients <see cref="Step"/> uses: b0, b1 - a1 b0, b2 - a2 b0, a1, a2 per section.</summary>
    private static double[] Recursion(double[] sections)
    {
        var recursion = (double[])sections.Clone();
        for (var c = 0; c < sections.Length; c += 5)
        {
            recursion[c + 1] = sections[c + 1] - (sections[c + 3] * sections[c]);
            recursion[c + 2] = sections[c + 2] - (sections[c + 4] * sections[c]);
        }
        return recursion;
    }

    /// <summary>
    /// One sample through every section: scipy's transposed direct form II (y = b0 x + s0, s0' = b1 x - a1 y + s1,
    /// s1' = b2 x - a2 y) with y substituted into the state updates (s0' = ((b1 - a1 b0) x + s1) - a1 s0,
    /// s1' = (b2 - a2 b0) x - a2 s0): the same states, rounded differently.
    /// </summary>
    /// <remarks>
    /// Why: in scipy's form the next s0 waits on y, a1 y, the subtraction and the addition of s1 (four dependent
    /// operations, about 12 cycles a sample); substituted, on a1 s0 and one subtraction (two), which halves what bounds
    /// the vector loop of <c>ThreeLaneSections</c> (benchmarks/README.md, issue #18). The outputs stay within 1e-9
    /// (relative) of scipy's sosfiltfilt (ButterworthHighPassTests).
    /// </remarks>
    private double Step(Span<double> state, double x)
    {
        var k = _recursion;
        for (var s = 0; s < SectionCount; s++)
        {
            var c = 5 * s;
            var s0 = state[2 * s];
            var y = (k[c] * x) + s0;
            state[2 * s] = (k[c + 1] * x) + state[(2 * s) + 1] - (k[c + 3] * s0);
            state[(2 * s) + 1] = (k[c + 2] * x) - (k[c + 4] * s0);
            x = y;
        }
        return x;
    }

    private void Run(Span<double> state, ReadOnlySpan<double> input, Span<double> output)
    {
        if (SectionCount == 2)
        {
            RunTwoSections(state, input, output);
            return;
        }
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = Step(state, input[i]);
        }
    }

    private void RunBackward(Span<double> state, Span<double> samples)
    {
        if (SectionCount == 2)
        {
            RunTwoSectionsBackward(state, samples);
            return;
        }
        for (var i = samples.Length - 1; i >= 0; i--)
        {
            samples[i] = Step(state, samples[i]);
        }
    }

    // The order-4 case of Step with the coefficients and states in locals: the pipeline's filter.
    private void RunTwoSections(Span<double> state, ReadOnlySpan<double> input, Span<double> output)
    {
        var c = _recursion;
        double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4], d0 = c[5], d1 = c[6], d2 = c[7], e1 = c[8], e2 = c[9];
        double s0 = state[0], s1 = state[1], t0 = state[2], t1 = state[3];
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            var y = (b0 * x) + s0;
            var z = (d0 * y) + t0;
            (s0, s1) = ((b1 * x) + s1 - (a1 * s0), (b2 * x) - (a2 * s0));
            (t0, t1) = ((d1 * y) + t1 - (e1 * t0), (d2 * y) - (e2 * t0));
            output[i] = z;
        }
        state[0] = s0;
        state[1] = s1;
        state[2] = t0;
        state[3] = t1;
    }

    private void RunTwoSectionsBackward(Span<double> state, Span<double> samples)
    {
        var c = _recursion;
        double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4], d0 = c[5], d1 = c[6], d2 = c[7], e1 = c[8], e2 = c[9];
        double s0 = state[0], s1 = state[1], t0 = state[2], t1 = state[3];
        for (var i = samples.Length - 1; i >= 0; i--)
        {
            var x = samples[i];
            var y = (b0 * x) + s0;
            var z = (d0 * y) + t0;
            (s0, s1) = ((b1 * x) + s1 - (a1 * s0), (b2 * x) - (a2 * s0));
            (t0, t1) = ((d1 * y) + t1 - (e1 * t0), (d2 * y) - (e2 * t0));
            samples[i] = z;
        }
        state[0] = s0;
        state[1] = s1;
        state[2] = t0;
        state[3] = t1;
    }

    /// <summary>
    /// Order 4: three stretches through both sections, interleaved, forward or backward, from the inputs into the outputs (which may be the inputs);
    /// in the lanes of one vector where vectors are accelerated (<c>ThreeLaneSections</c> on .NET, the same numbers).
    /// </summary>
    private void RunThree(Span<double> states, ReadOnlySpan<double> inA, ReadOnlySpan<double> inB, ReadOnlySpan<double> inC, Span<double> a, Span<double> b, Span<double> c, bool forward)
    {
        var k = _recursion;
#if NET
        if (ThreeLaneSections.IsSupported)
        {
            ThreeLaneSections.Run(k, states, inA, inB, inC, a, b, c, forward);
            return;
        }
#endif
        double b0 = k[0], b1 = k[1], b2 = k[2], a1 = k[3], a2 = k[4], d0 = k[5], d1 = k[6], d2 = k[7], e1 = k[8], e2 = k[9];
        double as0 = states[0], as1 = states[1], at0 = states[2], at1 = states[3];
        double bs0 = states[4], bs1 = states[5], bt0 = states[6], bt1 = states[7];
        double cs0 = states[8], cs1 = states[9], ct0 = states[10], ct1 = states[11];
        var n = a.Length;
        for (var step = 0; step < n; step++)
        {
            var i = forward ? step : n - 1 - step;
            double xa = inA[i], xb = inB[i], xc = inC[i];
            var ya = (b0 * xa) + as0;
            var yb = (b0 * xb) + bs0;
            var yc = (b0 * xc) + cs0;
            var za = (d0 * ya) + at0;
            var zb = (d0 * yb) + bt0;
            var zc = (d0 * yc) + ct0;
            (as0, as1) = ((b1 * xa) + as1 - (a1 * as0), (b2 * xa) - (a2 * as0));
            (bs0, bs1) = ((b1 * xb) + bs1 - (a1 * bs0), (b2 * xb) - (a2 * bs0));
            (cs0, cs1) = ((b1 * xc) + cs1 - (a1 * cs0), (b2 * xc) - (a2 * cs0));
            (at0, at1) = ((d1 * ya) + at1 - (e1 * at0), (d2 * ya) - (e2 * at0));
            (bt0, bt1) = ((d1 * yb) + bt1 - (e1 * bt0), (d2 * yb) - (e2 * bt0));
            (ct0, ct1) = ((d1 * yc) + ct1 - (e1 * ct0), (d2 * yc) - (e2 * ct0));
            a[i] = za;
            b[i] = zb;
            c[i] = zc;
        }
        states[0] = as0;
        states[1] = as1;
        states[2] = at0;
        states[3] = at1;
        states[4] = bs0;
        states[5] = bs1;
        states[6] = bt0;
        states[7] = bt1;
        states[8] = cs0;
        states[9] = cs1;
        states[10] = ct0;
        states[11] = ct1;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
