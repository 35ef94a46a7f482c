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

    /// <summary>
    /// A date and time in ISO 8601 form (<c>2016-04-01</c>, <c>2016-04-01T09:00</c>, seconds and fractions optional, <c>T</c> or
    /// a space), UTC unless it ends in <c>Z</c>, an offset (<c>+09:00</c>) or <c>JST</c> (Japan, +09:00, as NIED's files and
    /// users write times); returned in UTC. A time without a date is refused: <c>--end 12:08</c> once meant today's date
    /// and ran 1,003 days of empty tables (issue 16).
    /// </summary>
    public static bool TryTime(string text, out DateTime value)
    {
        value = default;
        var trimmed = text.Trim();
        var jst = trimmed.EndsWith("JST", StringComparison.OrdinalIgnoreCase);
        if (jst)
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 3).TrimEnd();
        }
        var match = IsoTime.Match(trimmed);
        if (!match.Success || (jst && match.Groups["zone"].Success))
        {
            return false;
        }
        var zone = jst ? "+09:00" : match.Groups["zone"].Success ? match.Groups["zone"].Value : "Z";
        var local = match.Groups["date"].Value + "T" + (match.Groups["time"].Success ? match.Groups["time"].Value : "00:00");
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return false;
        }
        if (zone != "Z")
        {
            var sign = zone[0] == '-' ? -1 : 1;
            var digits = zone.Substring(1).Replace(":", string.Empty);
            var offset = new TimeSpan(int.Parse(digits.Substring(0, 2), CultureInfo.InvariantCulture), int.Parse(digits.Substring(2, 2), CultureInfo.InvariantCulture), 0);
            var ticks = utc.Ticks - (sign * offset.Ticks);
            if (offset > TimeSpan.FromHours(14) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }
            utc = new DateTime(ticks, DateTimeKind.Utc);
        }
        value = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return true;
    }

    private static readonly System.Text.RegularExpressions.Regex IsoTime = new(
        @"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?))?\s*(?<zone>Z|[+-]\d{2}:?\d{2})?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>What is wrong with a time option's value, in words.</summary>
    private static string TimeProblem(CliOption option, string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), @"^\d{1,2}:\d{2}")
            ? $"option {option.Token} needs a date as well as a time, got '{text}' (write e.g. 2016-04-01T{text.Trim()}Z, 2016-04-01T{text.Trim()}+09:00 or '2016-04-01 {text.Trim()} JST')"
            : $"option {option.Token} expects an ISO 8601 date and time like 2016-04-01T00:00:00Z (UTC), 2016-04-01T09:00+09:00 or '2016-04-01 09:00 JST', got '{text}'";

    /// <summary>Null when <paramref name="text"/> is a valid value of <paramref name="option"/>, else what is wrong.</summary>
    public static string? Check(CliOption option, string text) => option.Kind switch
    {
        CliValueKind.Number when !TryNumber(text, out _) => $"option {option.Token} expects a number, got '{text}'",
        CliValueKind.Integer when !TryInteger(text, out _) => $"option {option.Token} expects an integer, got '{text}'",
        CliValueKind.Time when !TryTime(text, out _) => TimeProblem(option, text),
        _ => null,
    };
}
