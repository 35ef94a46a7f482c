namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// Which record start times of one file are strays: a file holds a contiguous stretch (an hour, a day, a
/// month), so a record starting years away is a damaged header (issue 15: one record dated 2031 in a 2016
/// file made <c>run</c> start 5,500 empty days).
/// </summary>
internal static class RecordTimeOutliers
{
    // Fewer records cannot tell the stray from the bulk; the archive-wide span check in run covers them.
    private const int MinimumRecords = 5;

    /// <summary>
    /// The accepted start range [low, high]: the 10th to 90th percentile of the starts, widened on each side
    /// by that stretch or a day, whichever is longer. A continuous file of any length keeps all its records
    /// (its 10-90 % stretch is 80 % of its span, so the widened range holds it whole); null bounds: keep all.
    /// </summary>
    public static (long? Low, long? High) Bounds(IReadOnlyList<long> startTicks)
    {
        if (startTicks.Count < MinimumRecords)
        {
            return (null, null);
        }
        // Array.Sort of the longs, not OrderBy's stable sort of an index map: a sixth of a channel-day's scan before.
        var sorted = startTicks.ToArray();
        Array.Sort(sorted);
        var p10 = sorted[(sorted.Length - 1) / 10];
        var p90 = sorted[sorted.Length - 1 - ((sorted.Length - 1) / 10)];
        var margin = Math.Max(p90 - p10, TimeSpan.TicksPerDay);
        return (p10 - margin, p90 + margin);
    }
}
