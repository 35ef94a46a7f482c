using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The per-day results under OUT/days/YYYY-MM-DD/: the three probability tables and the day's
/// warnings, each written atomically, then a completion marker written last. The marker holds a
/// fingerprint of what made the day (its minute range, the stations, the model, the sensitivities), so
/// a re-run with the same settings skips the day and one with other settings computes it again.
/// </summary>
internal sealed class DayStore
{
    private const string MarkerFile = "complete";
    private const string WarningsFile = "warnings.txt";
    private const string FormatVersion = "dietgrasp-day-v1";
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
        using var sha = SHA256.Create();
        _settings = string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>Loads a finished day made with the same settings, or returns null.</summary>
    public DayResult? TryLoad(DateTime start, DateTime end)
    {
        var folder = Folder(start);
        var marker = Path.Combine(folder, MarkerFile);
        if (!File.Exists(marker) || File.ReadAllText(marker) != Fingerprint(start, end))
        {
            return null;
        }
        var tables = new ProbabilityTable[3];
        for (var k = 0; k < 3; k++)
        {
            tables[k] = ProbabilityTable.Read(Path.Combine(folder, RunLayout.ProbabilityFiles[k]), _stations);
            if (tables[k].MinuteCount != MinuteClock.MinutesBetween(start, end) || (tables[k].MinuteCount > 0 && tables[k].Minutes[0] != start))
            {
                return null;
            }
        }
        var warnings = Path.Combine(folder, WarningsFile);
        return new DayResult(tables[0], tables[1], tables[2], File.Exists(warnings) ? File.ReadAllLines(warnings) : Array.Empty<string>());
    }

    /// <summary>Writes a computed day: the marker goes first (removed), then the tables and warnings, then the marker.</summary>
    public void Save(DateTime start, DateTime end, DayResult day)
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
            tables[k].Write(Path.Combine(folder, RunLayout.ProbabilityFiles[k]), _stations);
        }
        AtomicFile.WriteText(Path.Combine(folder, WarningsFile), writer =>
        {
            foreach (var line in day.Warnings)
            {
                writer.Write(line);
                writer.Write('\n');
            }
        });
        AtomicFile.WriteText(marker, writer => writer.Write(Fingerprint(start, end)));
    }

    private string Folder(DateTime start) => _layout.DayDirectory(start);

    private string Fingerprint(DateTime start, DateTime end) =>
        $"{FormatVersion} {start.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)} {end.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)} {_settings}";
}

/// <summary>One day's three probability tables and the warnings of its data.</summary>
internal sealed record DayResult(ProbabilityTable Earthquake, ProbabilityTable Tremor, ProbabilityTable Noise, IReadOnlyList<string> Warnings);
