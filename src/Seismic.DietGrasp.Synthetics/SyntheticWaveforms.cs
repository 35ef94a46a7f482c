namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Builds synthetic 3-component velocity records of any length: fill buffers with seafloor noise,
/// then add earthquakes and tremor at chosen times and sizes. Everything is deterministic for a
/// given seed: the random numbers come from our own xoshiro256** generator (the same sequence on
/// every target framework, unlike System.Random's); samples can differ only in the last bits where a
/// runtime's Math.Sin/Exp/Log round differently. Components
/// are passed as three equally long spans (VX, VY, VZ), so a [3, n] array, three arrays or slices
/// of longer records all work; times are seconds after each span's first sample.
/// </summary>
public static class SyntheticWaveforms
{
    private const double FilterSettleSeconds = 20;

    /// <summary>Overwrites the three components with seafloor background noise.</summary>
    /// <param name="vx">First horizontal component, overwritten.</param>
    /// <param name="vy">Second horizontal component, overwritten.</param>
    /// <param name="vz">Vertical component, overwritten.</param>
    /// <param name="samplingRate">Samples per second.</param>
    /// <param name="settings">Levels and rates of the noise.</param>
    /// <param name="seed">Seed of the noise realisation.</param>
    public static void FillNoise(Span<double> vx, Span<double> vy, Span<double> vz, double samplingRate, NoiseSettings settings, ulong seed)
    {
        var length = CheckBuffers(vx, vy, vz, samplingRate);
        settings.Validate();
        var random = new SyntheticRandom(seed);
        var settle = (int)(FilterSettleSeconds * samplingRate);
        var work = new double[settle + length];
        var level = LevelVariation(length, samplingRate, settings.Variability, random);
        FillNoiseComponent(vx, work, settle, samplingRate, settings, level, new SyntheticRandom(random.NextUInt64()));
        FillNoiseComponent(vy, work, settle, samplingRate, settings, level, new SyntheticRandom(random.NextUInt64()));
        FillNoiseComponent(vz, work, settle, samplingRate, settings, level, new SyntheticRandom(random.NextUInt64()));
        AddTransients(vx, vy, vz, samplingRate, settings, random);
    }

