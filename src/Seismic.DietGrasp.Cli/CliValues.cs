using System.Globalization;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// How option values are read: invariant culture always, so that <c>--fs 0.5</c> means the same on a German
/// machine (System.CommandLine's own number parsing follows the current culture, so options are read as text and converted here).
/// </summary>
internal static class CliValues
{
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static bool TryTime(string text, out DateTime value)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            value = DateTime.SpecifyKind(time, DateTimeKind.Utc);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Null when <paramref name="text"/> is a valid value of <paramref name="option"/>, else what is wrong.</summary>
    public static string? Check(CliOption option, string text) => option.Kind switch
    {
        CliValueKind.Number when !TryNumber(text, out _) => $"option {option.Token} expects a number, got '{text}'",
        CliValueKind.Integer when !TryInteger(text, out _) => $"option {option.Token} expects an integer, got '{text}'",
        CliValueKind.Time when !TryTime(text, out _) => $"option {option.Token} expects a UTC time like 2016-04-01T00:00:00Z, got '{text}'",
        _ => null,
    };
}
