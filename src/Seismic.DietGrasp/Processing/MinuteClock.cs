namespace Seismic.DietGrasp.Processing;

/// <summary>Whole-minute, whole-hour and whole-day arithmetic on UTC times.</summary>
internal static class MinuteClock
{
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
}