    /// <summary>Adds an earthquake (P, S and coda) to the three components.</summary>
    /// <param name="vx">First horizontal component, added to.</param>
    /// <param name="vy">Second horizontal component, added to.</param>
    /// <param name="vz">Vertical component, added to.</param>
    /// <param name="samplingRate">Samples per second.</param>
    /// <param name="earthquake">Arrival time, size and spectrum.</param>
    /// <param name="seed">Seed of the waveform realisation (and of the radiation pattern between components).</param>
    public static void AddEarthquake(Span<double> vx, Span<double> vy, Span<double> vz, double samplingRate, EarthquakeSignal earthquake, ulong seed)
    {
        var length = CheckBuffers(vx, vy, vz, samplingRate);
        earthquake.Validate();
        var random = new SyntheticRandom(seed);
        var start = earthquake.OnsetSeconds - 2;
        var end = earthquake.OnsetSeconds + earthquake.SMinusPSeconds + (9.3 * earthquake.CodaDecaySeconds);
        if (!Overlaps(start, end, length, samplingRate))
        {
            return;
        }
        var first = (long)Math.Floor(start * samplingRate);
        var count = (int)Math.Min(int.MaxValue - 1, Math.Min((long)Math.Ceiling(end * samplingRate), length) - first);
        var nyquistLimit = 0.45 * samplingRate;
        var highCut = Math.Min(earthquake.HighCutHz, nyquistLimit);
        // Bands of the coda: the higher, the weaker and the faster decaying (attenuation).
        var lowCut = earthquake.LowCutHz;
        var bands = new (double Low, double High, double Weight, double DecayFactor)[]
        {
            (Math.Max(1, lowCut), Math.Min(4, highCut), 1.0, 1.0),
            (Math.Max(4, lowCut), Math.Min(10, highCut), 0.7, 0.75),
            (Math.Max(10, lowCut), highCut, 0.45, 0.5),
        };
        var weightNorm = 0.0;
        foreach (var band in bands)
        {
            weightNorm += band.High > band.Low ? band.Weight * band.Weight : 0;
        }
        if (weightNorm == 0)
        {
            return; // the corners leave no band below the Nyquist limit
        }
        weightNorm = Math.Sqrt(weightNorm);
        // Radiation: P strongest on the vertical, S on the horizontals, perturbed per event.
        var pWeights = new[] { 0.35 * random.Uniform(0.6, 1.4), 0.35 * random.Uniform(0.6, 1.4), random.Uniform(0.8, 1.2) };
        var sWeights = new[] { random.Uniform(0.6, 1.4), random.Uniform(0.6, 1.4), 0.45 * random.Uniform(0.6, 1.4) };
        var pRise = 0.05 + (0.01 * earthquake.SMinusPSeconds);
        var sRise = 0.1 + (0.03 * earthquake.SMinusPSeconds);
        var carrier = new double[count];
        for (var component = 0; component < 3; component++)
        {
            var target = component == 0 ? vx : component == 1 ? vy : vz;
            foreach (var band in bands)
            {
                if (band.High <= band.Low)
                {
                    continue;
                }
                random.FillGaussian(carrier);
                Biquad.BandPass(carrier, band.Low, band.High, samplingRate);
                var scale = earthquake.Amplitude * band.Weight / weightNorm / StandardDeviation(carrier);
                var decay = earthquake.CodaDecaySeconds * band.DecayFactor;
                for (var i = 0; i < count; i++)
                {
                    var index = first + i;
                    if (index < 0)
                    {
                        continue;
                    }
                    var t = index / samplingRate;
                    var envelope = (pWeights[component] * earthquake.PToSRatio * PhaseEnvelope(t - earthquake.OnsetSeconds, pRise, decay))
                        + (sWeights[component] * PhaseEnvelope(t - earthquake.OnsetSeconds - earthquake.SMinusPSeconds, sRise, decay));
                    target[(int)index] += scale * envelope * carrier[i];
                }
            }
        }
    }

