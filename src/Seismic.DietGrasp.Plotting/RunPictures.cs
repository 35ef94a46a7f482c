using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The pictures of a run, written into its output folder under the names of <see cref="RunLayout"/>:
/// the catalogue map, the space-time migration plot, the tremor timeline with the catalogue, and the
/// spectrogram of the strongest tremor detection. <see cref="Save"/> draws them from what
/// <see cref="ContinuousProcessing.Run"/> returned; <see cref="Redraw"/> from the files of an output folder,
/// optionally for a part of the run's time range, without running anything again.
/// </summary>
public static class RunPictures
{
    /// <summary>Draws the pictures of a run and writes them, each atomically, into the output folder; keeps the strongest detection's spectrogram beside them so that <see cref="Redraw"/> can draw it again.</summary>
    /// <param name="result">What the run returned.</param>
    /// <param name="outputDirectory">The run's output folder.</param>
    /// <param name="strikeAzimuth">The strike for the migration plot and the timeline's station order (degrees from north); null for the principal axis of the stations.</param>
    /// <returns>The files written (full paths) and what could not be drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RunPictureFiles Save(RunResult result, string outputDirectory, double? strikeAzimuth = null)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }
        var layout = new RunLayout(outputDirectory ?? throw new ArgumentNullException(nameof(outputDirectory)));
        var files = new List<string>();
        var warnings = new List<string>();
        if (result.StrongestTremor is { } strongest)
        {
            StrongestTremorFiles.Write(layout, strongest);
            files.Add(layout.PathOf(RunLayout.StrongestTremorSpectrogramFile));
            files.Add(layout.PathOf(RunLayout.StrongestTremorFile));
        }
        var pictures = new RunPictureSource(result.Stations, result.Tremor, result.TremorGroups, result.Catalogue, result.StrongestTremor, result.StartTime, result.EndTime);
        Draw(layout, pictures, strikeAzimuth, files, warnings);
        return new RunPictureFiles(files, warnings);
    }

    /// <summary>
    /// Draws the pictures again from an output folder's tables (<c>Probability_T.csv</c>, <c>Tremor_candidate.csv</c>,
    /// <c>Tremor_catalogue.csv</c>, and the kept strongest detection), for the whole run or the part of it in
    /// [<paramref name="start"/>, <paramref name="end"/>): the tables' minutes and groups inside it, the episodes
    /// that overlap it, and the strongest detection only if its minute is inside.
    /// </summary>
    /// <param name="outputDirectory">A run's output folder.</param>
    /// <param name="stations">The station file the run used (the tables name its stations).</param>
    /// <param name="start">First minute to draw (UTC); null for the table's first.</param>
    /// <param name="end">End of the range (UTC, excluded); null for after the table's last minute.</param>
    /// <param name="strikeAzimuth">The strike (degrees from north); null for the principal axis of the stations.</param>
    /// <returns>The pictures written and what could not be drawn.</returns>
    /// <exception cref="InvalidFileException">A table is missing or unreadable.</exception>
    /// <exception cref="InvalidParameterException">The range is empty or holds no minute of the table.</exception>
    public static RunPictureFiles Redraw(string outputDirectory, StationNetwork stations, DateTime? start = null, DateTime? end = null, double? strikeAzimuth = null)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        var layout = new RunLayout(outputDirectory ?? throw new ArgumentNullException(nameof(outputDirectory)));
        if (start is { } s && end is { } e && e <= s)
        {
            throw new InvalidParameterException(nameof(end), $"the range [{s:O}, {e:O}) is empty");
        }
        var tremorPath = Existing(layout, RunLayout.TremorProbabilityFile);
        var tremor = ProbabilityTableCsv.Read(tremorPath, stations);
        var groups = CandidateTableCsv.Read(Existing(layout, RunLayout.TremorCandidateFile), stations);
        var catalogue = TremorCatalogue.Read(Existing(layout, RunLayout.TremorCatalogueFile), stations);
        var strongest = StrongestTremorFiles.Read(layout, stations);

        var from = start ?? DateTime.MinValue;
        var to = end ?? DateTime.MaxValue;
        var rows = Enumerable.Range(0, tremor.MinuteCount).Where(r => tremor.Minutes[r] >= from && tremor.Minutes[r] < to).ToArray();
        if (rows.Length == 0)
        {
            throw new InvalidParameterException(nameof(start), $"{tremorPath} has no minute in [{start?.ToString("O", CultureInfo.InvariantCulture) ?? "start"}, {end?.ToString("O", CultureInfo.InvariantCulture) ?? "end"})");
        }
        var values = new float[rows.Length * tremor.StationCount];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var station = 0; station < tremor.StationCount; station++)
            {
                values[(i * tremor.StationCount) + station] = tremor[rows[i], station];
            }
        }
        var part = new ProbabilityTable(tremor.StationCount, rows.Select(r => tremor.Minutes[r]).ToArray(), values);
        var warnings = new List<string>();
        if (strongest is not null && (strongest.Minute < from || strongest.Minute >= to))
        {
            warnings.Add($"the strongest tremor detection ({strongest.StationName} {strongest.Minute:yyyy-MM-dd HH:mm}) is outside the range; {RunLayout.TremorSpectrogramFile} not redrawn");
            strongest = null;
        }
        else if (strongest is null)
        {
            warnings.Add($"{RunLayout.StrongestTremorSpectrogramFile} or {RunLayout.StrongestTremorFile} is missing; {RunLayout.TremorSpectrogramFile} not redrawn (draw a minute with 'dietgrasp spectrogram --png P.png --minute N')");
        }
        var pictures = new RunPictureSource(
            stations,
            part,
            groups.Where(g => g.Minute >= from && g.Minute < to).ToList(),
            catalogue,
            strongest,
            start ?? part.Minutes.Min(),
            end ?? part.Minutes.Max().AddMinutes(1));
        var files = new List<string>();
        Draw(layout, pictures, strikeAzimuth, files, warnings, skipMissingSpectrogram: true);
        return new RunPictureFiles(files, warnings);
    }

    /// <summary>Draws the single-minute view of an output folder: the stations with the tremor groups of one minute (<c>Tremor_candidate.csv</c>), into <see cref="RunLayout.TremorMinuteMapFile"/>.</summary>
    /// <param name="outputDirectory">A run's output folder.</param>
    /// <param name="stations">The station file the run used.</param>
    /// <param name="minute">The minute (UTC; seconds are dropped).</param>
    /// <returns>The picture's full path.</returns>
    /// <exception cref="InvalidFileException">The tremor groups table is missing or unreadable.</exception>
    public static string SaveMinuteMap(string outputDirectory, StationNetwork stations, DateTime minute)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        var layout = new RunLayout(outputDirectory ?? throw new ArgumentNullException(nameof(outputDirectory)));
        var start = new DateTime(minute.Ticks - (minute.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var groups = CandidateTableCsv.Read(Existing(layout, RunLayout.TremorCandidateFile), stations).Where(g => g.Minute == start).ToList();
        var path = layout.PathOf(RunLayout.TremorMinuteMapFile);
        StationMapPlot.SavePng(path, stations, groups, groups.Count == 0
            ? $"No tremor group at {start:yyyy-MM-dd HH:mm} UTC"
            : $"Tremor groups {start:yyyy-MM-dd HH:mm} UTC ({groups.Sum(g => g.Count)} stations)");
        return path;
    }

    /// <summary>Draws the four pictures; the whole catalogue goes to the timeline and the migration plot so that episode ids stay the catalogue's row numbers in a part of the range.</summary>
    private static void Draw(RunLayout layout, RunPictureSource source, double? strikeAzimuth, List<string> files, List<string> warnings, bool skipMissingSpectrogram = false)
    {
        var map = layout.PathOf(RunLayout.TremorMapFile);
        CatalogueMapPlot.SavePng(map, source.Stations, source.Catalogue.Where(e => e.Start < source.End && e.End > source.Start).ToList());
        files.Add(map);

        var migration = layout.PathOf(RunLayout.TremorMigrationFile);
        MigrationPlot.SavePng(migration, source.Stations, source.Groups, source.Catalogue, new MigrationOptions { StrikeAzimuth = strikeAzimuth, Start = source.Start, End = source.End });
        files.Add(migration);

        if (source.Tremor.HasAnyValue())
        {
            var timeline = layout.PathOf(RunLayout.TremorTimelineFile);
            ProbabilityTimelinePlot.SavePng(timeline, source.Stations, source.Tremor, source.Catalogue, new TimelineOptions { StrikeAzimuth = strikeAzimuth });
            files.Add(timeline);
        }
        else
        {
            warnings.Add($"no station-minute was classified; {RunLayout.TremorTimelineFile} not written");
        }

        var strongest = source.Strongest;
        if (strongest is null)
        {
            if (!skipMissingSpectrogram)
            {
                warnings.Add($"no classified station-minute to draw; {RunLayout.TremorSpectrogramFile} not written");
            }
            return;
        }
        var spectrogram = layout.PathOf(RunLayout.TremorSpectrogramFile);
        SpectrogramPlot.SavePng(spectrogram, strongest.Spectrogram.Span,
            string.Format(CultureInfo.InvariantCulture, "Strongest tremor detection: station {0}, {1:yyyy-MM-dd HH:mm} UTC, p(tremor) {2:F2}", strongest.StationName, strongest.Minute, strongest.TremorProbability));
        files.Add(spectrogram);
    }

    private static string Existing(RunLayout layout, string file)
    {
        var path = layout.PathOf(file);
        return File.Exists(path) ? path : throw new InvalidFileException(path, "not found: is this the output folder of a 'dietgrasp run'?");
    }
}
