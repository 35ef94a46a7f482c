using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The day partitions under DAYS/YYYY-MM-DD/ (<c>OUT/days</c> for <c>run</c> and <c>day</c>): the three
/// probability tables, the day's warnings (tab-separated, <see cref="RunWarning"/>'s fields) and its manifest
/// (<see cref="RunLayout.DayManifestFile"/>), each written atomically, then a completion marker written last. The marker holds a fingerprint of what made the
/// day (its minute range and <see cref="RunProvenance.SettingsHash"/>: version, model hash, high-pass,
/// sensitivities, channel override, stations), the day's input files (<see cref="DayInputs"/>) and the SHA-256 of each saved
/// file, so a re-run with the same settings and files skips the day, and one with other settings or files, or
/// a damaged saved file (a power cut can leave one empty behind its marker), computes it again and says why.
/// </summary>
internal sealed class DayStore
{
    private const string FormatVersion = "dietgrasp-day-v3";
    private const string InputPrefix = "input ";
    private const string FilePrefix = "file ";
    private static readonly string[] SavedFiles = RunLayout.ProbabilityFiles.Concat(new[] { RunLayout.DayWarningsFile, RunLayout.DayManifestFile }).ToArray();
    private readonly string _daysDirectory;
    private readonly StationNetwork _stations;
    private readonly RunProvenance? _provenance;

    /// <param name="daysDirectory">The folder of the day folders.</param>
    /// <param name="stations">The stations (the tables' columns).</param>
    /// <param name="provenance">What makes the days; null to read partitions only (<see cref="Read"/>).</param>
    public DayStore(string daysDirectory, StationNetwork stations, RunProvenance? provenance)
    {
        _daysDirectory = daysDirectory;
        _stations = stations;
        _provenance = provenance;
    }

    /// <summary>The folder of the day that starts at or contains <paramref name="day"/>.</summary>
    public string Folder(DateTime day) => Path.Combine(_daysDirectory, RunLayout.DayFolderName(day));

    /// <summary>
    /// Whether a finished day made with the same settings from the same input files is saved, its files intact;
    /// when a finished day cannot be used, <paramref name="reason"/> says why (null when the day was never finished).
    /// </summary>
    public bool IsFinished(DateTime start, DateTime end, IReadOnlyList<string> inputs, out string? reason)
    {
        reason = null;
        var marker = Path.Combine(Folder(start), RunLayout.DayMarkerFile);
        if (!File.Exists(marker))
        {
            return false;
        }
        var lines = File.ReadAllLines(marker);
        if (lines.Length == 0 || lines[0] != Fingerprint(start, end, Provenance.SettingsHash))
        {
            reason = lines.Length > 0 && lines[0].StartsWith(FormatVersion + " ", StringComparison.Ordinal)
                ? "it was made with other settings (version, model, high-pass, sensitivity, channel override or station file)"
                : "it was made by another version of dietgrasp, or its marker is damaged";
            return false;
        }
        var changed = DayInputs.Difference(Entries(lines, InputPrefix), inputs);
        if (changed is not null)
        {
            reason = $"its input files changed since it was computed: {changed}";
            return false;
        }
        reason = DamagedFile(Folder(start), lines);
        return reason is null;
    }

