namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Background noise as field records show it (ocean-bottom, land and town sites), added to three
/// components of equal length in m/s. Every coloured noise is filtered from a buffer 20 s longer
/// than asked, so no filter start-up transient reaches the samples.
/// </summary>
internal static class FieldNoise
{
    private const double SettleSeconds = 20;

    public static void Add(FieldNoiseKind kind, double[][] components, double samplingRate, SyntheticRandom random)
    {
        switch (kind)
        {
            case FieldNoiseKind.OceanBottom:
                AddOceanBottom(components, samplingRate, random);
                break;
            case FieldNoiseKind.Land:
                AddLand(components, samplingRate, random, random.LogUniform(5e-9, 1e-6));
                if (random.Chance(0.2))
                {
                    AddMachinery(components, samplingRate, random, random.LogUniform(5e-9, 1e-6) * random.LogUniform(0.3, 3));
                }
                break;
            case FieldNoiseKind.Cultural:
                AddCultural(components, samplingRate, random);
                break;
            default:
                throw new InvalidParameterException(nameof(kind), $"unknown noise kind {kind}");
        }
    }

    /// <summary>RMS in 2-20 Hz over the given stretch, averaged over the components: the reference of signal-to-noise ratios.</summary>
    public static double BandReference(double[][] components, int first, int count, double samplingRate)
    {
        var sum = 0.0;
        foreach (var component in components)
        {
            var copy = component.AsSpan(first, count).ToArray();
            Biquad.BandPass(copy, 2, Math.Min(20, 0.45 * samplingRate), samplingRate);
            // The causal filter rings for about a second at the start of the copy: leave it out.
            sum += SyntheticWaveforms.StandardDeviation(copy.AsSpan(Math.Min(count / 2, (int)(2 * samplingRate))));
        }
        return sum / components.Length;
    }

    /// <summary>Unit-RMS Gaussian noise band-passed to [low, high] Hz (the upper edge is dropped above 0.45 fs).</summary>
    public static double[] Band(int length, double samplingRate, double lowHz, double highHz, SyntheticRandom random)
    {
        var settle = (int)(SettleSeconds * samplingRate);
        var work = new double[settle + length];
        random.FillGaussian(work);
        Biquad.BandPass(work, lowHz, highHz, samplingRate);
        return Normalised(work, settle, length);
    }

    /// <summary>Unit-RMS noise with a power spectrum falling as 1/f from 0.5 Hz to the Nyquist frequency (sum of one-pole low-passes two octaves apart).</summary>
    public static double[] Pink(int length, double samplingRate, SyntheticRandom random)
    {
        var settle = (int)(SettleSeconds * samplingRate);
        var white = new double[settle + length];
        var output = new double[settle + length];
        random.FillGaussian(white);
        // Corners two octaves apart with weights ~ 1/sqrt(corner): the sum has power ~ 1/f within 1 dB.
        for (var corner = 0.5; corner < 0.5 * samplingRate; corner *= 4)
        {
            var pole = Math.Exp(-2 * Math.PI * corner / samplingRate);
            var gain = (1 - pole) / Math.Sqrt(corner / samplingRate);
            var state = 0.0;
            for (var i = 0; i < white.Length; i++)
            {
                state = (pole * state) + (gain * white[i]);
                output[i] += state;
            }
        }
        Biquad.HighPass(0.3, samplingRate, Math.Sqrt(0.5)).Apply(output);
        return Normalised(output, settle, length);
    }

    /// <summary>Unit-RMS red noise (power ~ f^-2 above 2 Hz, as the original synthetic background).</summary>
    public static double[] Red(int length, double samplingRate, SyntheticRandom random)
    {
        var settle = (int)(SettleSeconds * samplingRate);
        var work = new double[settle + length];
        random.FillGaussian(work);
        SyntheticWaveforms.RedLowPass(work, samplingRate);
        Biquad.HighPass(0.5, samplingRate, Math.Sqrt(0.5)).Apply(work);
        return Normalised(work, settle, length);
    }

