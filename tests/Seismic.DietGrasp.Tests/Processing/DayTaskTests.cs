using System.Globalization;
using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// <c>day</c> + <c>associate</c> against <c>run</c> on a 3-day SDS archive (<see cref="SyntheticSdsArchive"/>: every
/// day a record from 23:50 past midnight, filed under the day it starts, with tremor across midnight).
/// </summary>
public sealed class DayTaskTests
{
    private static readonly DateTime First = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<(string Sds, string Stations)> Archive = new(() =>
    {
        var folder = TestPaths.NewSharedFolder();
        var sds = Path.Combine(folder, "sds");
        var stations = Path.Combine(folder, "stations.csv");
        SyntheticSdsArchive.Write(sds, stations, First, 3);
        return (sds, stations);
    });

    // One run over the three days, and the same days as three day tasks and an associate, all by the command line.
    private static readonly Lazy<(string Run, string Days)> Reference = new(() =>
    {
        var (sds, stations) = Archive.Value;
        var run = Path.Combine(TestPaths.NewSharedFolder(), "run");
        ContinuousProcessing.Run(new RunOptions(sds, stations, run) { StartTime = First, EndTime = First.AddDays(3), MaxDegreeOfParallelism = 2 });
        var days = Path.Combine(TestPaths.NewSharedFolder(), "days");
        foreach (var date in new[] { "2016-04-03", "2016-04-01", "2016-04-02" })
        {
            var day = CliRunner.Run("day", "--date", date, "--waveforms", sds, "--stations", stations, "--out", days, "--threads", "2");
            Assert.True(day.ExitCode == CliApp.Success, day.Error);
        }
        var associate = CliRunner.Run("associate", "--days", Path.Combine(days, RunLayout.DaysFolder), "--stations", stations, "--out", days,
            "--start", "2016-04-01T00:00:00Z", "--end", "2016-04-04T00:00:00Z");
        Assert.True(associate.ExitCode == CliApp.Success, associate.Error);
        return (run, days);
    });

    [Fact]
    public void Run_equals_three_day_tasks_then_associate_byte_for_byte()
    {
        var (run, days) = Reference.Value;
        // What run adds of its own: the warnings of its whole scan and each station's channel set (and their lines in its manifest).
        var ownReports = new[] { RunLayout.WarningsFile, RunLayout.ChannelChoiceFile, RunLayout.ManifestFile };
        var files = Directory.GetFiles(run).Select(Path.GetFileName).Where(name => !name!.StartsWith('.') && !ownReports.Contains(name))
            .Concat(Directory.GetDirectories(Path.Combine(run, RunLayout.DaysFolder)).SelectMany(Directory.GetFiles)
                .Where(path => !Path.GetFileName(path).StartsWith('.')).Select(path => Path.GetRelativePath(run, path)))
            .ToList();
        // 9 tables and run.json; each of 3 days: 3 tables, warnings, Parquet, day.json, marker.
        Assert.Equal(10 + (3 * 7), files.Count);
        Assert.All(files, name => Assert.True(File.ReadAllBytes(Path.Combine(run, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(days, name!))), $"{name} differs"));
        // associate's manifest is run's, less the lines of run's own reports.
        var runManifest = File.ReadAllLines(Path.Combine(run, RunLayout.ManifestFile));
        Assert.Equal(File.ReadAllLines(Path.Combine(days, RunLayout.ManifestFile)), runManifest.Where(line => !ownReports.Contains(line.Substring(66))));
        Assert.Equal(10 + 2, runManifest.Length);
    }

