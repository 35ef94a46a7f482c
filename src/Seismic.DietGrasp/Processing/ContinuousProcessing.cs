using System.Collections.Concurrent;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The whole job on continuous records (<c>dietgrasp run</c>): waveform files in, per-minute DiET
/// probabilities, GrASP candidates, categories and a tremor catalogue out.
/// </summary>
/// <remarks>
/// Steps: index the files (headers only); match channels to the station file (<c>NET.STA</c> or <c>STA</c>,
/// component from the channel's last letter); for each UTC day, for each station and hour in parallel,
/// read the three components' window with margins, high-pass it (zero-phase, <see cref="RunOptions.HighPass"/>)
/// and resample a rate the spectrogram does not take (<see cref="Preprocessing.SpectrogramRate"/>), cut
/// clock-aligned minutes (minute m covers [m, m + 60 s)), remove each minute's mean, apply the sensitivity, make the spectrograms and classify them; keep only the
/// probabilities. A station-minute without a whole, gap-free minute of all three components, or with a
/// constant (dead) component, stays an empty cell, which GrASP treats as not detecting. Each day is
/// saved under OUT/days/YYYY-MM-DD/ with a completion marker written last, so a re-run skips finished
/// days; the top-level tables are assembled from the days and GrASP runs on them (categorisation's
/// window crosses midnight). Every file is written atomically: a killed run leaves no half-written file.
/// Memory is bounded by the workers' station-hour windows, not by the length of the record.
/// </remarks>
public static class ContinuousProcessing
{
    private static readonly Component[] Components = { Component.VX, Component.VY, Component.VZ };