    /// <summary>A smooth positive envelope wandering over periods of 5-60 s (mean about 1, log-swing <paramref name="swing"/>).</summary>
    public static double[] Gusts(int length, double samplingRate, double swing, SyntheticRandom random)
    {
        var periods = new[] { random.Uniform(5, 12), random.Uniform(12, 30), random.Uniform(30, 60) };
        var phases = new[] { random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI), random.Uniform(0, 2 * Math.PI) };
        var envelope = new double[length];
        for (var i = 0; i < length; i++)
        {
            var t = i / samplingRate;
            var sum = (0.5 * Math.Sin((2 * Math.PI * t / periods[0]) + phases[0])) + (0.3 * Math.Sin((2 * Math.PI * t / periods[1]) + phases[1])) + (0.2 * Math.Sin((2 * Math.PI * t / periods[2]) + phases[2]));
            envelope[i] = Math.Exp(swing * sum);
        }
        return envelope;
    }

    private static void AddOceanBottom(double[][] components, double samplingRate, SyntheticRandom random)
    {
        var levels = OceanBottomLevels.Draw(random);
        AddSeafloorBackground(components, samplingRate, levels, random);
        if (random.Chance(0.4))
        {
            AddStrumming(components, samplingRate, random, levels.Floor * random.LogUniform(1, 20));
        }
        if (random.Chance(0.35))
        {
            AddBeatingLines(components, samplingRate, random, levels.Floor * random.LogUniform(2, 50));
        }
    }

    /// <summary>
    /// Persistent lines of a seafloor station: current-induced strumming (a 2-12 Hz line and harmonics, 1-20 x the
    /// floor) or lines at 3.5-5 Hz beating in packets (2-50 x the floor), one of the two, drawn from <paramref name="random"/>.
    /// </summary>
    public static void AddSeafloorLines(double[][] components, double samplingRate, OceanBottomLevels levels, SyntheticRandom random)
    {
        if (random.Chance(0.5))
        {
            AddStrumming(components, samplingRate, random, levels.Floor * random.LogUniform(1, 20));
        }
        else
        {
            AddBeatingLines(components, samplingRate, random, levels.Floor * random.LogUniform(2, 50));
        }
    }

    /// <summary>The seafloor background without lines: microseism, infragravity/tilt and the 1/f floor on each component.</summary>
    public static void AddSeafloorBackground(double[][] components, double samplingRate, OceanBottomLevels levels, SyntheticRandom random)
    {
        var length = components[0].Length;
        for (var c = 0; c < 3; c++)
        {
            var secondary = Band(length, samplingRate, 0.1, 0.35, random);
            var infragravity = Band(length, samplingRate, 0.01, 0.12, random);
            var pink = Pink(length, samplingRate, random);
            var micro = levels.Microseism * random.Uniform(0.8, 1.25);
            var low = levels.Tilt * (c == 2 ? levels.VerticalTiltRatio : random.Uniform(0.7, 1.4));
            var level = levels.Floor * random.Uniform(0.8, 1.25);
            var target = components[c];
            for (var i = 0; i < length; i++)
            {
                target[i] += (micro * secondary[i]) + (low * infragravity[i]) + (level * pink[i]);
            }
        }
    }

    private static void AddLand(double[][] components, double samplingRate, SyntheticRandom random, double level)
    {
        var length = components[0].Length;
        var microseism = level * random.LogUniform(3, 300);
        var pinkShare = random.Uniform(0, 1);
        var bumpShare = random.Uniform(0, 0.8);
        var bumpLow = random.Uniform(1, 4);
        var bumpHigh = random.Uniform(bumpLow + 2, 15);
        var variation = Gusts(length, samplingRate, random.Uniform(0, 0.5), random);
        for (var c = 0; c < 3; c++)
        {
            var secondary = Band(length, samplingRate, 0.1, 0.4, random);
            var pink = Pink(length, samplingRate, random);
            var red = Red(length, samplingRate, random);
            var bump = Band(length, samplingRate, bumpLow, bumpHigh, random);
            var gain = level * random.Uniform(0.8, 1.25);
            var micro = microseism * random.Uniform(0.8, 1.25);
            var target = components[c];
            for (var i = 0; i < length; i++)
            {
                var background = (pinkShare * pink[i]) + ((1 - pinkShare) * red[i]) + (bumpShare * bump[i]);
                target[i] += (micro * secondary[i]) + (gain * variation[i] * background);
            }
        }
    }

    private static void AddCultural(double[][] components, double samplingRate, SyntheticRandom random)
    {
        var level = random.LogUniform(2e-8, 2e-6);
        AddLand(components, samplingRate, random, level);
        var any = false;
        if (random.Chance(0.55))
        {
            AddTraffic(components, samplingRate, random, level);
            any = true;
        }
        if (random.Chance(0.35))
        {
            AddFootsteps(components, samplingRate, random, level);
            any = true;
        }
        if (random.Chance(0.45))
        {
            AddMachinery(components, samplingRate, random, level * random.LogUniform(0.5, 30));
            any = true;
        }
        if (!any || random.Chance(0.3))
        {
            AddWind(components, samplingRate, random, level * random.LogUniform(1, 10));
        }
    }

    /// <summary>Vehicles passing: emergent, symmetric envelopes of 3-20 s at 3-40 Hz.</summary>
    private static void AddTraffic(double[][] components, double samplingRate, SyntheticRandom random, double level)
    {
        var length = components[0].Length;
        var seconds = length / samplingRate;
        var vehicles = 1 + SyntheticWaveforms.Poisson(random.Uniform(0.5, 8) * seconds / 60, random);
        for (var v = 0; v < vehicles; v++)
        {
            var centre = random.Uniform(0, seconds);
            var width = random.Uniform(3, 20) / 4;
            var low = random.Uniform(3, 10);
            var high = Math.Min(Math.Min(40, 0.45 * samplingRate), low * random.Uniform(1.5, 4));
            var size = level * random.LogUniform(1, 30);
            for (var c = 0; c < 3; c++)
            {
                var carrier = Band(length, samplingRate, low, high, random);
                var gain = size * (c == 2 ? random.Uniform(0.8, 1.5) : random.Uniform(0.4, 1.2));
                var target = components[c];
                for (var i = 0; i < length; i++)
                {
                    var u = ((i / samplingRate) - centre) / width;
                    if (u is > -5 and < 5)
                    {
                        target[i] += gain * Math.Exp(-0.5 * u * u) * carrier[i];
                    }
                }
            }
        }
    }

    /// <summary>A person walking past: impulses at a 1.6-2.4 Hz cadence, each a 10-40 Hz wavelet of tens of milliseconds.</summary>
    private static void AddFootsteps(double[][] components, double samplingRate, SyntheticRandom random, double level)
    {
        var length = components[0].Length;
        var seconds = length / samplingRate;
        var walks = 1 + random.NextInt(2);
        for (var w = 0; w < walks; w++)
        {
            var duration = random.Uniform(5, 30);
            var start = random.Uniform(-duration / 2, seconds - (duration / 2));
            var cadence = random.Uniform(1.6, 2.4);
            var frequency = Math.Min(random.Uniform(10, 40), 0.4 * samplingRate);
            var decay = random.Uniform(0.02, 0.06);
            var size = level * random.LogUniform(3, 100);
            var weights = new[] { random.Uniform(0.3, 1), random.Uniform(0.3, 1), random.Uniform(0.7, 1.3) };
            for (var t = start; t < start + duration; t += (1 / cadence) * random.Uniform(0.9, 1.1))
            {
                var u = ((t - start) / duration) - 0.5;
                var step = size * Math.Exp(-8 * u * u) * random.Uniform(0.6, 1.4);
                var first = (int)Math.Floor(t * samplingRate);
                var count = (int)(6 * decay * samplingRate) + 1;
                for (var c = 0; c < 3; c++)
                {
                    var target = components[c];
                    for (var k = 0; k < count; k++)
                    {
                        var index = first + k;
                        if (index < 0 || index >= length)
                        {
                            continue;
                        }
                        var tau = k / samplingRate;
                        target[index] += weights[c] * step * Math.Exp(-tau / decay) * Math.Sin(2 * Math.PI * frequency * tau);
                    }
                }
            }
        }
    }

    /// <summary>Machinery: a 2-15 Hz fundamental and its harmonics up to 30 Hz, steady or switched on or off, with some broadband rumble.</summary>
    private static void AddMachinery(double[][] components, double samplingRate, SyntheticRandom random, double size)
    {
        var length = components[0].Length;
        var seconds = length / samplingRate;
        var fundamental = random.Uniform(2, 15);
        var top = Math.Min(30, 0.45 * samplingRate);
        var harmonics = new List<(double Frequency, double Amplitude, double Phase)>();
        for (var k = 1; k * fundamental <= top && harmonics.Count < 8; k++)
        {
            if (k == 1 || random.Chance(0.7))
            {
                harmonics.Add((k * fundamental, size * random.LogUniform(0.2, 1), random.Uniform(0, 2 * Math.PI)));
            }
        }
        var switching = random.NextDouble();
        var switchTime = random.Uniform(0, seconds);
        var ramp = random.Uniform(0.5, 3);
        var wander = random.Uniform(0, 0.01);
        var wanderPeriod = random.Uniform(10, 60);
        var rumble = random.Uniform(0, 0.5);
        for (var c = 0; c < 3; c++)
        {
            var weight = random.Uniform(0.3, 1.3);
            var noise = Band(length, samplingRate, Math.Max(1, 0.7 * fundamental), top, random);
            var target = components[c];
            foreach (var (frequency, amplitude, phase) in harmonics)
            {
                var componentPhase = phase + random.Uniform(0, 1);
                for (var i = 0; i < length; i++)
                {
                    var t = i / samplingRate;
                    var instantaneous = (2 * Math.PI * frequency * t) - (frequency * wander * wanderPeriod * Math.Cos(2 * Math.PI * t / wanderPeriod));
                    target[i] += weight * amplitude * OnOff(t, switching, switchTime, ramp) * Math.Sin(instantaneous + componentPhase);
                }
            }
            for (var i = 0; i < length; i++)
            {
                target[i] += weight * size * rumble * OnOff(i / samplingRate, switching, switchTime, ramp) * noise[i];
            }
        }
    }

    private static double OnOff(double t, double switching, double switchTime, double ramp)
    {
        if (switching < 0.6)
        {
            return 1; // runs through the window
        }
        var on = Math.Min(1, Math.Max(0, ((t - switchTime) / ramp) + 0.5));
        return switching < 0.8 ? on : 1 - on;
    }

    /// <summary>Wind: broadband 1-25 Hz noise in gusts, stronger on the horizontals.</summary>
    private static void AddWind(double[][] components, double samplingRate, SyntheticRandom random, double size)
    {
        var length = components[0].Length;
        var gusts = Gusts(length, samplingRate, random.Uniform(0.5, 1.5), random);
        for (var c = 0; c < 3; c++)
        {
            var carrier = Band(length, samplingRate, 1, Math.Min(25, 0.45 * samplingRate), random);
            var gain = size * (c == 2 ? random.Uniform(0.3, 0.7) : random.Uniform(0.8, 1.2));
            var target = components[c];
            for (var i = 0; i < length; i++)
            {
                target[i] += gain * gusts[i] * carrier[i];
            }
        }
    }

    /// <summary>Strumming of a seafloor cable or sensor in the current: a 2-12 Hz line and a few harmonics whose level follows the current.</summary>
    private static void AddStrumming(double[][] components, double samplingRate, SyntheticRandom random, double size)
    {
        var length = components[0].Length;
        var fundamental = random.Uniform(2, 12);
        var count = 1 + random.NextInt(4);
        var period = random.Uniform(10, 120);
        var depth = random.Uniform(0, 0.9);
        var phase = random.Uniform(0, 2 * Math.PI);
        for (var c = 0; c < 3; c++)
        {
            var weight = c == 2 ? random.Uniform(0.1, 0.6) : random.Uniform(0.5, 1.5);
            var target = components[c];
            for (var k = 1; k <= count && k * fundamental < 0.45 * samplingRate; k++)
            {
                var amplitude = weight * size / k;
                var start = random.Uniform(0, 2 * Math.PI);
                for (var i = 0; i < length; i++)
                {
                    var t = i / samplingRate;
                    var current = 1 + (depth * Math.Sin((2 * Math.PI * t / period) + phase));
                    target[i] += amplitude * current * Math.Sin((2 * Math.PI * k * fundamental * t) + start);
                }
            }
        }
    }

    /// <summary>Persistent lines at 3.5-5 Hz a few hundredths to tenths of a hertz apart: they beat in packets every 3-50 s.</summary>
    private static void AddBeatingLines(double[][] components, double samplingRate, SyntheticRandom random, double size)
    {
        var length = components[0].Length;
        var first = random.Uniform(3.5, 5);
        var spacing = random.Uniform(0.02, 0.35);
        var lines = 2 + random.NextInt(2);
        for (var c = 0; c < 3; c++)
        {
            var weight = random.Uniform(0.3, 1.3);
            var target = components[c];
            for (var k = 0; k < lines; k++)
            {
                var frequency = first + (k * spacing * random.Uniform(0.8, 1.2));
                var amplitude = weight * size * random.Uniform(0.5, 1);
                var phase = random.Uniform(0, 2 * Math.PI);
                for (var i = 0; i < length; i++)
                {
                    target[i] += amplitude * Math.Sin((2 * Math.PI * frequency * i / samplingRate) + phase);
                }
            }
        }
    }

    private static double[] Normalised(double[] work, int settle, int length)
    {
        var output = new double[length];
        var scale = 1 / SyntheticWaveforms.StandardDeviation(work.AsSpan(settle, length));
        for (var i = 0; i < length; i++)
        {
            output[i] = scale * work[settle + i];
        }
        return output;
    }
}
