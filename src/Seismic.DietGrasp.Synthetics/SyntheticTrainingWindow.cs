using Seismic.DietGrasp.DietClassifier;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// One labelled synthetic station-minute as field records show it, with margins on both sides so
/// that a zero-phase high-pass of the whole window leaves the minute free of filter transients
/// (the pipeline filters the continuous record, then cuts minutes). The training material of the
/// stand-in model v2. Noise is that of an ocean-bottom, land or town site (see
/// <see cref="FieldNoiseKind"/>), with instrument glitches in half the noise minutes; earthquakes
/// range from micro-earthquakes (1-6 s long, energy to 40 Hz, S-P under 1 s, peak signal-to-noise
/// 5-100) to strong near events (codas longer than the minute, clipped, signal-to-noise up to 1e5),
/// with onsets anywhere and codas entering from the previous minute; tremor is continuous or bursty
/// (modulation periods 5-60 s, bursts of 5-30 s with gaps), weak or strong, in a quarter of the
/// cases with a small earthquake on top.
/// </summary>
public sealed class SyntheticTrainingWindow
{
    private const double MinuteSeconds = 60;

    private readonly double[] _samples;

    private SyntheticTrainingWindow(DietClass kind, FieldNoiseKind noise, string scenario, double samplingRate, double margin, double[] samples)
    {
        Kind = kind;
        NoiseKind = noise;
        Scenario = scenario;
        SamplingRate = samplingRate;
        MarginSeconds = margin;
        _samples = samples;
    }

    /// <summary>The class the minute was made as (its label).</summary>
    public DietClass Kind { get; }

    /// <summary>The kind of site noise under the signal.</summary>
    public FieldNoiseKind NoiseKind { get; }

    /// <summary>A short description of what was drawn (for example "micro-earthquake", "bursty tremor", "noise with glitches").</summary>
    public string Scenario { get; }

    /// <summary>Samples per second.</summary>
    public double SamplingRate { get; }

    /// <summary>Seconds before and after the labelled minute.</summary>
    public double MarginSeconds { get; }

    /// <summary>Samples per component: (60 + 2 margin) fs.</summary>
    public int SamplesPerComponent => _samples.Length / 3;

    /// <summary>Index of the labelled minute's first sample in each component.</summary>
    public int MinuteStart => (int)Math.Round(MarginSeconds * SamplingRate);

    /// <summary>The three components, row-major [3, (60 + 2 margin) fs] (VX, VY, VZ), raw (not high-passed).</summary>
    public ReadOnlyMemory<double> Samples => _samples;

    /// <summary>Draws a window of the given class; the same seed always gives the same samples.</summary>
    /// <param name="kind">The class of the labelled minute.</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="samplingRate">Samples per second, at least 40; the margins and the minute must hold whole numbers of samples.</param>
    /// <param name="marginSeconds">Seconds before and after the minute (the pipeline's filter needs about 20).</param>
    /// <returns>The labelled window.</returns>
    public static SyntheticTrainingWindow Generate(DietClass kind, ulong seed, double samplingRate = 100, double marginSeconds = 20)
        => Draw(kind, seed, samplingRate, marginSeconds, withSignal: true);

    /// <summary>
    /// The window <see cref="Generate"/> draws for the same arguments without its earthquake or tremor:
    /// the same site noise, glitches, gains and offsets (every random choice is made as there), and no
    /// clipping. Comparing the two shows what the labelled signal changes in a minute, for example
    /// whether any of it survives the spectrogram's 4-decade scaling next to a loud glitch. For
    /// <see cref="DietClass.Noise"/> it equals <see cref="Generate"/>.
    /// </summary>
    /// <param name="kind">The class of the labelled minute whose background is wanted.</param>
    /// <param name="seed">The seed given to <see cref="Generate"/>.</param>
    /// <param name="samplingRate">Samples per second, as for <see cref="Generate"/>.</param>
    /// <param name="marginSeconds">Seconds before and after the minute, as for <see cref="Generate"/>.</param>
    /// <returns>The window without its signal; its <see cref="Kind"/> and <see cref="Scenario"/> are those of the labelled window.</returns>
    public static SyntheticTrainingWindow GenerateWithoutSignal(DietClass kind, ulong seed, double samplingRate = 100, double marginSeconds = 20)
        => Draw(kind, seed, samplingRate, marginSeconds, withSignal: false);