    /// <summary>Adds tremor (emergent, sustained, band-limited, amplitude modulated) to the three components.</summary>
    /// <param name="vx">First horizontal component, added to.</param>
    /// <param name="vy">Second horizontal component, added to.</param>
    /// <param name="vz">Vertical component, added to.</param>
    /// <param name="samplingRate">Samples per second.</param>
    /// <param name="tremor">Timing, size, band and modulation.</param>
    /// <param name="seed">Seed of the waveform realisation and of the modulation phases.</param>
    public static void AddTremor(Span<double> vx, Span<double> vy, Span<double> vz, double samplingRate, TremorSignal tremor, ulong seed)
    {
        var length = CheckBuffers(vx, vy, vz, samplingRate);
        tremor.Validate();
        if (tremor.HighHz >= 0.5 * samplingRate)
        {
            throw new InvalidParameterException(nameof(TremorSignal.HighHz), $"must be below the Nyquist frequency ({0.5 * samplingRate} Hz), got {tremor.HighHz} Hz");
        }
        var random = new SyntheticRandom(seed);
        var start = tremor.OnsetSeconds - 2;
        var end = tremor.OnsetSeconds + tremor.DurationSeconds;
        if (!Overlaps(start, end, length, samplingRate))
        {
            return;
        }
        var first = (long)Math.Floor(start * samplingRate);
        var count = (int)Math.Min(int.MaxValue - 1, Math.Min((long)Math.Ceiling(end * samplingRate), length) - first);
        var rise = Math.Min(tremor.RiseSeconds, tremor.DurationSeconds / 2);
        var phase1 = random.Uniform(0, 2 * Math.PI);
        var phase2 = random.Uniform(0, 2 * Math.PI);
        var weights = new[] { random.Uniform(0.7, 1.3), random.Uniform(0.7, 1.3), 0.6 * random.Uniform(0.7, 1.3) };
        var carrier = new double[count];
        for (var component = 0; component < 3; component++)
        {
            var target = component == 0 ? vx : component == 1 ? vy : vz;
            random.FillGaussian(carrier);
            Biquad.BandPass(carrier, tremor.LowHz, tremor.HighHz, samplingRate);
            var scale = tremor.Amplitude * weights[component] / StandardDeviation(carrier);
            for (var i = 0; i < count; i++)
            {
                var index = first + i;
                if (index < 0)
                {
                    continue;
                }
                var t = (index / samplingRate) - tremor.OnsetSeconds;
                if (t < 0 || t > tremor.DurationSeconds)
                {
                    continue;
                }
                var taper = t < rise ? 0.5 * (1 - Math.Cos(Math.PI * t / rise))
                    : t > tremor.DurationSeconds - rise ? 0.5 * (1 - Math.Cos(Math.PI * (tremor.DurationSeconds - t) / rise))
                    : 1;
                var modulation = 1 + (tremor.ModulationDepth
                    * ((0.65 * Math.Sin((2 * Math.PI * t / tremor.ModulationPeriodSeconds) + phase1))
                       + (0.35 * Math.Sin((2 * Math.PI * t / (0.37 * tremor.ModulationPeriodSeconds)) + phase2))));
                target[(int)index] += scale * taper * modulation * carrier[i];
            }
        }
    }

    /// <summary>
    /// The envelope of one phase, relative to its peak: 0 before the arrival, a linear rise over
    /// <paramref name="rise"/> seconds, then exponential decay with e-folding time <paramref name="decay"/>.
    /// </summary>
    internal static double PhaseEnvelope(double sinceArrival, double rise, double decay)
    {
        if (sinceArrival < 0)
        {
            return 0;
        }
        var onset = sinceArrival < rise ? sinceArrival / rise : 1;
        return onset * Math.Exp(-sinceArrival / decay);
    }

    private static void FillNoiseComponent(Span<double> target, double[] work, int settle, double samplingRate, NoiseSettings settings, double[] level, SyntheticRandom random)
    {
        var length = target.Length;
        var output = work.AsSpan(settle, length);

        // Red background: a one-pole low-pass at 2 Hz (power ~ f^-2 above it), high-passed at 1 Hz.
        random.FillGaussian(work);
        RedLowPass(work, samplingRate);
        Biquad.HighPass(1, samplingRate, Math.Sqrt(0.5)).Apply(work);
        var redScale = settings.Amplitude / StandardDeviation(output);
        for (var i = 0; i < length; i++)
        {
            target[i] = redScale * level[i] * output[i];
        }

        // Microseism: 0.1-1 Hz band-limited noise (the settling time lets the filter forget its start).
        random.FillGaussian(work);
        Biquad.BandPass(work, 0.1, 1, samplingRate);
        var microseismScale = settings.Amplitude * settings.MicroseismRatio / StandardDeviation(output);
        var floor = settings.Amplitude * settings.WhiteFloorRatio;
        for (var i = 0; i < length; i++)
        {
            target[i] += (microseismScale * output[i]) + (floor * random.Gaussian());
        }
    }

