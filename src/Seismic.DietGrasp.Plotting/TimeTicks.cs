using System.Globalization;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// Time-axis ticks in UTC that print the date once: a round step chosen from the span and the width,
/// times as HH:mm, and the date only in the axis label (one day) or as MM-dd at midnights after the first day.
/// </summary>
internal static class TimeTicks
{
    private static readonly int[] StepMinutes = { 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 40320 };

    /// <summary>The ticks between <paramref name="start"/> and <paramref name="end"/> for an axis <paramref name="pixels"/> wide (about 80 px a label).</summary>
    public static IReadOnlyList<(DateTime Time, string Label)> Ticks(DateTime start, DateTime end, double pixels)
    {
        var maxTicks = Math.Max(2, (int)(pixels / 80));
        var spanMinutes = (end - start).TotalMinutes;
        var step = StepMinutes.FirstOrDefault(s => spanMinutes / s <= maxTicks);
        if (step == 0)
        {
            step = StepMinutes[StepMinutes.Length - 1];
        }
        var ticks = new List<(DateTime, string)>();
        var first = new DateTime(start.Year, start.Month, start.Day, 0, 0, 0, start.Kind);
        while (first.AddMinutes(step) <= start)
        {
            first = first.AddMinutes(step);
        }
        var manyDays = end - start > TimeSpan.FromDays(1) || start.Date != end.AddTicks(-1).Date;
        for (var t = first < start ? first.AddMinutes(step) : first; t <= end; t = t.AddMinutes(step))
        {
            var label = step >= 1440 ? t.ToString("MM-dd", CultureInfo.InvariantCulture)
                : (manyDays || t.Date != start.Date) && t.TimeOfDay == TimeSpan.Zero ? t.ToString("MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("HH:mm", CultureInfo.InvariantCulture);
            ticks.Add((t, label));
        }
        return ticks;
    }

    /// <summary>The axis label, carrying the date: "Time (UTC), 2016-04-01" or "Time (UTC), 2016-04-01 to 2016-04-03".</summary>
    public static string AxisLabel(DateTime start, DateTime end)
    {
        var last = end > start ? end.AddTicks(-1) : end;
        return start.Date == last.Date
            ? $"Time (UTC), {start:yyyy-MM-dd}"
            : $"Time (UTC), {start:yyyy-MM-dd} to {last:yyyy-MM-dd} (MM-dd at midnights)";
    }
}
