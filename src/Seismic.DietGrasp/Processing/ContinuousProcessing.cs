using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
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
        // The graph and the projection first: a bad k or EPSG fails before hours of classification.
        var stations = StationsFor(options.StationFile, options.Grasp);
        progress?.Report(new RunProgress(RunStage.Scanning, 0, 0, 0, 0));
        var archive = WaveformArchive.Scan(options.WaveformDirectory, options.MaxDegreeOfParallelism, options.OnCorrupt, cancellation);
        var warnings = new RunWarnings(options.Logger);
        RunLog.Indexed(options.Logger, archive);
        var choices = new List<StationChannelChoice>();
        var matched = MatchChannels(options, stations, archive, warnings, choices);
        var (start, end) = TimeRange(options, archive);
        warnings.AddRange(DiscontinuityWarnings(archive, matched, start, end));
        warnings.AddRange(CoverageWarnings.For(archive, matched, start, end));
        var days = MinuteClock.Days(start, end);
        RunLog.Range(options.Logger, start, end, days.Count, matched.Count);
        using var setup = new ClassificationSetup(options, archive, matched);
        var layout = new RunLayout(options.OutputDirectory);
        using var hold = OutputLock.Acquire(options.OutputDirectory);
        // Only the top level here: a day folder may be another process's (a 'day' task) until its lock is held.
        var removed = OutputLock.RemoveStaleTemporaries(options.OutputDirectory, recursive: false);
        RunManifest.Begin(options.OutputDirectory);
        var store = new DayStore(layout.DaysDirectory, stations, RunProvenance.For(options, stations));

        // A day's minutes read the neighbouring days' edges (the filter's margins): their files are the day's inputs too.
        var inputs = new DayInputs(archive, options.WaveformDirectory, matched, setup.ReadMargin);
        var dayInputs = days.Select(day => inputs.For(day.Start, day.End)).ToList();
        var finished = new bool[days.Count];
        for (var d = 0; d < days.Count; d++)
        {
            finished[d] = store.IsFinished(days[d].Start, days[d].End, dayInputs[d], out var reason);
            if (reason is not null)
            {
                warnings.Add(RunWarningKind.DayRecomputed, $"day {days[d].Start:yyyy-MM-dd} recomputed: {reason}", null, null, days[d].Start);
            }
        }
        var resumed = finished.Count(f => f);
        var total = days.Where((_, d) => !finished[d]).Sum(day => (long)MinuteClock.Hours(day.Start, day.End).Count * matched.Count);
        var tracker = new ProgressTracker(progress, days.Count, resumed, total);
        tracker.Report();
        for (var d = 0; d < days.Count; d++)
        {
            if (finished[d])
            {
                RunLog.Day(options.Logger, days[d].Start, "resumed from an earlier run");
                continue;
            }
            cancellation.ThrowIfCancellationRequested();
            using (OutputLock.Acquire(store.Folder(days[d].Start)))
            {
                removed += OutputLock.RemoveStaleTemporaries(store.Folder(days[d].Start), recursive: false);
                var day = ClassifyDay(options, archive, setup, stations, matched, days[d].Start, days[d].End, tracker, cancellation);
                store.Save(days[d].Start, days[d].End, day, dayInputs[d], setup.Description);
            }
            tracker.DayDone();
            RunLog.Day(options.Logger, days[d].Start, "computed");
        }
        if (removed > 0)
        {
            warnings.Add(RunWarningKind.Output, $"removed {removed} temporary file(s) left by an earlier run that was killed");
        }
        WarnWithoutParquet(warnings);

        progress?.Report(new RunProgress(RunStage.Associating, days.Count, days.Count, total, total));
        var outcome = DayAssociation.Run(store, stations, options.Grasp, start, end, layout, collect: true, null, cancellation);
        warnings.AddRange(outcome.Warnings);
        var files = outcome.Files.ToList();
        string Output(string name)
        {
            var path = layout.PathOf(name);
            files.Add(path);
            return path;
        }
        // Every warning, uncapped (the command line shows the first 20 and points here), and each station's channel set.
        RunWarning.WriteFile(Output(RunLayout.WarningsFile), warnings.List);
        RunManifest.WriteChannelChoices(Output(RunLayout.ChannelChoiceFile), options.Channels, choices);
        RunManifest.Write(options.OutputDirectory, files);
        var earthquake = outcome.Table(0, stations.Count);
        var tremor = outcome.Table(1, stations.Count);
        var noise = outcome.Table(2, stations.Count);
        // What the pictures need beyond the tables (Seismic.DietGrasp.Plotting draws them from the result).
        var strongest = StrongestTremor(tremor, outcome.TremorGroups!, new StationHourClassifier(archive, setup.Model, options.Sensitivity, setup.Parameters, setup.Preprocessor), matched);
        progress?.Report(new RunProgress(RunStage.Finished, days.Count, days.Count, total, total));
        return new RunResult(stations, start, end, earthquake, tremor, noise, outcome.EarthquakeGroups!, outcome.TremorGroups!, outcome.Categorized!, outcome.Episodes!,
            days.Count - resumed, resumed, files, warnings.List, setup.ModelDescription, strongest, setup.Description, choices);
    }

    /// <summary>
    /// One UTC day of the job (<c>dietgrasp day</c>): the day's minutes classified from the archive into its day
    /// partition, OUT/days/YYYY-MM-DD/ (the tables, warnings.tsv, probabilities.parquet, day.json and the completion marker), the same
    /// files <see cref="Run"/> writes for that day, so <see cref="Associate"/> over the partitions gives
    /// <see cref="Run"/>'s outputs byte for byte. Skipped when a finished partition was made with the same
    /// settings (version, model SHA-256, high-pass, sensitivities, stations) from the same input files. Only the
    /// day's folder is locked: tasks of other days may write beside it at the same time. In an SDS archive
    /// (<see cref="SdsArchive"/>) only the files of the day and of its two neighbours are opened (a record filed under
    /// the previous day may run past midnight; the filter's margin reaches into the next day); a plain folder is
    /// indexed whole, as <see cref="Run"/> does. The time range and the GrASP parameters of
    /// <paramref name="options"/> are not used.
    /// </summary>
    /// <param name="options">What to process and how (the waveforms, stations, output folder, model, high-pass, sensitivity, threads).</param>
    /// <param name="date">The UTC day (midnight; a <see cref="DateTimeKind.Unspecified"/> time is read as UTC).</param>
    /// <param name="progress">Receives progress reports, or null.</param>
    /// <param name="cancellation">Stops the task; nothing is left half-written.</param>
    /// <returns>Whether the day was computed or already done, its folder and the warnings.</returns>
    /// <exception cref="InvalidParameterException">The options are not valid (<see cref="RunOptions.Validate"/>), <paramref name="date"/> is not a midnight, or no station of the station file is in the waveforms.</exception>
    /// <exception cref="InvalidFileException">A corrupt waveform file or a bad model.</exception>
    /// <exception cref="OutputInUseException">Another process is writing this day.</exception>
    public static DayTaskResult RunDay(RunOptions options, DateTime date, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        options.Validate();
        var start = MinuteClock.Utc(date);
        if (start.TimeOfDay != TimeSpan.Zero)
        {
            throw new InvalidParameterException(nameof(date), $"{start:yyyy-MM-ddTHH:mm:ssZ} is not a UTC day; expected a date such as 2016-04-01 (midnight UTC)");
        }
        var end = start.AddDays(1);
        var stations = Metadata.MetadataFile.ReadStations(options.StationFile);
        progress?.Report(new RunProgress(RunStage.Scanning, 0, 1, 0, 0));
        var sds = SdsArchive.IsSds(options.WaveformDirectory);
        var archive = sds
            ? WaveformArchive.FromFiles(new[] { start.AddDays(-1), start, end }.SelectMany(day => SdsArchive.FilesOf(options.WaveformDirectory, day)), options.MaxDegreeOfParallelism, options.OnCorrupt, cancellation)
            : WaveformArchive.Scan(options.WaveformDirectory, options.MaxDegreeOfParallelism, options.OnCorrupt, cancellation);
        var warnings = new RunWarnings(options.Logger);
        RunLog.Indexed(options.Logger, archive);
        List<StationChannels> matched;
        if (sds && archive.Channels.Count == 0)
        {
            warnings.Add(RunWarningKind.Coverage, $"no file of {start:yyyy-MM-dd} or its neighbouring days in the SDS archive '{options.WaveformDirectory}'; every cell of the day is empty", null, null, start);
            matched = new List<StationChannels>();
        }
        else
        {
            matched = MatchChannels(options, stations, archive, warnings, new List<StationChannelChoice>());
            if (end <= archive.StartTime || start >= archive.EndTime)
            {
                warnings.Add(RunWarningKind.Coverage, $"the waveforms cover {archive.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {archive.EndTime:yyyy-MM-ddTHH:mm:ssZ}, nothing of {start:yyyy-MM-dd}; every cell of the day is empty", null, null, start);
            }
        }
        warnings.AddRange(DiscontinuityWarnings(archive, matched, start, end));
        warnings.AddRange(CoverageWarnings.For(archive, matched, start, end));
        using var setup = new ClassificationSetup(options, archive, matched);
        var store = new DayStore(new RunLayout(options.OutputDirectory).DaysDirectory, stations, RunProvenance.For(options, stations));
        var folder = store.Folder(start);
        using var hold = OutputLock.Acquire(folder);
        var removed = OutputLock.RemoveStaleTemporaries(folder, recursive: false);
        if (removed > 0)
        {
            warnings.Add(RunWarningKind.Output, $"removed {removed} temporary file(s) left by an earlier task that was killed");
        }
        WarnWithoutParquet(warnings);
        var inputs = new DayInputs(archive, options.WaveformDirectory, matched, setup.ReadMargin).For(start, end);
        if (store.IsFinished(start, end, inputs, out var reason))
        {
            return new DayTaskResult(start, folder, false, inputs.Select(DayInputs.PathOf).ToList(), warnings.List, setup.Description);
        }
        if (reason is not null)
        {
            warnings.Add(RunWarningKind.DayRecomputed, $"day {start:yyyy-MM-dd} recomputed: {reason}", null, null, start);
        }
        var total = (long)MinuteClock.Hours(start, end).Count * matched.Count;
        var tracker = new ProgressTracker(progress, 1, 0, total);
        tracker.Report();
        var result = ClassifyDay(options, archive, setup, stations, matched, start, end, tracker, cancellation);
        store.Save(start, end, result, inputs, setup.Description);
        tracker.DayDone();
        warnings.AddRange(result.Warnings);
        return new DayTaskResult(start, folder, true, inputs.Select(DayInputs.PathOf).ToList(), warnings.List, setup.Description);
    }

    /// <summary>
    /// GrASP over finished day partitions (<c>dietgrasp associate</c>): streams the days of the range in order, one
    /// at a time, with the carry-over that categorisation and midnight-crossing episodes need, and writes the
    /// probability and candidate tables, the categories, the catalogue, run.json and manifest.sha256 to the output
    /// folder: the bytes <see cref="Run"/> writes for the same days. Memory is bounded by a day (and the
    /// categorisation window), not by the range. Every day must have a finished partition, all made with the same
    /// settings.
    /// </summary>
    /// <param name="options">The partitions' folder, the station file, the output folder, the range and the GrASP parameters.</param>
    /// <param name="progress">Receives a report per day associated, or null.</param>
    /// <param name="cancellation">Stops the association; no top-level file is replaced by a partial one.</param>
    /// <returns>The counts, the files written and the days' warnings.</returns>
    /// <exception cref="InvalidParameterException">The options are not valid (<see cref="AssociationOptions.Validate"/>), a day without a finished partition, or partitions made with different settings; a bad k or EPSG.</exception>
    /// <exception cref="InvalidFileException">A damaged partition.</exception>
    /// <exception cref="InvalidTableException">A bad station file.</exception>
    /// <exception cref="OutputInUseException">Another run is writing to the output folder.</exception>
    public static AssociationResult Associate(AssociationOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        options.Validate();
        var stations = StationsFor(options.StationFile, options.Grasp);
        var layout = new RunLayout(options.OutputDirectory);
        using var hold = OutputLock.Acquire(options.OutputDirectory);
        OutputLock.RemoveStaleTemporaries(options.OutputDirectory, recursive: false);
        RunManifest.Begin(options.OutputDirectory);
        var store = new DayStore(options.DaysDirectory, stations, null);
        var outcome = DayAssociation.Run(store, stations, options.Grasp, options.StartTime, options.EndTime, layout, collect: false, progress, cancellation);
        RunManifest.Write(options.OutputDirectory, outcome.Files);
        return new AssociationResult(options.StartTime, options.EndTime, outcome.Days.Count, outcome.CompleteStationMinutes, outcome.EmptyStationMinutes,
            outcome.EarthquakeGroupCount, outcome.TremorGroupCount, outcome.EpisodeCount, outcome.Files, outcome.Warnings);
    }

    /// <summary>The station file, read, with GrASP's graph and projection checked on it (a bad k or EPSG fails here).</summary>
    private static StationNetwork StationsFor(string stationFile, GraspParameters grasp)
    {
        var stations = Metadata.MetadataFile.ReadStations(stationFile);
        GraspAssociator.KnnGraph(stations, grasp.K);
        GraspAssociator.Project(stations, grasp.Epsg);
        return stations;
    }

    /// <summary>The per-day Parquet files need Parquet.Net, which targets .NET 8 and later.</summary>
    private static void WarnWithoutParquet(RunWarnings warnings)
    {
        if (!ProbabilityParquet.IsSupported)
        {
            warnings.Add(RunWarningKind.Output, $"the per-day {RunLayout.DayProbabilityParquetFile} files need the net10.0 build of Seismic.DietGrasp (Parquet.Net targets .NET 8 and later); only the CSV tables were written");
        }
    }

    private static DayResult ClassifyDay(RunOptions options, WaveformArchive archive, ClassificationSetup setup, StationNetwork stations, IReadOnlyList<StationChannels> matched, DateTime start, DateTime end, ProgressTracker tracker, CancellationToken cancellation)
    {
        var day = new DayProbabilities(start, end, stations.Count);
        var hours = MinuteClock.Hours(start, end);
        var work = matched.SelectMany(station => hours.Select(hour => (Station: station, hour.Start, hour.End))).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation };
        try
        {
            Parallel.ForEach(
                work,
                parallel,
                () => new StationHourClassifier(archive, setup.Model, options.Sensitivity, setup.Parameters, setup.Preprocessor),
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
        var dayWarnings = day.OrderedWarnings(stations.Names);
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
        foreach (var name in archive.UnopenableFiles)
        {
            warnings.Add(RunWarningKind.FileLeftOut, $"{name}: the file name is not valid UTF-8, so it cannot be opened; left out (rename it to read it)");
        }
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
        // Named with the station that uses the record's channel (none when no station does, or the header was unreadable).
        var stationOf = StationsOf(matched);
        foreach (var record in archive.LeftOut)
        {
            var station = record.Channel is { } id && stationOf.TryGetValue(id, out var user) ? user : null;
            warnings.Add(record.Corrupt ? RunWarningKind.CorruptRecord : RunWarningKind.RecordTimeLeftOut, record.Message, station, record.Channel, record.Time);
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
