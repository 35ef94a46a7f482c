using System.Globalization;
using System.Text.RegularExpressions;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// SeisComP Data Structure archives, <c>ROOT/YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY</c>: a day's files are
/// found by their path, without opening (or even listing) the rest of the tree. An SDS file holds the records that
/// start on its day, so the last record of a day may run past midnight into the next day's minutes: a day's
/// minutes can need the previous day's file too, and its last minutes (through the filter's margin) the next day's.
/// </summary>
public static class SdsArchive
{
    private static readonly Regex YearFolder = new(@"^[0-9]{4}$", RegexOptions.CultureInvariant);
    private static readonly Regex FileName = new(@"^[^.]+\.[^.]+\.[^.]*\.[^.]+\.D\.[0-9]{4}\.[0-9]{3}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether <paramref name="root"/> is an SDS archive: its folders are years (four digits) and at least one holds
    /// <c>NET/STA/CHAN.D/</c> with a file named <c>NET.STA.LOC.CHAN.D.YEAR.DOY</c>.
    /// </summary>
    /// <param name="root">The folder.</param>
    /// <returns>True for an SDS archive; false for any other folder (or none).</returns>
    public static bool IsSds(string root)
    {
        Guard.NotNull(root, nameof(root));
        if (!Directory.Exists(root))
        {
            return false;
        }
        var folders = Directory.GetDirectories(root);
        if (folders.Length == 0 || !folders.All(folder => YearFolder.IsMatch(Path.GetFileName(folder))))
        {
            return false;
        }
        return folders.SelectMany(ChannelFolders).Any(folder => Directory.EnumerateFiles(folder).Any(file => FileName.IsMatch(Path.GetFileName(file))));
    }

    /// <summary>The files of one UTC day (<c>*.D.YEAR.DOY</c> in every channel folder of its year), sorted.</summary>
    /// <param name="root">The archive's root.</param>
    /// <param name="day">Any time in the day (UTC).</param>
    /// <returns>Full paths; empty when the day has none.</returns>
    public static IReadOnlyList<string> FilesOf(string root, DateTime day)
    {
        Guard.NotNull(root, nameof(root));
        var year = Path.Combine(root, day.Year.ToString("D4", CultureInfo.InvariantCulture));
        if (!Directory.Exists(year))
        {
            return Array.Empty<string>();
        }
        var suffix = string.Format(CultureInfo.InvariantCulture, ".D.{0:D4}.{1:D3}", day.Year, day.DayOfYear);
        return ChannelFolders(year)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*" + suffix))
            .Where(file => FileName.IsMatch(Path.GetFileName(file)) && Path.GetFileName(file).EndsWith(suffix, StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The path a channel's day has in an SDS archive: <c>ROOT/YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY</c>.
    /// </summary>
    /// <param name="root">The archive's root.</param>
    /// <param name="id">The channel.</param>
    /// <param name="day">Any time in the day (UTC).</param>
    /// <returns>The path (the file need not exist).</returns>
    public static string PathOf(string root, ChannelId id, DateTime day)
    {
        Guard.NotNull(root, nameof(root));
        var year = day.Year.ToString("D4", CultureInfo.InvariantCulture);
        var name = string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}.D.{4}.{5:D3}", id.Network, id.Station, id.Location, id.Channel, year, day.DayOfYear);
        return Path.Combine(root, year, id.Network, id.Station, id.Channel + ".D", name);
    }

    private static IEnumerable<string> ChannelFolders(string year) =>
        Directory.EnumerateDirectories(year)
            .SelectMany(network => Directory.EnumerateDirectories(network))
            .SelectMany(station => Directory.EnumerateDirectories(station, "*.D"));
}