    /// <summary>
    /// Reads the finished partition of the UTC day that holds <paramref name="from"/>, its rows limited to
    /// [<paramref name="from"/>, <paramref name="to"/>) (both within the day).
    /// </summary>
    /// <exception cref="InvalidParameterException">The day has no finished partition, or it does not cover the minutes asked for.</exception>
    /// <exception cref="InvalidFileException">A file of the partition is damaged (its SHA-256 differs from its marker's).</exception>
    public DayPartition Read(DateTime from, DateTime to)
    {
        var folder = Folder(from);
        var marker = Path.Combine(folder, RunLayout.DayMarkerFile);
        var name = RunLayout.DayFolderName(from);
        if (!File.Exists(marker))
        {
            var hint = Directory.Exists(Path.Combine(_daysDirectory, RunLayout.DaysFolder)) ? $"; the partitions may be in '{Path.Combine(_daysDirectory, RunLayout.DaysFolder)}'" : string.Empty;
            throw new InvalidParameterException("daysDirectory", $"no finished day partition for {name} in '{_daysDirectory}' (make it with 'dietgrasp day --date {name} ...'){hint}");
        }
        var lines = File.ReadAllLines(marker);
        var parts = lines.Length > 0 ? lines[0].Split(' ') : Array.Empty<string>();
        if (parts.Length != 4 || parts[0] != FormatVersion || !MinuteClock.TryParseIso(parts[1], out var start) || !MinuteClock.TryParseIso(parts[2], out var end))
        {
            throw new InvalidFileException(marker, $"not a {FormatVersion} marker (made by another version of dietgrasp, or damaged); make the day again");
        }
        if (start > from || end < to)
        {
            throw new InvalidParameterException("daysDirectory",
                $"the partition of {name} covers [{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}), not the minutes [{from:yyyy-MM-ddTHH:mm:ssZ}, {to:yyyy-MM-ddTHH:mm:ssZ}) asked for");
        }
        var damaged = DamagedFile(folder, lines);
        if (damaged is not null)
        {
            throw new InvalidFileException(folder, damaged);
        }
        var first = MinuteClock.MinutesBetween(start, from);
        var count = MinuteClock.MinutesBetween(from, to);
        var tables = new ProbabilityTable[3];
        for (var k = 0; k < 3; k++)
        {
            var path = Path.Combine(folder, RunLayout.ProbabilityFiles[k]);
            var table = ProbabilityTableCsv.Read(path, _stations);
            if (table.MinuteCount != MinuteClock.MinutesBetween(start, end) || (table.MinuteCount > 0 && table.Minutes[0] != start))
            {
                throw new InvalidFileException(path, "the table does not cover the minutes its marker names");
            }
            tables[k] = table.Slice(first, count);
        }
        var manifest = File.ReadAllBytes(Path.Combine(folder, RunLayout.DayManifestFile));
        return new DayPartition(
            new DayResult(tables[0], tables[1], tables[2], RunWarning.ReadFile(Path.Combine(folder, RunLayout.DayWarningsFile))),
            parts[3],
            RunManifest.ReadDay(manifest, Path.Combine(folder, RunLayout.DayManifestFile)),
            RunProvenance.Sha256(manifest));
    }

    /// <summary>Writes a computed day: the marker goes first (removed), then the tables, warnings, Parquet (net10.0 build) and manifest, then the marker.</summary>
    public void Save(DateTime start, DateTime end, DayResult day, IReadOnlyList<string> inputs, string preprocessing)
    {
        var folder = Folder(start);
        Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, RunLayout.DayMarkerFile);
        if (File.Exists(marker))
        {
            File.Delete(marker);
        }
        var tables = new[] { day.Earthquake, day.Tremor, day.Noise };
        for (var k = 0; k < 3; k++)
        {
            ProbabilityTableCsv.Write(Path.Combine(folder, RunLayout.ProbabilityFiles[k]), tables[k], _stations);
        }
        RunWarning.WriteFile(Path.Combine(folder, RunLayout.DayWarningsFile), day.Warnings);
        if (ProbabilityParquet.IsSupported)
        {
            // Derived from the tables for pandas, Polars and DuckDB: not in the marker's sums (a netstandard2.0 build reads the same day without it).
            ProbabilityParquet.Write(Path.Combine(folder, RunLayout.DayProbabilityParquetFile), _stations, day.Earthquake, day.Tremor, day.Noise);
        }
        RunManifest.WriteDay(Path.Combine(folder, RunLayout.DayManifestFile), Provenance, start, end, preprocessing, inputs);
        // The sums are taken from the files as written, so a later damage to any of them is seen on load.
        var sums = SavedFiles.Select(name => $"{FilePrefix}{RunProvenance.Sha256OfFile(Path.Combine(folder, name))} {name}").ToList();
        AtomicFile.WriteText(marker, writer =>
        {
            writer.Write(Fingerprint(start, end, Provenance.SettingsHash));
            writer.Write('\n');
            foreach (var line in sums.Concat(inputs.Select(input => InputPrefix + input)))
            {
                writer.Write(line);
                writer.Write('\n');
            }
        });
    }

    private RunProvenance Provenance => _provenance ?? throw new InvalidOperationException("a read-only day store");

    private static string? DamagedFile(string folder, string[] lines)
    {
        var sums = Entries(lines, FilePrefix).ToDictionary(line => line.Substring(line.IndexOf(' ') + 1), line => line.Substring(0, line.IndexOf(' ')), StringComparer.Ordinal);
        try
        {
            foreach (var name in SavedFiles)
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path) || !sums.TryGetValue(name, out var sum) || RunProvenance.Sha256OfFile(path) != sum)
                {
                    return $"its saved {name} is missing or damaged (its SHA-256 differs from the one in its marker; a power cut or a disk error can do that)";
                }
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"its saved files cannot be read ({e.Message})";
        }
    }

    private static List<string> Entries(string[] lines, string prefix) =>
        lines.Skip(1).Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).Select(line => line.Substring(prefix.Length)).ToList();

    private static string Fingerprint(DateTime start, DateTime end, string settings) =>
        $"{FormatVersion} {MinuteClock.FormatIso(start)} {MinuteClock.FormatIso(end)} {settings}";

}