    [Fact]
    public void A_tremor_episode_across_midnight_stays_one_episode()
    {
        var (run, _) = Reference.Value;
        var stations = StationNetworkCsv.Read(Archive.Value.Stations);
        var episodes = TremorCatalogue.Read(Path.Combine(run, RunLayout.TremorCatalogueFile), stations);
        // Days 1 and 2 end in tremor 23:57-00:03 on S01, S02, S04, S05; day 3's is cut by the range's end.
        foreach (var day in new[] { First, First.AddDays(1) })
        {
            var episode = Assert.Single(episodes, e => e.Start == day.AddHours(23).AddMinutes(57));
            Assert.Equal(day.AddDays(1).AddMinutes(3), episode.End);
            Assert.Equal(new[] { 0, 1, 3, 4 }, episode.Stations.OrderBy(s => s));
        }
        var manifest = File.ReadAllText(Path.Combine(run, RunLayout.RunManifestFile));
        Assert.Contains("\"sha256\": \"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"card\": \"diet-standin-v8.json\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"cat_window_minutes\": 1", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sds_day_opens_only_its_own_files_and_its_neighbours()
    {
        var (sds, stations) = Archive.Value;
        var root = Path.Combine(TestPaths.NewScratchFolder(), "sds");
        CopyFolder(sds, root);
        // Files two days away that fail whoever opens them: a miniSEED file cut inside its first record.
        var broken = TestPaths.TestData("Waveforms", "int16_be_512.mseed");
        var far = new[] { First.AddDays(-1), First.AddDays(3) }
            .Select(day => SdsArchive.PathOf(root, new ChannelId("SN", "S01", string.Empty, "HHX"), day)).ToList();
        foreach (var path in far)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, File.ReadAllBytes(broken).AsSpan(0, 300).ToArray());
        }
        Assert.Throws<InvalidFileException>(() => WaveformArchive.FromFiles(far.Take(1)));
        Assert.True(SdsArchive.IsSds(root));
        Assert.Throws<InvalidFileException>(() => ContinuousProcessing.Run(new RunOptions(root, stations, Path.Combine(TestPaths.NewScratchFolder(), "run"))));

        var output = Path.Combine(TestPaths.NewScratchFolder(), "out");
        var result = ContinuousProcessing.RunDay(new RunOptions(root, stations, output) { MaxDegreeOfParallelism = 2 }, First.AddDays(1));

        Assert.True(result.Computed);
        // Its minutes 00:00-00:06 are in the previous day's file (a record starting 23:50); its own file holds 23:50-24:00.
        Assert.Equal(27, result.Inputs.Count(path => path.EndsWith(".D.2016.092", StringComparison.Ordinal)));
        Assert.Equal(27, result.Inputs.Count(path => path.EndsWith(".D.2016.093", StringComparison.Ordinal)));
        Assert.Equal(54, result.Inputs.Count);
        var reference = Path.Combine(Reference.Value.Run, RunLayout.DaysFolder, "2016-04-02");
        foreach (var name in RunLayout.ProbabilityFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, name)), File.ReadAllBytes(Path.Combine(result.Directory, name)));
        }
    }

    [Fact]
    public void A_day_is_skipped_when_nothing_changed_and_made_again_when_a_neighbouring_file_changes()
    {
        var (sds, stations) = Archive.Value;
        var root = Path.Combine(TestPaths.NewScratchFolder(), "sds");
        CopyFolder(sds, root);
        var options = new RunOptions(root, stations, Path.Combine(TestPaths.NewScratchFolder(), "out")) { MaxDegreeOfParallelism = 2 };
        var day = First.AddDays(1);
        Assert.True(ContinuousProcessing.RunDay(options, day).Computed);
        var again = ContinuousProcessing.RunDay(options, day);
        Assert.False(again.Computed);
        Assert.DoesNotContain(again.Warnings, w => w.Message.Contains("recomputed", StringComparison.Ordinal));

        var previous = SdsArchive.PathOf(root, new ChannelId("SN", "S03", string.Empty, "HHZ"), First);
        File.SetLastWriteTimeUtc(previous, File.GetLastWriteTimeUtc(previous).AddMinutes(1));
        var changed = ContinuousProcessing.RunDay(options, day);
        Assert.True(changed.Computed);
        Assert.Contains(changed.Warnings, w => w.Message.Contains("recomputed: its input files changed", StringComparison.Ordinal) && w.Message.Contains("SN.S03..HHZ.D.2016.092", StringComparison.Ordinal));

        var other = ContinuousProcessing.RunDay(options with { HighPass = 2 }, day);
        Assert.True(other.Computed);
        Assert.Contains(other.Warnings, w => w.Message.Contains("other settings", StringComparison.Ordinal));
        Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.RunDay(options, day.AddHours(1)));
    }

    [Fact]
    public void Associate_refuses_a_missing_day_and_days_made_with_other_settings()
    {
        var (sds, stations) = Archive.Value;
        var days = Path.Combine(Reference.Value.Days, RunLayout.DaysFolder);
        var missing = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Associate(
            new AssociationOptions(days, stations, Path.Combine(TestPaths.NewScratchFolder(), "a"), First, First.AddDays(4))));
        Assert.Contains("no finished day partition for 2016-04-04", missing.Message, StringComparison.Ordinal);
        Assert.Contains("dietgrasp day --date 2016-04-04", missing.Message, StringComparison.Ordinal);

        var mixed = Path.Combine(TestPaths.NewScratchFolder(), "mixed");
        CopyFolder(days, Path.Combine(mixed, RunLayout.DaysFolder));
        var otherDay = ContinuousProcessing.RunDay(new RunOptions(sds, stations, mixed) { HighPass = 2, MaxDegreeOfParallelism = 2 }, First.AddDays(2));
        Assert.True(otherDay.Computed);
        var refused = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Associate(
            new AssociationOptions(Path.Combine(mixed, RunLayout.DaysFolder), stations, mixed, First, First.AddDays(3))));
        Assert.Contains("2016-04-01 and 2016-04-03 were made with other settings", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(mixed, RunLayout.TremorCatalogueFile)));

        var damagedDays = Path.Combine(TestPaths.NewScratchFolder(), "damaged");
        CopyFolder(days, damagedDays);
        File.AppendAllText(Path.Combine(damagedDays, "2016-04-02", RunLayout.TremorProbabilityFile), "\n");
        var damaged = Assert.Throws<InvalidFileException>(() => ContinuousProcessing.Associate(
            new AssociationOptions(damagedDays, stations, Path.Combine(TestPaths.NewScratchFolder(), "d"), First, First.AddDays(3))));
        Assert.Contains("Probability_T.csv is missing or damaged", damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Associate_over_part_of_the_days_equals_run_over_that_range()
    {
        var (sds, stations) = Archive.Value;
        var from = First.AddHours(23).AddMinutes(55);
        var to = First.AddDays(2).AddMinutes(2);
        var run = Path.Combine(TestPaths.NewScratchFolder(), "run");
        ContinuousProcessing.Run(new RunOptions(sds, stations, run) { StartTime = from, EndTime = to, MaxDegreeOfParallelism = 2 });
        var associated = Path.Combine(TestPaths.NewScratchFolder(), "associated");
        var result = ContinuousProcessing.Associate(new AssociationOptions(Path.Combine(Reference.Value.Days, RunLayout.DaysFolder), stations, associated, from, to));

        Assert.Equal(3, result.DayCount);
        foreach (var name in new[] { RunLayout.EarthquakeProbabilityFile, RunLayout.TremorProbabilityFile, RunLayout.NoiseProbabilityFile, RunLayout.EarthquakeCandidateFile, RunLayout.TremorCandidateFile, RunLayout.TremorCategoryFile, RunLayout.TremorCatalogueFile, RunLayout.TremorEpisodesFile, RunLayout.TremorAssignmentsFile })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(run, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(associated, name))), $"{name} differs");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2000)] // wider than a day: the earthquakes of the day after next are carried too
    public void Associate_streams_days_to_the_groups_and_episodes_of_grasp_on_the_whole_range(int window)
    {
        var stations = SyntheticDemo.SnetStations();
        var folder = TestPaths.NewScratchFolder();
        var days = Path.Combine(folder, RunLayout.DaysFolder);
        SyntheticDayPartitions.Write(days, stations, First, 4, seed: 7);
        var grasp = GraspParameters.Default with { CategoryWindow = window };
        var stationFile = Path.Combine(folder, "stations.csv");
        StationNetworkCsv.Write(stationFile, stations);
        var result = ContinuousProcessing.Associate(new AssociationOptions(days, stationFile, folder, First, First.AddDays(4)) { Grasp = grasp });

        var tables = Enumerable.Range(0, 4).Select(d => ProbabilityTableCsv.Read(Path.Combine(days, First.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RunLayout.TremorProbabilityFile), stations)).ToList();
        var earthquakeTables = Enumerable.Range(0, 4).Select(d => ProbabilityTableCsv.Read(Path.Combine(days, First.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RunLayout.EarthquakeProbabilityFile), stations)).ToList();
        var tremor = ProbabilityTable.Concatenate(stations.Count, tables);
        var earthquake = ProbabilityTable.Concatenate(stations.Count, earthquakeTables);
        var graph = GraspAssociator.KnnGraph(stations, grasp.K);
        var earthquakeGroups = GraspAssociator.ApplyNocut(graph, earthquake, grasp);
        var tremorGroups = GraspAssociator.ApplyTremor(graph, tremor, GraspAssociator.Project(stations, grasp.Epsg), grasp);
        var categorized = GraspAssociator.ApplyCategorization(graph, tremorGroups, earthquakeGroups, grasp);
        var whole = Path.Combine(folder, "whole");
        Directory.CreateDirectory(whole);
        ProbabilityTableCsv.Write(Path.Combine(whole, RunLayout.TremorProbabilityFile), tremor, stations);
        CandidateTableCsv.Write(Path.Combine(whole, RunLayout.EarthquakeCandidateFile), stations, earthquakeGroups);
        CandidateTableCsv.Write(Path.Combine(whole, RunLayout.TremorCandidateFile), stations, tremorGroups);
        CandidateTableCsv.WriteCategorized(Path.Combine(whole, RunLayout.TremorCategoryFile), stations, categorized);
        TremorCatalogue.Write(Path.Combine(whole, RunLayout.TremorCatalogueFile), stations, TremorCatalogue.Build(stations, categorized));

        Assert.True(categorized.Count(g => g.Category == TremorCategory.Possible) > 0, "no possible tremor: the categorisation is not tested");
        Assert.True(result.EpisodeCount > 10, $"{result.EpisodeCount} episodes");
        foreach (var name in new[] { RunLayout.TremorProbabilityFile, RunLayout.EarthquakeCandidateFile, RunLayout.TremorCandidateFile, RunLayout.TremorCategoryFile, RunLayout.TremorCatalogueFile })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(whole, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, name))), $"{name} differs (window {window})");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }
}