    /// <summary>Runs the whole job (see the type's remarks).</summary>
    /// <param name="options">What to process and how.</param>
    /// <param name="progress">Receives progress reports (from worker threads), or null.</param>
    /// <param name="cancellation">Stops the run: finished days stay saved, nothing is left half-written, and <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The tables, groups, catalogue, counts and warnings.</returns>
    /// <exception cref="InvalidParameterException">The options are not valid (<see cref="RunOptions.Validate"/>), no waveform file, no station of the station file in the waveforms, or a time range that is empty or holds no waveform data.</exception>
    /// <exception cref="InvalidFileException">A corrupt waveform file (naming file and record) or a bad model.</exception>
    /// <exception cref="InvalidTableException">A bad station file.</exception>
    /// <exception cref="OutputInUseException">Another run is writing to the output folder.</exception>
    public static RunResult Run(RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        options.Validate();
        var stations = Metadata.MetadataFile.ReadStations(options.StationFile);
        // The graph and the projection first: a bad k or EPSG fails before hours of classification.
        var grasp = options.Grasp;
        var graph = GraspAssociator.KnnGraph(stations, grasp.K);
        var positions = GraspAssociator.Project(stations, grasp.Epsg);
        progress?.Report(new RunProgress(RunStage.Scanning, 0, 0, 0, 0));
        var archive = WaveformArchive.Scan(options.WaveformDirectory, options.MaxDegreeOfParallelism, options.OnCorrupt, cancellation);
        var warnings = new RunWarnings(options.Logger);
        RunLog.Indexed(options.Logger, archive);
        foreach (var name in archive.UnopenableFiles)
        {
            warnings.Add(RunWarningKind.FileLeftOut, $"{name}: the file name is not valid UTF-8, so it cannot be opened; left out (rename it to read it)");
        }
        var choices = new List<StationChannelChoice>();
        var matched = MatchChannels(options, stations, archive, warnings, choices);
        // Named with the station that uses the record's channel (none when no station does, or the header was unreadable).
        var stationOf = StationsOf(matched);
        foreach (var record in archive.LeftOut)
        {
            var station = record.Channel is { } id && stationOf.TryGetValue(id, out var used) ? used : null;
            warnings.Add(record.Corrupt ? RunWarningKind.CorruptRecord : RunWarningKind.RecordTimeLeftOut, record.Message, station, record.Channel, record.Time);
        }
        var (start, end) = TimeRange(options, archive);
        warnings.AddRange(DiscontinuityWarnings(archive, matched, start, end));
        warnings.AddRange(CoverageWarnings.For(archive, matched, start, end));
        var days = Days(start, end);
        RunLog.Range(options.Logger, start, end, days.Count, matched.Count);
        var preprocessor = new RunPreprocessor(options.HighPass);
        var rates = matched.SelectMany(m => m.Channels).SelectMany(archive.GetSegments).Select(segment => segment.SamplingRate).Distinct().ToList();
        foreach (var rate in rates.Where(r => r >= SpectrogramParameters.MinimumSamplingRate))
        {
            // A corner at or above a record's Nyquist frequency fails here, before hours of work.
            preprocessor.HighPass(rate);
        }
        var preprocessing = preprocessor.Describe(rates);
        var modelOptions = new DietModelOptions { BatchParallelism = options.MaxDegreeOfParallelism > 1 ? 1 : 0, InterOpThreads = 1 };
        using var model = options.ModelPath is null ? DietModel.LoadBundled(modelOptions) : DietModel.Load(options.ModelPath, modelOptions);
        var layout = new RunLayout(options.OutputDirectory);
        using var hold = OutputLock.Acquire(options.OutputDirectory);
        var removed = OutputLock.RemoveStaleTemporaries(options.OutputDirectory);
        if (removed > 0)
        {
            warnings.Add(RunWarningKind.Output, $"removed {removed} temporary file(s) left by an earlier run that was killed");
        }
        RunManifest.Begin(options.OutputDirectory);
        // A channel override is part of what made a day (a multi-channel miniSEED file can hold both sets, so the
        // day's input files alone would not tell); the automatic choice adds nothing, so earlier days stay valid.
        var channelSettings = options.Channels.Priority.Count == 0 && options.Channels.Location is null ? string.Empty : $"; channels {options.Channels}";
        var store = new DayStore(layout, stations, ModelIdentity(model, options.ModelPath), $"{options.Sensitivity?.Description ?? "counts"}; {preprocessing}{channelSettings}");

        // A day's minutes read the neighbouring days' edges (the filter's margins): their files are the day's inputs too.
        var inputs = new DayInputs(archive, options.WaveformDirectory, matched, preprocessor.ReadMargin(rates));
        var dayInputs = days.Select(day => inputs.For(day.Start, day.End)).ToList();
        var results = new DayResult?[days.Count];
        for (var d = 0; d < days.Count; d++)
        {
            results[d] = store.TryLoad(days[d].Start, days[d].End, dayInputs[d], out var reason);
            if (reason is not null)
            {
                warnings.Add(RunWarningKind.DayRecomputed, $"day {days[d].Start:yyyy-MM-dd} recomputed: {reason}", null, null, days[d].Start);
            }
        }
        var resumed = results.Count(r => r is not null);
        var total = days.Where((_, d) => results[d] is null).Sum(day => (long)HoursOf(day.Start, day.End).Count * matched.Count);
        var tracker = new ProgressTracker(progress, days.Count, resumed, total);
        tracker.Report();
        var parameters = new ConcurrentDictionary<double, SpectrogramParameters>();
        for (var d = 0; d < days.Count; d++)
        {
            if (results[d] is not null)
            {
                RunLog.Day(options.Logger, days[d].Start, "resumed from an earlier run");
                warnings.AddRange(results[d]!.Warnings);
                continue;
            }
            cancellation.ThrowIfCancellationRequested();
            results[d] = ClassifyDay(options, archive, model, parameters, preprocessor, stations, matched, days[d].Start, days[d].End, tracker, cancellation);
            store.Save(days[d].Start, days[d].End, results[d]!, dayInputs[d]);
            tracker.DayDone();
            RunLog.Day(options.Logger, days[d].Start, "computed");
            warnings.AddRange(results[d]!.Warnings);
        }
        var dayResults = results.Select(r => r!).ToList();
        WriteDayParquet(layout, stations, days, dayResults, warnings);

        progress?.Report(new RunProgress(RunStage.Associating, days.Count, days.Count, total, total));
        var earthquake = Concatenate(stations.Count, dayResults.Select(r => r.Earthquake).ToList());
        var tremor = Concatenate(stations.Count, dayResults.Select(r => r.Tremor).ToList());
        var noise = Concatenate(stations.Count, dayResults.Select(r => r.Noise).ToList());
        var files = new List<string>();
        string Output(string name)
        {
            var path = layout.PathOf(name);
            files.Add(path);
            return path;
        }
        ProbabilityTableCsv.Write(Output(RunLayout.EarthquakeProbabilityFile), earthquake, stations);
        ProbabilityTableCsv.Write(Output(RunLayout.TremorProbabilityFile), tremor, stations);
        ProbabilityTableCsv.Write(Output(RunLayout.NoiseProbabilityFile), noise, stations);
        cancellation.ThrowIfCancellationRequested();

        var earthquakeGroups = GraspAssociator.ApplyNocut(graph, earthquake, grasp);
        var tremorGroups = GraspAssociator.ApplyTremor(graph, tremor, positions, grasp);
        var categorized = GraspAssociator.ApplyCategorization(graph, tremorGroups, earthquakeGroups, grasp);
        var episodes = TremorCatalogue.BuildWithGroups(stations, categorized);
        var catalogue = episodes.Select(e => e.Episode).ToList();
        CandidateTableCsv.Write(Output(RunLayout.EarthquakeCandidateFile), stations, earthquakeGroups);
        CandidateTableCsv.Write(Output(RunLayout.TremorCandidateFile), stations, tremorGroups);
        CandidateTableCsv.WriteCategorized(Output(RunLayout.TremorCategoryFile), stations, categorized);
        TremorCatalogue.Write(Output(RunLayout.TremorCatalogueFile), stations, catalogue);
        IO.TidyCatalogue.Write(Output(RunLayout.TremorEpisodesFile), Output(RunLayout.TremorAssignmentsFile), stations, positions, episodes);
        // Every warning, uncapped (the command line shows the first 20 and points here).
        RunWarning.WriteFile(Output(RunLayout.WarningsFile), warnings.List);
        // What the pictures need beyond the tables (Seismic.DietGrasp.Plotting draws them from the result).
        var strongest = StrongestTremor(tremor, tremorGroups, new StationHourClassifier(archive, model, options.Sensitivity, parameters, preprocessor), matched);

        RunManifest.WriteChannelChoices(Output(RunLayout.ChannelChoiceFile), options.Channels, choices);
        RunManifest.Write(options.OutputDirectory, files);
        progress?.Report(new RunProgress(RunStage.Finished, days.Count, days.Count, total, total));
        var modelDescription = model.IsBundledStandIn
            ? $"{model.Source} (a stand-in of our own, trained on synthetic and a few real records, not the published DiET weights)"
            : model.Source;
        return new RunResult(stations, start, end, earthquake, tremor, noise, earthquakeGroups, tremorGroups, categorized, catalogue,
            days.Count - resumed, resumed, files, warnings.List, modelDescription, strongest, preprocessing, choices);
    }

