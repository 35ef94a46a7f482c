using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What a day was computed from: one line per waveform file holding samples of a used channel in the day,
/// <c>size modification-ticks path</c> (the path relative to the waveform folder), sorted. A day saved with
/// other lines is computed again: a file added, removed, rewritten or touched since (issue 15: a station's
/// files held back for a day, then restored, used to leave that day's cells empty for good).
/// </summary>
internal sealed class DayInputs
{
    private readonly WaveformArchive _archive;
    private readonly string _folder;
    private readonly IReadOnlyList<StationChannels> _matched;
    private readonly Dictionary<string, string> _described = new(StringComparer.Ordinal);
    private readonly TimeSpan _margin;

    /// <param name="archive">The indexed waveforms.</param>
    /// <param name="waveformDirectory">Their folder (lines name files relative to it).</param>
    /// <param name="matched">The channels in use.</param>
    /// <param name="margin">How far beyond the day the pre-processing reads (the filter's and resampler's margins):
    /// a file of the neighbouring day that those margins reach is an input of this day too.</param>
    public DayInputs(WaveformArchive archive, string waveformDirectory, IReadOnlyList<StationChannels> matched, TimeSpan margin)
    {
        _archive = archive;
        _margin = margin;
        _folder = Path.GetFullPath(waveformDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _matched = matched;
    }

    /// <summary>The lines of the day [start, end), with the margins the pre-processing reads on either side.</summary>
    public IReadOnlyList<string> For(DateTime start, DateTime end) =>
        _matched.SelectMany(station => station.Channels)
            .Distinct()
            .SelectMany(id => _archive.FilesBetween(id, start - _margin, end + _margin))
            .Distinct(StringComparer.Ordinal)
            .Select(Describe)
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

    /// <summary>The path part of a line.</summary>
    public static string PathOf(string line)
    {
        var second = line.IndexOf(' ', line.IndexOf(' ') + 1);
        return second < 0 ? line : line.Substring(second + 1);
    }

    /// <summary>
    /// Why <paramref name="saved"/> and <paramref name="current"/> differ, e.g. <c>2 new (a.sac, b.sac); 1 changed (c.sac)</c>;
    /// null when they are the same.
    /// </summary>
    public static string? Difference(IReadOnlyList<string> saved, IReadOnlyList<string> current)
    {
        var before = saved.ToDictionary(PathOf, line => line, StringComparer.Ordinal);
        var after = current.ToDictionary(PathOf, line => line, StringComparer.Ordinal);
        var added = after.Keys.Where(path => !before.ContainsKey(path)).ToList();
        var gone = before.Keys.Where(path => !after.ContainsKey(path)).ToList();
        var changed = after.Keys.Where(path => before.TryGetValue(path, out var old) && old != after[path]).ToList();
        var parts = new[] { (added, "new"), (changed, "changed"), (gone, "gone") }
            .Where(part => part.Item1.Count > 0)
            .Select(part => $"{part.Item1.Count} {part.Item2} ({string.Join(", ", part.Item1.OrderBy(p => p, StringComparer.Ordinal).Take(3))}{(part.Item1.Count > 3 ? ", ..." : string.Empty)})")
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private string Describe(string path)
    {
        if (!_described.TryGetValue(path, out var line))
        {
            var file = new FileInfo(path);
            var full = file.FullName;
            var relative = full.StartsWith(_folder, StringComparison.Ordinal) ? full.Substring(_folder.Length) : full;
            var size = file.Exists ? file.Length : -1;
            var ticks = file.Exists ? file.LastWriteTimeUtc.Ticks : 0;
            line = FormattableString.Invariant($"{size} {ticks} {relative.Replace('\n', '?')}");
            _described[path] = line;
        }
        return line;
    }
}
