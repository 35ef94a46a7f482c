using System.Globalization;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// Map graticule ticks: a round step in degrees chosen from the map's extent, and hemisphere-correct
/// labels (140°E, 123.5°W, 38°N, 0°) as maps print them, never a signed "-123.5".
/// </summary>
internal static class DegreeTicks
{
    private static readonly double[] Steps = { 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 45, 90 };

    /// <summary>The smallest round step that puts at most <paramref name="maxTicks"/> ticks in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static double Step(double from, double to, int maxTicks)
    {
        var span = Math.Abs(to - from);
        foreach (var step in Steps)
        {
            if (span / step <= maxTicks)
            {
                return step;
            }
        }
        return Steps[Steps.Length - 1];
    }

    /// <summary>The multiples of <paramref name="step"/> inside [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static IReadOnlyList<double> Positions(double from, double to, double step)
    {
        var positions = new List<double>();
        for (var k = Math.Ceiling((from / step) - 1e-9); k * step <= to + (step * 1e-9); k++)
        {
            positions.Add(Math.Round(k * step, 6));
        }
        return positions;
    }

    /// <summary>A longitude label: 140°E, 123.5°W, 0°, 180° (0-360° longitudes are folded to ±180°).</summary>
    public static string Longitude(double degrees, double step)
    {
        var folded = ((((degrees + 180) % 360) + 360) % 360) - 180;
        if (Math.Abs(folded + 180) < 1e-9)
        {
            folded = 180;
        }
        return Format(Math.Abs(folded), step) + (Math.Abs(folded) < 1e-9 || Math.Abs(folded - 180) < 1e-9 ? string.Empty : folded > 0 ? "E" : "W");
    }

    /// <summary>A latitude label: 38°N, 12.5°S, 0°.</summary>
    public static string Latitude(double degrees, double step) =>
        Format(Math.Abs(degrees), step) + (Math.Abs(degrees) < 1e-9 ? string.Empty : degrees > 0 ? "N" : "S");

    private static string Format(double magnitude, double step)
    {
        var decimals = step >= 1 ? 0 : step >= 0.1 ? (Math.Abs((step * 10) - Math.Round(step * 10)) < 1e-9 ? 1 : 2) : 2;
        return magnitude.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "°";
    }
}