    /// <summary>Each day's long-form Parquet beside its tables, rewritten every run (a resumed day too: it is derived, and cheap).</summary>
    private static void WriteDayParquet(RunLayout layout, StationNetwork stations, List<(DateTime Start, DateTime End)> days, List<DayResult> dayResults, RunWarnings warnings)
    {
        if (!IO.ProbabilityParquet.IsSupported)
        {
            warnings.Add(RunWarningKind.Output, $"the per-day {RunLayout.DayProbabilityParquetFile} files need the net10.0 build of Seismic.DietGrasp (Parquet.Net targets .NET 8 and later); only the CSV tables were written");
            return;
        }
        for (var d = 0; d < days.Count; d++)
        {
            IO.ProbabilityParquet.Write(Path.Combine(layout.DayDirectory(days[d].Start), RunLayout.DayProbabilityParquetFile), stations, dayResults[d].Earthquake, dayResults[d].Tremor, dayResults[d].Noise);
        }
    }

    private static DayResult ClassifyDay(RunOptions options, WaveformArchive archive, DietModel model, ConcurrentDictionary<double, SpectrogramParameters> parameters, RunPreprocessor preprocessor,
        StationNetwork stations, IReadOnlyList<StationChannels> matched, DateTime start, DateTime end, ProgressTracker tracker, CancellationToken cancellation)
    {
        var day = new DayProbabilities(start, end, stations.Count);
        var hours = HoursOf(start, end);
        var work = matched.SelectMany(station => hours.Select(hour => (Station: station, hour.Start, hour.End))).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation };
        try
        {
            Parallel.ForEach(
                work,
                parallel,
                () => new StationHourClassifier(archive, model, options.Sensitivity, parameters, preprocessor),
                (item, _, worker) =>
                {
                    cancellation.ThrowIfCancellationRequested();
                    worker.Classify(item.Station, item.Start, item.End, day);
                    tracker.StationHourDone();
                    return worker;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first failure as itself (a DietGraspException naming the file), not wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(
                e.InnerExceptions.OrderBy(inner => inner is OperationCanceledException ? 0 : inner is DietGraspException ? 1 : 2).First()).Throw();
            throw;
        }
        var dayWarnings = day.OrderedWarnings();
        var minutes = Enumerable.Range(0, day.MinuteCount).Select(m => start.AddMinutes(m)).ToArray();
        return new DayResult(
            new ProbabilityTable(stations.Count, minutes, day.Earthquake),
            new ProbabilityTable(stations.Count, minutes, day.Tremor),
            new ProbabilityTable(stations.Count, minutes, day.Noise),
            dayWarnings);
    }

    /// <summary>The strongest tremor detection with its spectrogram: within a tremor group when there is one, else anywhere in the table; null when nothing was classified.</summary>
    private static StationMinuteSpectrogram? StrongestTremor(ProbabilityTable tremor, IReadOnlyList<StationGroup> tremorGroups, StationHourClassifier classifier, IReadOnlyList<StationChannels> matched)
    {
        var candidates = tremorGroups.Count > 0
            ? tremorGroups.SelectMany(g => g.Stations.Select((s, i) => (g.Minute, Station: s, P: g.Probabilities[i])))
            : Enumerable.Range(0, tremor.MinuteCount).SelectMany(r => Enumerable.Range(0, tremor.StationCount).Select(s => (Minute: tremor.Minutes[r], Station: s, P: tremor[r, s])));
        var strongest = candidates.Where(c => !float.IsNaN(c.P)).OrderByDescending(c => c.P).ThenBy(c => c.Minute).ThenBy(c => c.Station).Take(1).ToList();
        var station = strongest.Count == 1 ? matched.FirstOrDefault(m => m.Station == strongest[0].Station) : null;
        var spectrogram = station is null ? null : classifier.Spectrogram(station, strongest[0].Minute);
        return spectrogram is null ? null : new StationMinuteSpectrogram(station!.Station, station.Name, strongest[0].Minute, strongest[0].P, spectrogram);
    }

    private static List<StationChannels> MatchChannels(RunOptions options, StationNetwork stations, WaveformArchive archive, RunWarnings warnings, List<StationChannelChoice> choices)
    {
        if (archive.Channels.Count == 0)
        {
            throw new InvalidParameterException("waveformDirectory", $"no SAC or miniSEED file in '{options.WaveformDirectory}'");
        }
        if (archive.SkippedFiles.Count > 0)
        {
            warnings.Add(RunWarningKind.FileLeftOut, $"{archive.SkippedFiles.Count} file(s) in the waveform folder are neither SAC nor miniSEED and were left out (first: {archive.SkippedFiles[0]})");
        }
        var matched = new List<StationChannels>();
        var used = new HashSet<ChannelId>();
        for (var s = 0; s < stations.Count; s++)
        {
            var name = stations.Names[s];
            var choice = ChannelChooser.Choose(name, archive.Channels.Where(id => id.IsStation(name)), id => ChannelChooser.MainRate(archive, id), options.Channels);
            choices.Add(choice);
            if (choice.Chosen is null)
            {
                warnings.Add(RunWarningKind.Channel, $"{name}: {choice.Reason}; its cells are empty", name);
                continue;
            }
            var channels = choice.Chosen.Channels.ToArray();
            used.UnionWith(channels);
            matched.Add(new StationChannels(s, name, channels));
        }
        if (matched.Count == 0)
        {
            throw new InvalidParameterException("stationFile",
                $"no station of '{options.StationFile}' has three components in '{options.WaveformDirectory}' (stations there: {string.Join(", ", archive.Stations.Take(10))}{(archive.Stations.Count > 10 ? ", ..." : string.Empty)}); names must match NET.STA or STA");
        }
        var unmatched = archive.Channels.Where(id => !used.Contains(id)).Select(id => id.ToString()).ToList();
        if (unmatched.Count > 0)
        {
            warnings.Add(RunWarningKind.Channel, $"{unmatched.Count} channel(s) not used (station not in the station file, not a VX/VY/VZ component, or not the station's chosen set): {string.Join(", ", unmatched.Take(10))}{(unmatched.Count > 10 ? ", ..." : string.Empty)}");
        }
        return matched;
    }

    private static (DateTime Start, DateTime End) TimeRange(RunOptions options, WaveformArchive archive)
    {
        var start = options.StartTime ?? MinuteClock.Floor(archive.StartTime);
        var end = options.EndTime ?? MinuteClock.Ceiling(archive.EndTime);
        if (start >= end)
        {
            throw new InvalidParameterException("startTime", $"the time range [{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}) is empty (the waveforms cover {archive.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {archive.EndTime:yyyy-MM-ddTHH:mm:ssZ})");
        }
        if (options.StartTime is null && options.EndTime is null)
        {
            ArchiveSpan.CheckNotMostlyEmpty(archive, start, end);
        }
        if (end <= archive.StartTime || start >= archive.EndTime)
        {
            // A mistyped year would otherwise give days of empty cells (and folders) for nothing.
            throw new InvalidParameterException(options.StartTime is not null && start >= archive.EndTime ? "startTime" : "endTime",
                $"the time range [{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}) holds no waveform data (the waveforms cover {archive.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {archive.EndTime:yyyy-MM-ddTHH:mm:ssZ})");
        }
        // Issue 16: "--end 12:08" read as today gave 1,003 days of empty tables; a range may pad the data by a day, no more.
        var beyond = options.EndTime is { } last && last > archive.EndTime.AddDays(1) ? "endTime"
            : options.StartTime is { } first && first < archive.StartTime.AddDays(-1) ? "startTime"
            : null;
        if (beyond is not null)
        {
            throw new InvalidParameterException(beyond,
                $"the time range [{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}) reaches more than a day past the waveforms, which cover {archive.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {archive.EndTime:yyyy-MM-ddTHH:mm:ssZ}");
        }
        return (start, end);
    }

    private static IEnumerable<RunWarning> DiscontinuityWarnings(WaveformArchive archive, IReadOnlyList<StationChannels> matched, DateTime start, DateTime end)
    {
        var stationOf = StationsOf(matched);
        return archive.Discontinuities
            .Where(d => stationOf.ContainsKey(d.Id) && d.EndTime >= start && d.StartTime < end)
            .GroupBy(d => d.Id)
            .Select(g => new RunWarning(RunWarningKind.Discontinuity,
                $"{g.Key}: {string.Join(", ", g.GroupBy(d => d.Kind).Select(k => $"{k.Count()} {k.Key}(s)"))} (first at {g.First().StartTime:yyyy-MM-ddTHH:mm:ss.fffZ}); minutes they touch are left empty where samples are missing or disagree",
                stationOf[g.Key], g.Key, g.First().StartTime));
    }


    /// <summary>The station (its name in the station file) that uses each matched channel.</summary>
    private static Dictionary<ChannelId, string> StationsOf(IReadOnlyList<StationChannels> matched) =>
        matched.SelectMany(m => m.Channels.Select(id => (Id: id, m.Name))).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name);

