namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Instrument and telemetry artefacts a seismologist calls noise: single-sample spikes, steps,
/// telemetry drop-outs (a stretch of zeros under a DC offset), calibration pulses and sine
/// calibrations, and mass re-centring. Sizes are relative to the 2-20 Hz noise reference.
/// </summary>
internal static class FieldGlitches
{
    public static void Add(double[][] components, double samplingRate, double reference, SyntheticRandom random)
    {
        var kinds = 1 + random.NextInt(2);
        for (var k = 0; k < kinds; k++)
        {
            switch (random.NextInt(6))
            {
                case 0:
                    AddSpikes(components, reference, random);
                    break;
                case 1:
                    AddSteps(components, reference, random);
                    break;
                case 2:
                    AddDropOut(components, samplingRate, reference, random);
                    break;
                case 3:
                    AddCalibrationPulse(components, samplingRate, reference, random);
                    break;
                case 4:
                    AddSineCalibration(components, samplingRate, reference, random);
                    break;
                default:
                    AddRecentring(components, samplingRate, reference, random);
                    break;
            }
        }
    }

    private static void AddSpikes(double[][] components, double reference, SyntheticRandom random)
    {
        var length = components[0].Length;
        var count = 1 + random.NextInt(4);
        for (var s = 0; s < count; s++)
        {
            var index = random.NextInt(length);
            var size = reference * random.LogUniform(10, 1e4) * (random.Chance(0.5) ? 1 : -1);
            var all = random.Chance(0.3);
            var only = random.NextInt(3);
            for (var c = 0; c < 3; c++)
            {
                if (all || c == only)
                {
                    components[c][index] += size;
                }
            }
        }
    }

    private static void AddSteps(double[][] components, double reference, SyntheticRandom random)
    {
        var length = components[0].Length;
        var count = 1 + random.NextInt(3);
        for (var s = 0; s < count; s++)
        {
            var target = components[random.NextInt(3)];
            var index = random.NextInt(length);
            var size = reference * random.LogUniform(10, 1e4) * (random.Chance(0.5) ? 1 : -1);
            for (var i = index; i < length; i++)
            {
                target[i] += size;
            }
        }
    }

    /// <summary>Telemetry drop-out: 0.2-10 s of zeros on every component of a record that has a DC offset.</summary>
    private static void AddDropOut(double[][] components, double samplingRate, double reference, SyntheticRandom random)
    {
        var length = components[0].Length;
        var count = (int)(random.Uniform(0.2, 10) * samplingRate);
        var first = random.NextInt(Math.Max(1, length - count));
        foreach (var target in components)
        {
            var offset = reference * random.LogUniform(1, 1e3) * (random.Chance(0.5) ? 1 : -1);
            for (var i = 0; i < length; i++)
            {
                target[i] = i >= first && i < first + count ? 0 : target[i] + offset;
            }
        }
    }

    /// <summary>A 1-10 s box of current into the calibration coil, seen through a 1 Hz sensor: two ringing transients.</summary>
    private static void AddCalibrationPulse(double[][] components, double samplingRate, double reference, SyntheticRandom random)
    {
        var length = components[0].Length;
        var first = random.NextInt(length);
        var count = (int)(random.Uniform(1, 10) * samplingRate);
        var size = reference * random.LogUniform(10, 3e3);
        var corner = random.Uniform(0.5, 2);
        var all = random.Chance(0.5);
        var only = random.NextInt(3);
        var pulse = new double[length];
        for (var i = first; i < Math.Min(length, first + count); i++)
        {
            pulse[i] = size;
        }
        var sensor = Biquad.HighPass(corner, samplingRate, random.Uniform(0.5, 1.5));
        sensor.Apply(pulse);
        for (var c = 0; c < 3; c++)
        {
            if (all || c == only)
            {
                for (var i = 0; i < length; i++)
                {
                    components[c][i] += pulse[i];
                }
            }
        }
    }

    /// <summary>Sine calibration: a 1-10 Hz sinusoid for 5-40 s on one or all components.</summary>
    private static void AddSineCalibration(double[][] components, double samplingRate, double reference, SyntheticRandom random)
    {
        var length = components[0].Length;
        var duration = random.Uniform(5, 40);
        var start = random.Uniform(-duration / 2, (length / samplingRate) - (duration / 2));
        var frequency = random.Uniform(1, 10);
        var size = reference * random.LogUniform(3, 1e3);
        var all = random.Chance(0.5);
        var only = random.NextInt(3);
        for (var c = 0; c < 3; c++)
        {
            if (!all && c != only)
            {
                continue;
            }
            for (var i = 0; i < length; i++)
            {
                var t = (i / samplingRate) - start;
                if (t >= 0 && t <= duration)
                {
                    components[c][i] += size * Math.Sin(2 * Math.PI * frequency * t);
                }
            }
        }
    }

    /// <summary>Mass re-centring: a large slow excursion over 5-30 s with a damped ringing where the motor starts and stops.</summary>
    private static void AddRecentring(double[][] components, double samplingRate, double reference, SyntheticRandom random)
    {
        var length = components[0].Length;
        var duration = random.Uniform(5, 30);
        var start = random.Uniform(-duration / 2, (length / samplingRate) - (duration / 2));
        var size = reference * random.LogUniform(100, 1e5);
        var ringing = random.Uniform(0.5, 3);
        var damping = random.Uniform(0.3, 2);
        for (var c = 0; c < 3; c++)
        {
            var weight = random.Uniform(0.2, 1) * (random.Chance(0.5) ? 1 : -1);
            var target = components[c];
            for (var i = 0; i < length; i++)
            {
                var t = (i / samplingRate) - start;
                if (t < 0)
                {
                    continue;
                }
                var excursion = t <= duration ? Math.Sin(Math.PI * t / duration) * Math.Sin(Math.PI * t / duration) : 0;
                var ring = (Math.Exp(-t / damping) * Math.Sin(2 * Math.PI * ringing * t))
                    + (t > duration ? -Math.Exp(-(t - duration) / damping) * Math.Sin(2 * Math.PI * ringing * (t - duration)) : 0);
                target[i] += weight * size * (excursion + (0.05 * ring));
            }
        }
    }
}
