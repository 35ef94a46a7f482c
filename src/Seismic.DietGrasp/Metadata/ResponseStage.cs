using System.Numerics;

namespace Seismic.DietGrasp.Metadata;

/// <summary>
/// One stage of an instrument response, as far as its magnitude goes: a gain at a frequency and, when the file
/// gives one, a transfer function (analog poles and zeros, digital poles and zeros, or digital coefficients).
/// The stage's magnitude at f is its gain times |H(f)| / |H(gain frequency)|, so a stage normalises itself and a
/// wrong A0 in the file cannot bend the curve.
/// </summary>
internal sealed class ResponseStage
{
    private readonly Func<double, Complex>? _transfer;

    private ResponseStage(double gain, double gainFrequency, Func<double, Complex>? transfer)
    {
        Gain = gain;
        GainFrequency = gainFrequency;
        _transfer = transfer;
    }

    public double Gain { get; }

    public double GainFrequency { get; }

    /// <summary>A stage with no transfer function (a pure gain: an amplifier, a digitiser).</summary>
    public static ResponseStage Flat(double gain) => new(gain, 0, null);

    /// <summary>Analog poles and zeros in rad/s (<paramref name="hertz"/> false) or Hz (true): H(s) = Π(s - z) / Π(s - p).</summary>
    public static ResponseStage Laplace(double gain, double gainFrequency, IReadOnlyList<Complex> zeros, IReadOnlyList<Complex> poles, bool hertz) =>
        new(gain, gainFrequency, f =>
        {
            var s = hertz ? new Complex(0, f) : new Complex(0, 2 * Math.PI * f);
            return Product(zeros, s) / Product(poles, s);
        });

    /// <summary>Digital poles and zeros at sampling rate <paramref name="samplingRate"/>: H(z) = Π(z - z_k) / Π(z - p_k), z = exp(2πi f / fs).</summary>
    public static ResponseStage DigitalPolesZeros(double gain, double gainFrequency, IReadOnlyList<Complex> zeros, IReadOnlyList<Complex> poles, double samplingRate) =>
        new(gain, gainFrequency, f =>
        {
            var z = Complex.FromPolarCoordinates(1, 2 * Math.PI * f / samplingRate);
            return Product(zeros, z) / Product(poles, z);
        });

    /// <summary>Digital coefficients (FIR when <paramref name="denominator"/> is empty): H = Σ b_k z^-k / Σ a_k z^-k.</summary>
    public static ResponseStage Digital(double gain, double gainFrequency, IReadOnlyList<double> numerator, IReadOnlyList<double> denominator, double samplingRate) =>
        new(gain, gainFrequency, f =>
        {
            var step = Complex.FromPolarCoordinates(1, -2 * Math.PI * f / samplingRate);
            return Polynomial(numerator, step) / (denominator.Count == 0 ? Complex.One : Polynomial(denominator, step));
        });

    /// <summary>The stage's magnitude at <paramref name="frequency"/> Hz.</summary>
    public double Magnitude(double frequency)
    {
        if (_transfer is null)
        {
            return Math.Abs(Gain);
        }
        var reference = Complex.Abs(_transfer(GainFrequency));
        return reference > 0 ? Math.Abs(Gain) * Complex.Abs(_transfer(frequency)) / reference : double.NaN;
    }

    private static Complex Product(IReadOnlyList<Complex> roots, Complex at)
    {
        var product = Complex.One;
        foreach (var root in roots)
        {
            product *= at - root;
        }
        return product;
    }

    private static Complex Polynomial(IReadOnlyList<double> coefficients, Complex step)
    {
        var sum = Complex.Zero;
        var power = Complex.One;
        foreach (var c in coefficients)
        {
            sum += c * power;
            power *= step;
        }
        return sum;
    }
}
