namespace Seismic.DietGrasp.Synthetics;

/// <summary>Second-order IIR sections (RBJ audio-EQ cookbook) used to colour synthetic noise.</summary>
internal readonly struct Biquad
{
    // Q of the two sections of a 4th-order Butterworth filter.
    private static readonly double[] ButterworthQ4 = { 0.5411961001461970, 1.3065629648763766 };

    private readonly double _b0;
    private readonly double _b1;
    private readonly double _b2;
    private readonly double _a1;
    private readonly double _a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        _b0 = b0 / a0;
        _b1 = b1 / a0;
        _b2 = b2 / a0;
        _a1 = a1 / a0;
        _a2 = a2 / a0;
    }

    public static Biquad LowPass(double cornerHz, double samplingRate, double q)
    {
        var (cos, alpha) = Angles(cornerHz, samplingRate, q);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad HighPass(double cornerHz, double samplingRate, double q)
    {
        var (cos, alpha) = Angles(cornerHz, samplingRate, q);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>4th-order Butterworth band-pass (high-pass then low-pass), applied in place.</summary>
    public static void BandPass(Span<double> samples, double lowHz, double highHz, double samplingRate)
    {
        foreach (var q in ButterworthQ4)
        {
            HighPass(lowHz, samplingRate, q).Apply(samples);
        }
        if (highHz < 0.45 * samplingRate)
        {
            foreach (var q in ButterworthQ4)
            {
                LowPass(highHz, samplingRate, q).Apply(samples);
            }
        }
    }

    public void Apply(Span<double> samples)
    {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            var y = (_b0 * x) + (_b1 * x1) + (_b2 * x2) - (_a1 * y1) - (_a2 * y2);
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            samples[i] = y;
        }
    }

    private static (double Cos, double Alpha) Angles(double cornerHz, double samplingRate, double q)
    {
        var omega = 2 * Math.PI * cornerHz / samplingRate;
        return (Math.Cos(omega), Math.Sin(omega) / (2 * q));
    }
}
