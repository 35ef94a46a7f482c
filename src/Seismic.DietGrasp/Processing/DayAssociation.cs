using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// GrASP over day partitions, one day at a time (<c>associate</c>, and the second half of <c>run</c>): each day's
/// rows go straight to the three probability tables, its earthquake and tremor groups to the candidate tables,
/// and only what crosses midnight is carried: the earthquake groups of the ceil(Cat_window / 1440) days either
/// side that categorisation needs, and the tremor groups of an episode still open at the end of a day. So memory
/// is a day's tables plus those carries, whatever the range (a network-year: benchmarks/README.md). Every group and
/// episode is the one GrASP gives on the whole range at once, and every file the same bytes: GrASP's groups are per
/// minute; categorisation only looks Cat_window minutes away; an episode only joins groups one minute apart, so a
/// minute without any tremor group closes every episode before it. The caller writes <see cref="RunLayout.ManifestFile"/>
/// over <see cref="AssociationOutcome.Files"/> and whatever it adds (<c>run</c>: the warnings and the channel choices).
/// </summary>
internal static class DayAssociation
{
    private static readonly string[] TableFiles =
    {
        RunLayout.EarthquakeProbabilityFile, RunLayout.TremorProbabilityFile, RunLayout.NoiseProbabilityFile,
        RunLayout.EarthquakeCandidateFile, RunLayout.TremorCandidateFile, RunLayout.TremorCategoryFile, RunLayout.TremorCatalogueFile,
        RunLayout.TremorEpisodesFile, RunLayout.TremorAssignmentsFile,
    };

