using Seismic.DietGrasp.DietClassifier;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// One labelled synthetic station-minute (VX, VY, VZ; 60 s) of a chosen class, with every
/// parameter drawn at random from the seed: the training and test material of the bundled
/// stand-in model. Earthquakes span S-P times of 0.5-20 s, onsets from a coda entering from the
/// previous minute to the last seconds of the minute, and visible signal-to-noise ratios of 3-300;
/// tremor spans bands within 1.5-10 Hz, signal-to-noise ratios of 1.5-15, and in a quarter of the
/// cases carries a small earthquake; every class sits on the same kind of noise (with spikes,
/// glitches and steps), and each component has its own gain.
/// </summary>
public sealed class SyntheticStationMinute
{
    private const double MinuteSeconds = 60;

    private readonly double[] _samples;

    private SyntheticStationMinute(DietClass kind, double samplingRate, double[] samples, NoiseSettings noise, EarthquakeSignal? earthquake, TremorSignal? tremor)
    {
        Kind = kind;
        SamplingRate = samplingRate;
        _samples = samples;
        Noise = noise;
        Earthquake = earthquake;
        Tremor = tremor;
    }

    /// <summary>The class the minute was made as (its label).</summary>
    public DietClass Kind { get; }

    /// <summary>Samples per second.</summary>
    public double SamplingRate { get; }

    /// <summary>Samples per component (60 s worth).</summary>
    public int SamplesPerComponent => _samples.Length / 3;

    /// <summary>The three components, row-major [3, 60 fs] (VX, VY, VZ), as the spectrogram input expects.</summary>
    public ReadOnlyMemory<double> Samples => _samples;

    /// <summary>The background noise drawn for the minute.</summary>
    public NoiseSettings Noise { get; }

    /// <summary>The earthquake added (for <see cref="DietClass.Earthquake"/>, and for some tremor minutes), or null.</summary>
    public EarthquakeSignal? Earthquake { get; }

    /// <summary>The tremor added (for <see cref="DietClass.Tremor"/>), or null.</summary>
    public TremorSignal? Tremor { get; }

    /// <summary>One component: 0 = VX, 1 = VY, 2 = VZ.</summary>
    /// <param name="index">Component index, 0 to 2.</param>
    /// <returns>The component's 60 s of samples.</returns>
    public ReadOnlySpan<double> Component(int index)
    {
        if (index is < 0 or > 2)
        {
            throw new InvalidParameterException(nameof(index), $"must be 0 (VX), 1 (VY) or 2 (VZ), got {index}");
        }
        return _samples.AsSpan(index * SamplesPerComponent, SamplesPerComponent);
    }

    /// <summary>Draws a station-minute of the given class; the same seed always gives the same samples.</summary>
    /// <param name="kind">The class to make.</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="samplingRate">Samples per second (S-net: 100); 60 fs must be a whole number.</param>
    /// <returns>The labelled minute.</returns>
    public static SyntheticStationMinute Generate(DietClass kind, ulong seed, double samplingRate = 100)
    {
        SyntheticChecks.SamplingRate(samplingRate);
        var perComponent = MinuteSeconds * samplingRate;
        if (Math.Abs(perComponent - Math.Round(perComponent)) > 1e-9 || samplingRate < 40)
        {
            throw new InvalidParameterException(nameof(samplingRate), $"must be at least 40 Hz with a whole number of samples in 60 s, got {samplingRate} Hz");
        }
        var length = (int)Math.Round(perComponent);
        var random = new SyntheticRandom(seed ^ ((ulong)kind * 0x632BE59BD9B4E019UL));
        var noise = DrawNoise(random);
        EarthquakeSignal? earthquake = null;
        TremorSignal? tremor = null;
        switch (kind)
        {
            case DietClass.Earthquake:
                earthquake = DrawEarthquake(random, noise.Amplitude);
                break;
            case DietClass.Tremor:
                tremor = DrawTremor(random, noise.Amplitude);
                if (random.Chance(0.25))
                {
                    earthquake = DrawSmallEarthquake(random, tremor.Amplitude);
                }
                break;
            case DietClass.Noise:
                break;
            default:
                throw new InvalidParameterException(nameof(kind), $"unknown class {kind}");
        }

        var samples = new double[3 * length];
        var vx = samples.AsSpan(0, length);
        var vy = samples.AsSpan(length, length);
        var vz = samples.AsSpan(2 * length, length);
        SyntheticWaveforms.FillNoise(vx, vy, vz, samplingRate, noise, random.NextUInt64());
        if (tremor is not null)
        {
            SyntheticWaveforms.AddTremor(vx, vy, vz, samplingRate, tremor, random.NextUInt64());
        }
        if (earthquake is not null)
        {
            SyntheticWaveforms.AddEarthquake(vx, vy, vz, samplingRate, earthquake, random.NextUInt64());
        }
        for (var c = 0; c < 3; c++)
        {
            var gain = random.LogUniform(0.5, 2);
            foreach (ref var sample in samples.AsSpan(c * length, length))
            {
                sample *= gain;
            }
        }
        return new SyntheticStationMinute(kind, samplingRate, samples, noise, earthquake, tremor);
    }