    /// <summary>One-pole low-pass at 2 Hz, in place: white noise becomes red (power ~ f^-2 above 2 Hz).</summary>
    internal static void RedLowPass(Span<double> samples, double samplingRate)
    {
        var pole = Math.Exp(-2 * Math.PI * 2 / samplingRate);
        var state = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            state = (pole * state) + ((1 - pole) * samples[i]);
            samples[i] = state;
        }
    }

    private static double[] LevelVariation(int length, double samplingRate, double variability, SyntheticRandom random)
    {
        var periods = new[] { random.Uniform(15, 40), random.Uniform(40, 120), random.Uniform(120, 600) };
        var phases = new[] { random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI) };
        var weights = new[] { 0.5, 0.3, 0.2 };
        var level = new double[length];
        for (var i = 0; i < length; i++)
        {
            var t = i / samplingRate;
            var swing = 0.0;
            for (var k = 0; k < 3; k++)
            {
                swing += weights[k] * Math.Sin((2 * Math.PI * t / periods[k]) + phases[k]);
            }
            level[i] = Math.Max(0.1, 1 + (variability * swing));
        }
        return level;
    }

    private static void AddTransients(Span<double> vx, Span<double> vy, Span<double> vz, double samplingRate, NoiseSettings settings, SyntheticRandom random)
    {
        var length = vx.Length;
        var minutes = length / samplingRate / 60;
        var size = settings.Amplitude * settings.TransientRatio;
        var spikes = Poisson(settings.SpikesPerMinute * minutes, random);
        for (var k = 0; k < spikes; k++)
        {
            var index = random.NextInt(length);
            var value = size * random.Uniform(0.3, 2) * (random.Chance(0.5) ? 1 : -1);
            var everyComponent = random.Chance(0.3);
            var component = random.NextInt(3);
            for (var c = 0; c < 3; c++)
            {
                if (everyComponent || c == component)
                {
                    Select(vx, vy, vz, c)[index] += value;
                }
            }
        }
        var glitches = Poisson(settings.GlitchesPerMinute * minutes, random);
        for (var k = 0; k < glitches; k++)
        {
            var target = Select(vx, vy, vz, random.NextInt(3));
            var index = random.NextInt(length);
            var duration = random.Uniform(0.2, 2);
            var frequency = random.Uniform(3, Math.Min(20, 0.4 * samplingRate));
            var value = size * random.Uniform(0.2, 1);
            var samples = Math.Min(length - index, (int)(duration * samplingRate));
            for (var i = 0; i < samples; i++)
            {
                var t = i / samplingRate;
                target[index + i] += value * Math.Exp(-4 * t / duration) * Math.Sin(2 * Math.PI * frequency * t);
            }
        }
        var steps = Poisson(settings.StepsPerMinute * minutes, random);
        for (var k = 0; k < steps; k++)
        {
            var target = Select(vx, vy, vz, random.NextInt(3));
            var index = random.NextInt(length);
            var value = size * random.Uniform(0.1, 1) * (random.Chance(0.5) ? 1 : -1);
            for (var i = index; i < length; i++)
            {
                target[i] += value;
            }
        }
    }

    private static Span<double> Select(Span<double> vx, Span<double> vy, Span<double> vz, int component) =>
        component == 0 ? vx : component == 1 ? vy : vz;

    internal static int Poisson(double mean, SyntheticRandom random)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Gaussian())));
        }
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    private static bool Overlaps(double startSeconds, double endSeconds, int length, double samplingRate) =>
        endSeconds > 0 && startSeconds < length / samplingRate;

    internal static double StandardDeviation(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        var sumSquares = 0.0;
        foreach (var value in values)
        {
            sum += value;
            sumSquares += value * value;
        }
        var mean = sum / values.Length;
        var variance = (sumSquares / values.Length) - (mean * mean);
        return variance > 0 ? Math.Sqrt(variance) : 1;
    }

    private static int CheckBuffers(Span<double> vx, Span<double> vy, Span<double> vz, double samplingRate)
    {
        SyntheticChecks.SamplingRate(samplingRate);
        if (vy.Length != vx.Length || vz.Length != vx.Length)
        {
            throw new InvalidParameterException("components", $"VX, VY and VZ must have the same length, got {vx.Length}, {vy.Length} and {vz.Length}");
        }
        return vx.Length;
    }
}