    /// <summary>
    /// Associates the days of [<paramref name="start"/>, <paramref name="end"/>) from <paramref name="store"/> into <paramref name="layout"/>'s
    /// top-level files; with <paramref name="collect"/> every table, group and episode is kept for the caller (<c>run</c> returns them), otherwise only counts.
    /// </summary>
    public static AssociationOutcome Run(DayStore store, StationNetwork stations, GraspParameters grasp, DateTime start, DateTime end, RunLayout layout, bool collect, IProgress<RunProgress>? progress, CancellationToken cancellation)
    {
        var graph = GraspAssociator.KnnGraph(stations, grasp.K);
        var positions = GraspAssociator.Project(stations, grasp.Epsg);
        var days = MinuteClock.Days(start, end);
        var outcome = new AssociationOutcome(collect);
        var files = TableFiles.Select(layout.PathOf).ToList();
        var probabilityHeader = ProbabilityTableCsv.Header(stations);
        var writers = new List<CsvTableWriter>();
        try
        {
            foreach (var header in new[] { probabilityHeader, probabilityHeader, probabilityHeader, probabilityHeader, probabilityHeader, CandidateTableCsv.CategorizedHeader(stations), TremorCatalogue.Header.Split(','), TidyCatalogue.EpisodesHeader.Split(','), TidyCatalogue.AssignmentsHeader.Split(',') })
            {
                writers.Add(new CsvTableWriter(files[writers.Count], header));
            }
            var carryDays = (int)Math.Min(days.Count, Math.Ceiling(grasp.CategoryWindow / (double)MinuteClock.MinutesPerDay));
            var earthquakesByDay = new Dictionary<int, IReadOnlyList<StationGroup>>();
            var pendingTremor = new Queue<(int Day, IReadOnlyList<StationGroup> Groups)>();
            var episodes = new EpisodeStream(stations, positions, writers[6], writers[7], writers[8], outcome);
            string? settings = null;
            string? settingsDay = null;

            void Categorize((int Day, IReadOnlyList<StationGroup> Groups) pending)
            {
                var nearby = Enumerable.Range(pending.Day - carryDays, (2 * carryDays) + 1)
                    .Where(earthquakesByDay.ContainsKey).SelectMany(d => earthquakesByDay[d]).ToList();
                foreach (var group in GraspAssociator.ApplyCategorization(graph, pending.Groups, nearby, grasp))
                {
                    writers[5].WriteRow(CandidateTableCsv.CategorizedRow(stations, group));
                    outcome.Categorized?.Add(group);
                    episodes.Add(group);
                }
                foreach (var old in earthquakesByDay.Keys.Where(d => d < pending.Day + 1 - carryDays).ToList())
                {
                    earthquakesByDay.Remove(old);
                }
            }

            for (var d = 0; d < days.Count; d++)
            {
                cancellation.ThrowIfCancellationRequested();
                var partition = store.Read(days[d].Start, days[d].End);
                var date = RunLayout.DayFolderName(days[d].Start);
                if (settings is null)
                {
                    settings = partition.SettingsHash;
                    settingsDay = date;
                }
                else if (settings != partition.SettingsHash)
                {
                    throw new InvalidParameterException("daysDirectory",
                        $"the partitions of {settingsDay} and {date} were made with other settings (version, model, high-pass, sensitivity or station file; see their {RunLayout.DayManifestFile}); make them again with the same ones");
                }
                var day = partition.Day;
                var tables = new[] { day.Earthquake, day.Tremor, day.Noise };
                for (var k = 0; k < 3; k++)
                {
                    for (var r = 0; r < tables[k].MinuteCount; r++)
                    {
                        writers[k].WriteRow(ProbabilityTableCsv.RowFields(tables[k], r));
                    }
                }
                var earthquakeGroups = GraspAssociator.ApplyNocut(graph, day.Earthquake, grasp);
                var tremorGroups = GraspAssociator.ApplyTremor(graph, day.Tremor, positions, grasp);
                foreach (var group in earthquakeGroups)
                {
                    writers[3].WriteRow(CandidateTableCsv.Row(stations, group, extra: 0));
                }
                foreach (var group in tremorGroups)
                {
                    writers[4].WriteRow(CandidateTableCsv.Row(stations, group, extra: 0));
                }
                outcome.AddDay(day, earthquakeGroups, tremorGroups, (date, partition.Manifest, partition.ManifestSha256));
                earthquakesByDay[d] = earthquakeGroups;
                pendingTremor.Enqueue((d, tremorGroups));
                while (pendingTremor.Count > 0 && pendingTremor.Peek().Day + carryDays <= d)
                {
                    Categorize(pendingTremor.Dequeue());
                }
                progress?.Report(new RunProgress(RunStage.Associating, d + 1, days.Count, 0, 0));
            }
            while (pendingTremor.Count > 0)
            {
                Categorize(pendingTremor.Dequeue());
            }
            episodes.Flush();
            cancellation.ThrowIfCancellationRequested();
            foreach (var writer in writers)
            {
                writer.Commit();
            }
            var runManifest = layout.PathOf(RunLayout.RunManifestFile);
            RunManifest.WriteRun(runManifest, start, end, grasp, graph.K, grasp.Epsg ?? GraspAssociator.CentroidUtmEpsg(stations), outcome.Days);
            files.Add(runManifest);
            outcome.Files = files;
            return outcome;
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }
        }
    }

    /// <summary>
    /// Categorised tremor groups in time order to catalogue episodes (the original's catalogue and the tidy episodes
    /// and assignments, ids counted from 1 across the range): groups are held until a minute without any closes every
    /// episode among them.
    /// </summary>
    private sealed class EpisodeStream
    {
        private readonly StationNetwork _stations;
        private readonly IReadOnlyList<PlanarPosition> _positions;
        private readonly CsvTableWriter _catalogue;
        private readonly CsvTableWriter _episodes;
        private readonly CsvTableWriter _assignments;
        private readonly AssociationOutcome _outcome;
        private readonly List<CategorizedGroup> _open = new();
        private int _id;

        public EpisodeStream(StationNetwork stations, IReadOnlyList<PlanarPosition> positions, CsvTableWriter catalogue, CsvTableWriter episodes, CsvTableWriter assignments, AssociationOutcome outcome)
        {
            _stations = stations;
            _positions = positions;
            _catalogue = catalogue;
            _episodes = episodes;
            _assignments = assignments;
            _outcome = outcome;
        }

        public void Add(CategorizedGroup group)
        {
            // TremorCatalogue.Build (maxGapMinutes 0) joins groups at most one minute apart.
            if (_open.Count > 0 && group.Group.Minute - _open[_open.Count - 1].Group.Minute > TimeSpan.FromMinutes(1))
            {
                Flush();
            }
            _open.Add(group);
        }

        public void Flush()
        {
            foreach (var (episode, groups) in TremorCatalogue.BuildWithGroups(_stations, _open))
            {
                _id++;
                _catalogue.WriteRow(TremorCatalogue.Fields(episode, _stations));
                _episodes.WriteRow(TidyCatalogue.EpisodeRow(_id, episode, _stations, _positions));
                foreach (var row in TidyCatalogue.AssignmentRows(_id, groups, _stations))
                {
                    _assignments.WriteRow(row);
                }
                _outcome.AddEpisode(episode);
            }
            _open.Clear();
        }
    }
}