    private static NoiseSettings DrawNoise(SyntheticRandom random) => new()
    {
        Amplitude = random.LogUniform(1e-8, 1e-6),
        MicroseismRatio = random.LogUniform(1, 100),
        WhiteFloorRatio = random.LogUniform(0.01, 0.2),
        Variability = random.Uniform(0, 0.6),
        SpikesPerMinute = random.Uniform(0, 2),
        GlitchesPerMinute = random.Uniform(0, 1.5),
        StepsPerMinute = random.Uniform(0, 0.5),
        TransientRatio = random.LogUniform(5, 100),
    };

    private static EarthquakeSignal DrawEarthquake(SyntheticRandom random, double noiseAmplitude)
    {
        var sMinusP = random.LogUniform(0.5, 20);
        var where = random.NextDouble();
        var onset = where < 0.15 ? random.Uniform(50, 57)
            : where < 0.35 ? random.Uniform(-sMinusP - 20, 0)
            : random.Uniform(0, 50);
        var shape = new EarthquakeSignal
        {
            OnsetSeconds = onset,
            SMinusPSeconds = sMinusP,
            CodaDecaySeconds = random.Uniform(5, 35),
            HighCutHz = Math.Max(10, 25 - (0.6 * sMinusP) + random.Uniform(-2, 2)),
            PToSRatio = random.Uniform(0.15, 0.6),
        };
        var visibleSnr = random.LogUniform(3, 300);
        return shape with { Amplitude = visibleSnr * noiseAmplitude / VisiblePeak(shape) };
    }

    private static EarthquakeSignal DrawSmallEarthquake(SyntheticRandom random, double tremorAmplitude)
    {
        var shape = new EarthquakeSignal
        {
            OnsetSeconds = random.Uniform(0, 50),
            SMinusPSeconds = random.LogUniform(0.5, 10),
            CodaDecaySeconds = random.Uniform(3, 10),
            HighCutHz = random.Uniform(12, 22),
            PToSRatio = random.Uniform(0.15, 0.6),
        };
        return shape with { Amplitude = random.LogUniform(0.3, 1) * tremorAmplitude / VisiblePeak(shape) };
    }

    private static TremorSignal DrawTremor(SyntheticRandom random, double noiseAmplitude)
    {
        var low = random.Uniform(1.5, 3);
        var high = random.Uniform(Math.Max(low + 2, 5), 10);
        var onset = random.Uniform(-90, 5);
        var end = random.Uniform(55, 150);
        return new TremorSignal
        {
            OnsetSeconds = onset,
            DurationSeconds = end - onset,
            Amplitude = random.LogUniform(1.5, 15) * noiseAmplitude,
            LowHz = low,
            HighHz = high,
            RiseSeconds = random.Uniform(3, 25),
            ModulationDepth = random.Uniform(0.1, 0.8),
            ModulationPeriodSeconds = random.Uniform(3, 20),
        };
    }

    /// <summary>The largest envelope (relative to the S peak) inside the minute, for a visible signal-to-noise ratio.</summary>
    private static double VisiblePeak(EarthquakeSignal shape)
    {
        var peak = 0.0;
        for (var t = 0.0; t <= MinuteSeconds; t += 0.05)
        {
            var p = shape.PToSRatio * SyntheticWaveforms.PhaseEnvelope(t - shape.OnsetSeconds, 0.05 + (0.01 * shape.SMinusPSeconds), shape.CodaDecaySeconds);
            var s = SyntheticWaveforms.PhaseEnvelope(t - shape.OnsetSeconds - shape.SMinusPSeconds, 0.1 + (0.03 * shape.SMinusPSeconds), shape.CodaDecaySeconds);
            peak = Math.Max(peak, p + s);
        }
        return Math.Max(peak, 1e-6);
    }
}
