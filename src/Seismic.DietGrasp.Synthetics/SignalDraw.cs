namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Draws and adds the earthquakes and tremor of <see cref="SyntheticTrainingWindow"/>. Times are
/// drawn relative to the labelled minute and shifted by the margin; sizes are peak (earthquakes) or
/// RMS (tremor) signal-to-noise ratios against the 2-20 Hz noise reference.
/// </summary>
internal sealed class SignalDraw
{
    private const double MinuteSeconds = 60;

    private readonly double[][] _components;
    private readonly double _samplingRate;
    private readonly double _margin;
    private readonly SyntheticRandom _random;

    public SignalDraw(double[][] components, double samplingRate, double margin, SyntheticRandom random)
    {
        _components = components;
        _samplingRate = samplingRate;
        _margin = margin;
        _random = random;
    }

    /// <summary>Adds one earthquake; returns its description and whether the record is to be clipped.</summary>
    public (string Scenario, bool Clip) Earthquake(double reference)
    {
        var r = _random;
        var type = r.NextDouble();
        EarthquakeSignal shape;
        double snr;
        string scenario;
        var clip = false;
        if (type < 0.35)
        {
            shape = Micro(r.Uniform(0.5, 57));
            snr = r.LogUniform(5, 100);
            scenario = "micro-earthquake";
        }
        else
        {
            var strong = type > 0.78;
            var sMinusP = strong ? r.LogUniform(0.5, 10) : r.LogUniform(1, 20);
            var decay = strong ? r.Uniform(15, 60) : r.Uniform(3, 30);
            var codaOnly = r.Chance(0.15);
            var onset = codaOnly ? r.Uniform(-(sMinusP + (2 * decay)), -0.5) : r.Uniform(0.5, 56);
            shape = new EarthquakeSignal
            {
                OnsetSeconds = onset,
                SMinusPSeconds = sMinusP,
                CodaDecaySeconds = decay,
                HighCutHz = strong ? r.Uniform(15, 35) : Math.Max(8, 25 - (0.6 * sMinusP) + r.Uniform(-3, 8)),
                PToSRatio = r.Uniform(0.15, 0.7),
            };
            snr = strong ? r.LogUniform(300, 1e5) : r.LogUniform(codaOnly ? 5 : 3, 1000);
            clip = strong && r.Chance(0.5);
            scenario = (strong ? "strong near earthquake" : "earthquake") + (codaOnly ? " (coda from the previous minute)" : string.Empty) + (clip ? " (clipped)" : string.Empty);
        }
        Add(shape, snr * reference);
        return (scenario, clip);
    }

    /// <summary>Adds continuous or bursty tremor (sometimes with a small earthquake); returns its description.</summary>
    public string Tremor(double reference)
    {
        var r = _random;
        var low = r.Uniform(1.5, 3);
        var high = Math.Min(r.Uniform(Math.Max(low + 2, 5), 10), 0.45 * _samplingRate);
        var strong = r.Chance(0.5);
        var amplitude = reference * (strong ? r.LogUniform(4, 30) : r.LogUniform(1.5, 4));
        string scenario;
        if (r.Chance(0.55))
        {
            var onset = r.Uniform(-80, 8);
            var end = r.Uniform(52, 150);
            AddTremor(new TremorSignal
            {
                OnsetSeconds = onset,
                DurationSeconds = end - onset,
                Amplitude = amplitude,
                LowHz = low,
                HighHz = high,
                RiseSeconds = r.Uniform(3, 25),
                ModulationDepth = r.Uniform(0, 0.9),
                ModulationPeriodSeconds = r.LogUniform(5, 60),
            });
            scenario = (strong ? "strong" : "weak") + " continuous tremor";
        }
        else
        {
            // Bursts of 5-30 s with gaps of 1-20 s, from before the minute to after it.
            var t = r.Uniform(-30, 3);
            while (t < MinuteSeconds + 5)
            {
                var duration = r.Uniform(5, 30);
                AddTremor(new TremorSignal
                {
                    OnsetSeconds = t,
                    DurationSeconds = duration,
                    Amplitude = amplitude * r.Uniform(0.5, 1.5),
                    LowHz = low,
                    HighHz = high,
                    RiseSeconds = r.Uniform(1, Math.Min(5, duration / 2)),
                    ModulationDepth = r.Uniform(0, 0.5),
                    ModulationPeriodSeconds = r.Uniform(3, 10),
                });
                t += duration + r.Uniform(1, 15);
            }
            scenario = (strong ? "strong" : "weak") + " bursty tremor";
        }
        if (r.Chance(0.25))
        {
            var small = r.Chance(0.5) ? Micro(r.Uniform(0.5, 57))
                : new EarthquakeSignal
                {
                    OnsetSeconds = r.Uniform(0.5, 55),
                    SMinusPSeconds = r.LogUniform(1, 10),
                    CodaDecaySeconds = r.Uniform(2, 8),
                    HighCutHz = r.Uniform(12, 25),
                    PToSRatio = r.Uniform(0.15, 0.6),
                };
            Add(small, amplitude * r.LogUniform(0.5, 3));
            scenario += " with a small earthquake";
        }
        return scenario;
    }

    private EarthquakeSignal Micro(double onset) => new()
    {
        OnsetSeconds = onset,
        SMinusPSeconds = _random.Uniform(0.1, 1),
        CodaDecaySeconds = _random.Uniform(0.3, 1.5),
        HighCutHz = Math.Min(_random.Uniform(15, 40), 0.45 * _samplingRate),
        LowCutHz = _random.Uniform(2, 8),
        PToSRatio = _random.Uniform(0.3, 1),
    };

    /// <summary>Adds the event with its visible (in-minute) envelope peak scaled to <paramref name="peak"/>.</summary>
    private void Add(EarthquakeSignal shape, double peak)
    {
        var visible = 0.0;
        var pRise = 0.05 + (0.01 * shape.SMinusPSeconds);
        var sRise = 0.1 + (0.03 * shape.SMinusPSeconds);
        for (var t = 0.0; t <= MinuteSeconds; t += 0.02)
        {
            var p = shape.PToSRatio * SyntheticWaveforms.PhaseEnvelope(t - shape.OnsetSeconds, pRise, shape.CodaDecaySeconds);
            var s = SyntheticWaveforms.PhaseEnvelope(t - shape.OnsetSeconds - shape.SMinusPSeconds, sRise, shape.CodaDecaySeconds);
            visible = Math.Max(visible, p + s);
        }
        var placed = shape with { OnsetSeconds = shape.OnsetSeconds + _margin, Amplitude = peak / Math.Max(visible, 1e-6) };
        SyntheticWaveforms.AddEarthquake(_components[0], _components[1], _components[2], _samplingRate, placed, _random.NextUInt64());
    }

    private void AddTremor(TremorSignal tremor) =>
        SyntheticWaveforms.AddTremor(_components[0], _components[1], _components[2], _samplingRate, tremor with { OnsetSeconds = tremor.OnsetSeconds + _margin }, _random.NextUInt64());
}
