using System.Globalization;

namespace Seismic.DietGrasp.Synthetics;

internal static class SyntheticChecks
{
    public static void Finite(string name, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new InvalidParameterException(name, $"must be a finite number, got {Format(value)}");
        }
    }

    public static void Positive(string name, double value)
    {
        Finite(name, value);
        if (value <= 0)
        {
            throw new InvalidParameterException(name, $"must be positive, got {Format(value)}");
        }
    }

    public static void NonNegative(string name, double value)
    {
        Finite(name, value);
        if (value < 0)
        {
            throw new InvalidParameterException(name, $"must be zero or positive, got {Format(value)}");
        }
    }

    public static void Fraction(string name, double value)
    {
        NonNegative(name, value);
        if (value > 1)
        {
            throw new InvalidParameterException(name, $"must be between 0 and 1, got {Format(value)}");
        }
    }

    public static void SamplingRate(double samplingRate)
    {
        Positive("samplingRate", samplingRate);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
