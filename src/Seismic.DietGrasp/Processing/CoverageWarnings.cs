using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// One warning per station whose channels start after the processed range begins or end before it ends
/// (issue 15: such stations left empty cells that no warning named; gaps inside the range have their own).
/// </summary>
internal static class CoverageWarnings
{
    public static IEnumerable<RunWarning> For(WaveformArchive archive, IReadOnlyList<StationChannels> matched, DateTime start, DateTime end)
    {
        foreach (var station in matched)
        {
            var segments = station.Channels.Select(archive.GetSegments).Where(s => s.Count > 0).ToList();
            if (segments.Count == 0)
            {
                continue;
            }
            // The station is whole from the latest first sample to the earliest last sample of its three channels.
            var first = MinuteClock.Ceiling(segments.Max(s => s[0].StartTime));
            var last = MinuteClock.Floor(segments.Min(s => s[s.Count - 1].EndTime));
            if (first > start && first < end)
            {
                yield return new RunWarning(RunWarningKind.Coverage, $"{station.Name}: its three components start only at {first:yyyy-MM-ddTHH:mm:ssZ}, after the range's start {start:yyyy-MM-ddTHH:mm:ssZ}; its cells before are empty", station.Name, null, first);
            }
            if (last < end && last > start)
            {
                yield return new RunWarning(RunWarningKind.Coverage, $"{station.Name}: its three components end at {last:yyyy-MM-ddTHH:mm:ssZ}, before the range's end {end:yyyy-MM-ddTHH:mm:ssZ}; its cells after are empty", station.Name, null, last);
            }
        }
    }
}
