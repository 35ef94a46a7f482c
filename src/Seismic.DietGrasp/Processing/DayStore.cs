using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The per-day results under OUT/days/YYYY-MM-DD/: the three probability tables and the day's
/// warnings (tab-separated, <see cref="RunWarning"/>'s fields), each written atomically, then a completion marker written last. The marker holds a
/// fingerprint of what made the day (its minute range, the stations, the model, the sensitivities), the
/// day's input files (<see cref="DayInputs"/>) and the SHA-256 of each saved file, so a re-run with the
/// same settings and files skips the day, and one with other settings or files, or a damaged saved file
/// (a power cut can leave one empty behind its marker), computes it again and says why.
/// </summary>
internal sealed class DayStore
{
    private const string MarkerFile = "complete";
    private const string WarningsFile = "warnings.txt";
    private const string FormatVersion = "dietgrasp-day-v2";
    private const string InputPrefix = "input ";
    private const string FilePrefix = "file ";
    private readonly RunLayout _layout;
    private readonly StationNetwork _stations;
    private readonly string _settings;

    public DayStore(RunLayout layout, StationNetwork stations, string modelIdentity, string sensitivity)
    {
        _layout = layout;
        _stations = stations;
        var text = new StringBuilder(FormatVersion).Append('\n').Append(modelIdentity).Append('\n').Append(sensitivity).Append('\n');
        for (var s = 0; s < stations.Count; s++)
        {
            text.Append(stations.Names[s]).Append(',').Append(CsvTable.Format(stations.Latitudes[s])).Append(',').Append(CsvTable.Format(stations.Longitudes[s])).Append('\n');
        }
        _settings = Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string[] SavedFiles => RunLayout.ProbabilityFiles.Concat(new[] { WarningsFile }).ToArray();

    /// <summary>
    /// Loads a finished day made with the same settings from the same input files, or returns null; when a
    /// finished day cannot be used, <paramref name="reason"/> says why (null when the day was never finished).
    /// </summary>
    public DayResult? TryLoad(DateTime start, DateTime end, IReadOnlyList<string> inputs, out string? reason)
    {
        reason = null;
        var folder = Folder(start);
        var marker = Path.Combine(folder, MarkerFile);
        if (!File.Exists(marker))
        {
            return null;
        }
        var lines = File.ReadAllLines(marker);
        if (lines.Length == 0 || lines[0] != Fingerprint(start, end))
        {
            reason = lines.Length > 0 && lines[0].StartsWith(FormatVersion + " ", StringComparison.Ordinal)
                ? "it was made with other settings (model, sensitivity, channel override or station file)"
                : "it was made by another version of dietgrasp, or its marker is damaged";
            return null;
        }
        var changed = DayInputs.Difference(Entries(lines, InputPrefix), inputs);
        if (changed is not null)
        {
            reason = $"its input files changed since it was computed: {changed}";
            return null;
        }
        var sums = Entries(lines, FilePrefix).ToDictionary(line => line.Substring(line.IndexOf(' ') + 1), line => line.Substring(0, line.IndexOf(' ')), StringComparer.Ordinal);
        try
        {
            foreach (var name in SavedFiles)
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path) || !sums.TryGetValue(name, out var sum) || Sha256(File.ReadAllBytes(path)) != sum)
                {
                    reason = $"its saved {name} is missing or damaged (its SHA-256 differs from the one in its marker; a power cut or a disk error can do that)";
                    return null;
                }
            }
            var tables = new ProbabilityTable[3];
            for (var k = 0; k < 3; k++)
            {
                tables[k] = ProbabilityTableCsv.Read(Path.Combine(folder, RunLayout.ProbabilityFiles[k]), _stations);
                if (tables[k].MinuteCount != MinuteClock.MinutesBetween(start, end) || (tables[k].MinuteCount > 0 && tables[k].Minutes[0] != start))
                {
                    reason = $"its saved {RunLayout.ProbabilityFiles[k]} does not cover the day's minutes";
                    return null;
                }
            }
            return new DayResult(tables[0], tables[1], tables[2], RunWarning.ReadFile(Path.Combine(folder, WarningsFile)));
        }
        catch (Exception e) when (e is DietGraspException or IOException or UnauthorizedAccessException)
        {
            reason = $"its saved files cannot be read ({e.Message})";
            return null;
        }
    }

    /// <summary>Writes a computed day: the marker goes first (removed), then the tables and warnings, then the marker.</summary>
    public void Save(DateTime start, DateTime end, DayResult day, IReadOnlyList<string> inputs)
    {
        var folder = Folder(start);
        Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, MarkerFile);
        if (File.Exists(marker))
        {
            File.Delete(marker);
        }
        var tables = new[] { day.Earthquake, day.Tremor, day.Noise };
        for (var k = 0; k < 3; k++)
        {
            ProbabilityTableCsv.Write(Path.Combine(folder, RunLayout.ProbabilityFiles[k]), tables[k], _stations);
        }
        RunWarning.WriteFile(Path.Combine(folder, WarningsFile), day.Warnings);
        // The sums are taken from the files as written, so a later damage to any of them is seen on load.
        var sums = SavedFiles.Select(name => $"{FilePrefix}{Sha256(File.ReadAllBytes(Path.Combine(folder, name)))} {name}").ToList();
        AtomicFile.WriteText(marker, writer =>
        {
            writer.Write(Fingerprint(start, end));
            writer.Write('\n');
            foreach (var line in sums.Concat(inputs.Select(input => InputPrefix + input)))
            {
                writer.Write(line);
                writer.Write('\n');
            }
        });
    }

    private static List<string> Entries(string[] lines, string prefix) =>
        lines.Skip(1).Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).Select(line => line.Substring(prefix.Length)).ToList();

    private static string Sha256(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    private string Folder(DateTime start) => _layout.DayDirectory(start);

    private string Fingerprint(DateTime start, DateTime end) =>
        $"{FormatVersion} {start.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)} {end.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)} {_settings}";
}

/// <summary>One day's three probability tables and the warnings of its data.</summary>
internal sealed record DayResult(ProbabilityTable Earthquake, ProbabilityTable Tremor, ProbabilityTable Noise, IReadOnlyList<RunWarning> Warnings);
