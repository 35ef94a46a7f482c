using System.Globalization;
using System.Security.Cryptography;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// <c>OUT/manifest.sha256</c>: the SHA-256 of every top-level file of a finished run, in <c>sha256sum</c>
/// format (check a set with <c>sha256sum -c manifest.sha256</c>). A run removes it before writing anything and
/// writes it last, so a set without it (a run killed in its final stage over an earlier run's output: new
/// probability tables beside old candidates) or whose files do not match it is incomplete; the next run
/// rewrites every top-level file from the days and writes it again.
/// </summary>
internal static class RunManifest
{
    /// <summary>Marks the folder's set as being rewritten.</summary>
    public static void Begin(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, RunLayout.ManifestFile);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes the manifest of <paramref name="files"/> (full paths in the output folder).</summary>
    public static void Write(string outputDirectory, IReadOnlyList<string> files)
    {
        var lines = files.Select(file => $"{Sha256(file)}  {Path.GetFileName(file)}").ToList();
        IO.AtomicFile.WriteText(Path.Combine(outputDirectory, RunLayout.ManifestFile), writer =>
        {
            foreach (var line in lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }
        });
    }

    /// <summary>
    /// Writes each station's chosen channel set (<see cref="RunLayout.ChannelChoiceFile"/>), one row per station in
    /// station-file order (empty set columns where a station had none); its SHA-256 goes into the manifest with the tables.
    /// </summary>
    public static void WriteChannelChoices(string path, Waveforms.ChannelSelection selection, IReadOnlyList<StationChannelChoice> choices)
    {
        var rows = choices.Select(choice => choice.Chosen is { } set
            ? new[] { choice.Station, set.Channels[0].Network, set.Location, set.Code, set.Channels[0].Channel, set.Channels[1].Channel, set.Channels[2].Channel, IO.CsvTable.Format(set.SamplingRate), set.Motion.ToString().ToLowerInvariant(), $"{choice.Reason} ({selection})" }
            : new[] { choice.Station, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, $"{choice.Reason} ({selection})" });
        IO.CsvTable.Write(path, new[] { "station", "network", "location", "code", "vx", "vy", "vz", "sampling_rate", "motion", "reason" }, rows);
    }

    private static string Sha256(string path)
    {
        using var sha = SHA256.Create();
        using var stream = File.OpenRead(path);
        return string.Concat(sha.ComputeHash(stream).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
