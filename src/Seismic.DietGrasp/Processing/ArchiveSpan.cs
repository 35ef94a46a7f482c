using System.Globalization;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// Refuses to run over an archive whose first-to-last span is many times longer than the time it holds
/// samples for, unless the range is given: one stray file or record dated years off (a damaged time) would
/// otherwise make <c>run</c> compute thousands of empty days (issue 15, fault 2).
/// </summary>
internal static class ArchiveSpan
{
    // Spans up to two days are always fine (a day file and its neighbour's first minutes); beyond that the
    // span may be at most ten times the covered time: a weekly archive with daily gaps passes, 2016 + 2031 does not.
    private const double MaximumRatio = 10;
    private static readonly TimeSpan AlwaysFine = TimeSpan.FromDays(2);

    /// <exception cref="InvalidParameterException">The span is more than ten times the time covered by samples.</exception>
    public static void CheckNotMostlyEmpty(WaveformArchive archive, DateTime start, DateTime end)
    {
        var span = end - start;
        if (span <= AlwaysFine)
        {
            return;
        }
        var covered = Covered(archive);
        if (span.Ticks <= MaximumRatio * covered.Total.Ticks)
        {
            return;
        }
        var pieces = string.Join(", ", covered.Pieces.Take(3).Select(p => string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-ddTHH:mm:ssZ} to {1:yyyy-MM-ddTHH:mm:ssZ}", p.Start, p.End)));
        throw new InvalidParameterException("startTime", string.Format(CultureInfo.InvariantCulture,
            "the waveforms span {0:yyyy-MM-ddTHH:mm:ssZ} to {1:yyyy-MM-ddTHH:mm:ssZ} ({2:0.#} days) but hold samples for only {3:0.##} hours of it, in {4} stretch(es) ({5}{6}); a file or record with a damaged time? Give --start and --end (RunOptions.StartTime and EndTime) to process a range anyway",
            start, end, span.TotalDays, covered.Total.TotalHours, covered.Pieces.Count, pieces, covered.Pieces.Count > 3 ? ", ..." : string.Empty));
    }

    /// <summary>The union of every channel's segments: its total length and its pieces in time order.</summary>
    private static (TimeSpan Total, List<(DateTime Start, DateTime End)> Pieces) Covered(WaveformArchive archive)
    {
        var segments = archive.Channels.SelectMany(archive.GetSegments).Select(s => (s.StartTime, s.EndTime)).OrderBy(s => s.StartTime).ToList();
        var pieces = new List<(DateTime Start, DateTime End)>();
        foreach (var (from, to) in segments)
        {
            if (pieces.Count > 0 && from <= pieces[pieces.Count - 1].End)
            {
                var last = pieces[pieces.Count - 1];
                pieces[pieces.Count - 1] = (last.Start, to > last.End ? to : last.End);
            }
            else
            {
                pieces.Add((from, to));
            }
        }
        return (TimeSpan.FromTicks(pieces.Sum(p => (p.End - p.Start).Ticks)), pieces);
    }
}