    private static SyntheticTrainingWindow Draw(DietClass kind, ulong seed, double samplingRate, double marginSeconds, bool withSignal)
    {
        SyntheticChecks.SamplingRate(samplingRate);
        SyntheticChecks.NonNegative(nameof(marginSeconds), marginSeconds);
        var total = (MinuteSeconds + (2 * marginSeconds)) * samplingRate;
        var margin = marginSeconds * samplingRate;
        if (samplingRate < 40 || Math.Abs(total - Math.Round(total)) > 1e-9 || Math.Abs(margin - Math.Round(margin)) > 1e-9)
        {
            throw new InvalidParameterException(nameof(samplingRate), $"must be at least 40 Hz with whole numbers of samples in the minute and the margins, got {samplingRate} Hz and {marginSeconds} s");
        }
        var length = (int)Math.Round(total);
        var minuteStart = (int)Math.Round(margin);
        var minuteLength = (int)Math.Round(MinuteSeconds * samplingRate);
        var random = new SyntheticRandom(seed ^ ((ulong)(kind + 1) * 0x9E3779B97F4A7C15UL) ^ 0x5EED_0002UL);
        var components = new[] { new double[length], new double[length], new double[length] };
        var where = random.NextDouble();
        var noise = where < 0.35 ? FieldNoiseKind.OceanBottom : where < 0.65 ? FieldNoiseKind.Land : FieldNoiseKind.Cultural;
        FieldNoise.Add(noise, components, samplingRate, random);
        var reference = FieldNoise.BandReference(components, minuteStart, minuteLength, samplingRate);
        // Without the signal, the draw still makes every random choice, into buffers that are dropped.
        var signalTarget = withSignal ? components : new[] { new double[length], new double[length], new double[length] };
        var draw = new SignalDraw(signalTarget, samplingRate, marginSeconds, random);
        string scenario;
        var clip = false;
        switch (kind)
        {
            case DietClass.Earthquake:
                (scenario, clip) = draw.Earthquake(reference);
                break;
            case DietClass.Tremor:
                scenario = draw.Tremor(reference);
                break;
            case DietClass.Noise:
                scenario = "noise";
                break;
            default:
                throw new InvalidParameterException(nameof(kind), $"unknown class {kind}");
        }
        if (random.Chance(kind == DietClass.Noise ? 0.5 : 0.12))
        {
            FieldGlitches.Add(components, samplingRate, reference, random);
            scenario += " with glitches";
        }
        var samples = new double[3 * length];
        for (var c = 0; c < 3; c++)
        {
            var gain = random.LogUniform(0.5, 2);
            var offset = reference * random.LogUniform(1, 1e3) * (random.Chance(0.5) ? 1 : -1);
            var source = components[c];
            var limit = double.PositiveInfinity;
            if (clip)
            {
                var peak = 0.0;
                foreach (var value in source)
                {
                    peak = Math.Max(peak, Math.Abs(value));
                }
                var level = random.Uniform(0.15, 0.7);
                limit = withSignal ? peak * level : double.PositiveInfinity;
            }
            for (var i = 0; i < length; i++)
            {
                samples[(c * length) + i] = (gain * Math.Max(-limit, Math.Min(limit, source[i]))) + offset;
            }
        }
        return new SyntheticTrainingWindow(kind, noise, noise switch
        {
            FieldNoiseKind.OceanBottom => "ocean-bottom ",
            FieldNoiseKind.Land => "land ",
            _ => "town ",
        } + scenario, samplingRate, marginSeconds, samples);
    }
}