    private static List<(DateTime Start, DateTime End)> Days(DateTime start, DateTime end)
    {
        var days = new List<(DateTime, DateTime)>();
        for (var day = MinuteClock.Floor(start, TimeSpan.TicksPerDay); day < end; day = day.AddDays(1))
        {
            days.Add((day < start ? start : day, day.AddDays(1) > end ? end : day.AddDays(1)));
        }
        return days;
    }

    internal static List<(DateTime Start, DateTime End)> HoursOf(DateTime start, DateTime end)
    {
        var hours = new List<(DateTime, DateTime)>();
        for (var hour = MinuteClock.Floor(start, TimeSpan.TicksPerHour); hour < end; hour = hour.AddHours(1))
        {
            hours.Add((hour < start ? start : hour, hour.AddHours(1) > end ? end : hour.AddHours(1)));
        }
        return hours;
    }

    private static ProbabilityTable Concatenate(int stationCount, IReadOnlyList<ProbabilityTable> days)
    {
        var minutes = days.SelectMany(day => day.Minutes).ToArray();
        var values = new float[minutes.Length * stationCount];
        var row = 0;
        foreach (var day in days)
        {
            for (var r = 0; r < day.MinuteCount; r++, row++)
            {
                day.Row(r).CopyTo(values.AsSpan(row * stationCount, stationCount));
            }
        }
        return new ProbabilityTable(stationCount, minutes, values);
    }

    private static string ModelIdentity(DietModel model, string? path)
    {
        if (path is null)
        {
            return $"bundled {model.Source}";
        }
        var file = new FileInfo(path);
        return $"{file.FullName} {file.Length} {file.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>Counts finished station-hours and days across worker threads and reports them.</summary>
    private sealed class ProgressTracker
    {
        private readonly IProgress<RunProgress>? _progress;
        private readonly int _dayCount;
        private readonly long _total;
        private int _daysDone;
        private long _done;

        public ProgressTracker(IProgress<RunProgress>? progress, int dayCount, int daysDone, long total)
        {
            _progress = progress;
            _dayCount = dayCount;
            _daysDone = daysDone;
            _total = total;
        }

        public void StationHourDone()
        {
            Interlocked.Increment(ref _done);
            Report();
        }

        public void DayDone()
        {
            Interlocked.Increment(ref _daysDone);
            Report();
        }

        public void Report() =>
            _progress?.Report(new RunProgress(RunStage.Classifying, Volatile.Read(ref _daysDone), _dayCount, Interlocked.Read(ref _done), _total));
    }
}
