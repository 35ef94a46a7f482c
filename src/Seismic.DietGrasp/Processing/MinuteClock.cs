using System.Globalization;

namespace Seismic.DietGrasp.Processing;

/// <summary>Whole-minute, whole-hour and whole-day arithmetic on UTC times.</summary>
internal static class MinuteClock
{
    private const string IsoFormat = "yyyy-MM-ddTHH:mm:ss'Z'";

    public const int MinutesPerDay = 1440;

    public static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    public static DateTime Floor(DateTime time) => Floor(time, TimeSpan.TicksPerMinute);

    public static DateTime Ceiling(DateTime time)
    {
        var floor = Floor(time);
        return floor == time ? time : floor.AddMinutes(1);
    }

    public static DateTime Floor(DateTime time, long unitTicks) => new(time.Ticks - (time.Ticks % unitTicks), DateTimeKind.Utc);

    public static int MinutesBetween(DateTime start, DateTime end) => (int)((end.Ticks - start.Ticks) / TimeSpan.TicksPerMinute);

    /// <summary>The UTC days that [start, end) touches, each cut to the range.</summary>
    public static List<(DateTime Start, DateTime End)> Days(DateTime start, DateTime end) => Spans(start, end, TimeSpan.TicksPerDay);

    /// <summary>The UTC hours that [start, end) touches, each cut to the range (a worker's unit of work).</summary>
    public static List<(DateTime Start, DateTime End)> Hours(DateTime start, DateTime end) => Spans(start, end, TimeSpan.TicksPerHour);

    /// <summary>A time as the output files write it: ISO 8601 UTC to the second (<c>2016-04-01T12:34:00Z</c>).</summary>
    public static string FormatIso(DateTime time) => time.ToString(IsoFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time written by <see cref="FormatIso"/> (kind UTC); false when it is not one.</summary>
    public static bool TryParseIso(string text, out DateTime time)
    {
        var ok = DateTime.TryParseExact(text, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
        time = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return ok;
    }

    private static List<(DateTime Start, DateTime End)> Spans(DateTime start, DateTime end, long unitTicks)
    {
        var spans = new List<(DateTime, DateTime)>();
        for (var unit = Floor(start, unitTicks); unit < end; unit = unit.AddTicks(unitTicks))
        {
            var next = unit.AddTicks(unitTicks);
            spans.Add((unit < start ? start : unit, next > end ? end : next));
        }
        return spans;
    }
}
