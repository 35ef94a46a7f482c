namespace Seismic.DietGrasp.Processing;

/// <summary>Whole-minute, whole-hour and whole-day arithmetic on UTC times.</summary>
internal static class MinuteClock
{
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
    public static List<(DateTime Start, DateTime End)> Days(DateTime start, DateTime end)
    {
        var days = new List<(DateTime, DateTime)>();
        for (var day = Floor(start, TimeSpan.TicksPerDay); day < end; day = day.AddDays(1))
        {
            days.Add((day < start ? start : day, day.AddDays(1) > end ? end : day.AddDays(1)));
        }
        return days;
    }
}
