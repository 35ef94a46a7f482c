using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary><see cref="ContinuousProcessing.Run"/> on the <see cref="RunScenario"/> folder (12 stations, 10 minutes across midnight).</summary>
public sealed class ContinuousProcessingTests
{
    // Shared by the tests of the class, so not a per-test scratch folder.
    internal static readonly Lazy<(string Folder, RunResult Result, RunPictureFiles Pictures)> Reference = new(() =>
    {
        var folder = TestPaths.NewSharedFolder();
        var result = ContinuousProcessing.Run(Options(folder));
        return (folder, result, RunPictures.Save(result, folder));
    });

    private static string[] OutputNames => new[]
    {
        RunLayout.EarthquakeProbabilityFile, RunLayout.TremorProbabilityFile, RunLayout.NoiseProbabilityFile,
        RunLayout.EarthquakeCandidateFile, RunLayout.TremorCandidateFile, RunLayout.TremorCategoryFile,
        RunLayout.TremorCatalogueFile, RunLayout.TremorEpisodesFile, RunLayout.TremorAssignmentsFile, RunLayout.RunManifestFile, RunLayout.WarningsFile, RunLayout.ChannelChoiceFile,
    };

    [Fact]
    public void Finds_the_tremor_on_its_stations_and_minutes_and_categorises_it()
    {
        var result = Reference.Value.Result;
        var expectedMinutes = RunScenario.TremorMinutes.Select(m => RunScenario.Start.AddMinutes(m)).ToArray();
        Assert.Equal(expectedMinutes, result.TremorGroups.Select(g => g.Minute));
        Assert.All(result.TremorGroups, g => Assert.Equal(RunScenario.TremorStations, g.Stations));
        Assert.All(result.TremorGroups, g => Assert.All(g.Probabilities, p => Assert.True(p > 0.9, $"tremor probability {p}")));
        // The earthquake (minute 6) shares stations with the tremor's last minute (5): possible; the rest probable.
        Assert.Equal(
            new[] { TremorCategory.Probable, TremorCategory.Probable, TremorCategory.Probable, TremorCategory.Possible },
            result.CategorizedTremor.Select(g => g.Category));

        var episode = Assert.Single(result.Catalogue);
        Assert.Equal(expectedMinutes[0], episode.Start);
        Assert.Equal(expectedMinutes[^1].AddMinutes(1), episode.End);
        Assert.Equal(4, episode.MinuteCount);
        Assert.Equal(RunScenario.TremorStations, episode.Stations);
        Assert.Equal(TremorCategory.Probable, episode.Category);
        // The probability-weighted centre: a model's last digits move it (142.3149999906 with one, 142.315 with another).
        Assert.Equal(38.09, episode.Latitude, 0.006);
        Assert.Equal(142.315, episode.Longitude, 0.006);
    }

    [Fact]
    public void Finds_the_earthquake_on_every_live_station_in_its_minute_only()
    {
        var result = Reference.Value.Result;
        var group = Assert.Single(result.EarthquakeGroups);
        Assert.Equal(RunScenario.Start.AddMinutes(RunScenario.EarthquakeMinute), group.Minute);
        Assert.Equal(Enumerable.Range(0, 12).Where(s => s != RunScenario.DeadStation), group.Stations);
    }

    [Fact]
    public void Gaps_and_dead_channels_give_empty_cells_never_probabilities()
    {
        var (folder, result, _) = Reference.Value;
        Assert.Equal(RunScenario.Minutes, result.Tremor.MinuteCount);
        Assert.Equal(RunScenario.Start, result.Tremor.Minutes[0]);
        foreach (var table in new[] { result.Earthquake, result.Tremor, result.Noise })
        {
            for (var m = 0; m < RunScenario.Minutes; m++)
            {
                for (var s = 0; s < 12; s++)
                {
                    var empty = s == RunScenario.DeadStation || (s == RunScenario.GapStation && m == RunScenario.GapMinute);
                    Assert.True(empty == float.IsNaN(table[m, s]), $"minute {m}, station {s}: {table[m, s]}");
                }
            }
        }
        Assert.Equal(10 + 1, result.EmptyStationMinutes);
        Assert.Equal((12 * 10) - 11, result.CompleteStationMinutes);
        Assert.Contains(result.Warnings, w => w.Message.Contains("SN.S11..HHY: dead", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Message.Contains("SN.S12..HHZ: 1 Gap", StringComparison.Ordinal));

        // In the file: the gap minute's row has an empty cell for S12 (column 5 + 11), numbers around it.
        var row = File.ReadAllLines(Path.Combine(folder, RunLayout.TremorProbabilityFile))[1 + RunScenario.GapMinute].Split(',');
        Assert.Equal(new[] { "2016", "4", "1", "23", "59" }, row.Take(5));
        Assert.Equal(string.Empty, row[5 + RunScenario.GapStation]);
        Assert.Equal(string.Empty, row[5 + RunScenario.DeadStation]);
        Assert.True(float.TryParse(row[5], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("SN.S12", File.ReadAllLines(Path.Combine(folder, RunLayout.TremorProbabilityFile))[0].Split(',')[5 + RunScenario.GapStation]);
    }

    [Fact]
    public void Writes_the_tables_the_grasp_readers_accept_and_the_days()
    {
        var (folder, result, drawn) = Reference.Value;
        var pictures = new[] { RunLayout.TremorMapFile, RunLayout.TremorMigrationFile, RunLayout.TremorTimelineFile, RunLayout.TremorSpectrogramFile };
        Assert.Equal(OutputNames.Select(name => Path.Combine(folder, name)), result.Files);
        Assert.Equal(new[] { RunLayout.StrongestTremorSpectrogramFile, RunLayout.StrongestTremorFile }.Concat(pictures).Select(name => Path.Combine(folder, name)), drawn.Files);
        Assert.Empty(drawn.Warnings);
        Assert.All(pictures, name => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(folder, name)).Take(4)));
        var reread = ProbabilityTableCsv.Read(Path.Combine(folder, RunLayout.TremorProbabilityFile), result.Stations);
        Assert.Equal(result.Tremor.Minutes, reread.Minutes);
        Assert.Equal(result.TremorGroups.Count, CandidateTableCsv.Read(Path.Combine(folder, RunLayout.TremorCandidateFile), result.Stations).Count);
        Assert.Equal(result.CategorizedTremor.Select(g => g.Category), CandidateTableCsv.ReadCategorized(Path.Combine(folder, RunLayout.TremorCategoryFile), result.Stations).Select(g => g.Category));
        Assert.Equal(result.Catalogue.Select(e => e.ToString()), TremorCatalogue.Read(Path.Combine(folder, RunLayout.TremorCatalogueFile), result.Stations).Select(e => e.ToString()));
        Assert.True(File.Exists(Path.Combine(folder, "days", "2016-04-01", "complete")));
        Assert.Equal(1 + 8, File.ReadAllLines(Path.Combine(folder, "days", "2016-04-01", RunLayout.TremorProbabilityFile)).Length);
        Assert.Equal(1 + 2, File.ReadAllLines(Path.Combine(folder, "days", "2016-04-02", RunLayout.TremorProbabilityFile)).Length);
        Assert.Equal(2, result.ComputedDays);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Cancelled_midway_then_restarted_gives_the_same_files_as_one_run()
    {
        var folder = TestPaths.NewScratchFolder();
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == RunStage.Classifying && p.DaysDone == 1)
            {
                cancellation.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ContinuousProcessing.Run(Options(folder), progress, cancellation.Token));
        Assert.True(File.Exists(Path.Combine(folder, "days", "2016-04-01", "complete")));
        Assert.False(Directory.Exists(Path.Combine(folder, "days", "2016-04-02")));
        Assert.All(OutputNames, name => Assert.False(File.Exists(Path.Combine(folder, name))));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));

        var resumed = ContinuousProcessing.Run(Options(folder));
        Assert.Equal(1, resumed.ResumedDays);
        Assert.Equal(1, resumed.ComputedDays);
        AssertSameFiles(Reference.Value.Folder, folder);
        Assert.Equal(Reference.Value.Result.Warnings, resumed.Warnings);
    }

    [Fact]
    public void A_rerun_skips_finished_days_and_other_settings_recompute_them()
    {
        var folder = TestPaths.NewScratchFolder();
        ContinuousProcessing.Run(Options(folder));
        var marker = Path.Combine(folder, "days", "2016-04-01", "complete");
        var written = File.GetLastWriteTimeUtc(marker);

        var again = ContinuousProcessing.Run(Options(folder));
        Assert.Equal(2, again.ResumedDays);
        Assert.Equal(0, again.ComputedDays);
        Assert.Equal(written, File.GetLastWriteTimeUtc(marker));
        AssertSameFiles(Reference.Value.Folder, folder);

        var other = ContinuousProcessing.Run(Options(folder) with { Sensitivity = ChannelSensitivity.Uniform(1e9) });
        Assert.Equal(0, other.ResumedDays);
        Assert.Equal(2, other.ComputedDays);
    }

    [Fact]
    public void A_time_range_limits_the_rows_to_its_minutes()
    {
        var folder = TestPaths.NewScratchFolder();
        var result = ContinuousProcessing.Run(Options(folder) with { StartTime = RunScenario.Start.AddMinutes(3).AddSeconds(20), EndTime = RunScenario.Start.AddMinutes(5) });
        Assert.Equal(new[] { RunScenario.Start.AddMinutes(3), RunScenario.Start.AddMinutes(4) }, result.Tremor.Minutes);
        Assert.Equal(1, result.ComputedDays);
        for (var s = 0; s < 12; s++)
        {
            Assert.Equal(Reference.Value.Result.Tremor[3, s], result.Tremor[0, s]);
        }
    }

    [Fact]
    public void Unknown_stations_fail_with_a_clear_message()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Path.Combine(folder, "stations.csv");
        File.WriteAllLines(stations, new[] { "name,latitude,longitude", "X1,38,142", "X2,38.1,142", "X3,38,142.1", "X4,38.2,142.2" });
        var error = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(new RunOptions(RunScenario.WaveformFolder, stations, Path.Combine(folder, "out"))));
        Assert.Contains("SN.S01", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void A_bad_k_fails_before_any_classification()
    {
        var folder = Path.Combine(TestPaths.NewScratchFolder(), "out");
        var error = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(Options(folder) with { Grasp = GraspParameters.Default with { K = 12 } }));
        Assert.Contains("12", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    internal static RunOptions Options(string output) =>
        new RunOptions(RunScenario.WaveformFolder, RunScenario.StationFile, output) with { MaxDegreeOfParallelism = 2 };

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        foreach (var name in OutputNames)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(expectedFolder, name)), File.ReadAllText(Path.Combine(actualFolder, name)));
        }
    }

    private sealed class SyncProgress : IProgress<RunProgress>
    {
        private readonly Action<RunProgress> _action;

        public SyncProgress(Action<RunProgress> action) => _action = action;

        public void Report(RunProgress value) => _action(value);
    }
}

/// <summary>A folder mixing SAC and Steim2 miniSEED in counts, with a sensitivity table for the miniSEED station.</summary>
public sealed class MixedFormatRunTests
{
    [Fact]
    [Trait("Category", "Slow")] // 35 s in the full run of 2026-12-03 (shared 2-core machine, load about 50)
    public void MiniSeed_counts_with_a_sensitivity_give_the_probabilities_of_the_sac_velocities()
    {
        // Each component with its own gain: a station-wide factor would not change the normalised spectrogram.
        var gains = new Dictionary<string, double> { ["HHX"] = 1e10, ["HHY"] = 3e10, ["HHZ"] = 1e11 };
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Path.Combine(folder, "waveforms");
        Directory.CreateDirectory(waveforms);
        foreach (var file in Directory.GetFiles(RunScenario.WaveformFolder))
        {
            if (!Path.GetFileName(file).StartsWith("S01.", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(waveforms, Path.GetFileName(file)));
            }
        }
        foreach (var channel in new[] { "HHX", "HHY", "HHZ" })
        {
            var trace = Seismic.DietGrasp.Waveforms.WaveformFile.ReadSingleTrace(Path.Combine(RunScenario.WaveformFolder, $"S01.{channel}.sac"));
            var counts = trace.Samples.ToArray().Select(v => (int)Math.Round(v * gains[channel])).ToArray();
            File.WriteAllBytes(Path.Combine(waveforms, $"S01.{channel}.mseed"), Seismic.DietGrasp.Tests.Waveforms.Steim2Writer.Write(counts, trace.StartTime, trace.SamplingRate, "SN", "S01", channel));
        }
        var sensitivities = Path.Combine(folder, "sensitivity.csv");
        File.WriteAllLines(sensitivities, new[] { "channel,sensitivity", "*,1" }.Concat(gains.Select(g => FormattableString.Invariant($"SN.S01..{g.Key},{g.Value}"))));
        var table = ChannelSensitivity.Read(sensitivities);

        // The spectrogram of a tremor minute from the converted counts equals the SAC velocities' one; unconverted, it does not.
        var archive = Seismic.DietGrasp.Waveforms.WaveformArchive.Scan(waveforms);
        var reference = Seismic.DietGrasp.Waveforms.WaveformArchive.Scan(RunScenario.WaveformFolder);
        StationChannels S01(Seismic.DietGrasp.Waveforms.WaveformArchive a) =>
            new(0, "S01", new[] { Seismic.DietGrasp.Waveforms.Component.VX, Seismic.DietGrasp.Waveforms.Component.VY, Seismic.DietGrasp.Waveforms.Component.VZ }.Select(c => a.FindChannels("S01", c)[0]).ToArray());
        using var model = Seismic.DietGrasp.DietClassifier.DietModel.LoadBundled();
        var minute = RunScenario.Start.AddMinutes(RunScenario.TremorMinutes[0]);
        float[] Spectrogram(Seismic.DietGrasp.Waveforms.WaveformArchive a, ChannelSensitivity? sensitivity) =>
            new StationHourClassifier(a, model, sensitivity, new(), new RunPreprocessor(1)).Spectrogram(S01(a), minute)!;
        var expected = Spectrogram(reference, null);
        Assert.True(expected.Zip(Spectrogram(archive, table), (x, y) => Math.Abs(x - y)).Max() < 1e-3);
        Assert.True(expected.Zip(Spectrogram(archive, null), (x, y) => Math.Abs(x - y)).Max() > 0.1);

        var result = ContinuousProcessing.Run(new RunOptions(waveforms, RunScenario.StationFile, Path.Combine(folder, "out"))
             with { Sensitivity = table });
        var sacOnly = ContinuousProcessing.Run(ContinuousProcessingTests.Options(Path.Combine(folder, "reference")));
        for (var m = 0; m < RunScenario.Minutes; m++)
        {
            Assert.Equal(sacOnly.Tremor[m, 0], result.Tremor[m, 0], 3);
            Assert.Equal(sacOnly.Earthquake[m, 0], result.Earthquake[m, 0], 3);
            Assert.Equal(sacOnly.Tremor[m, 1], result.Tremor[m, 1]);
        }
        Assert.Equal(sacOnly.TremorGroups.Select(g => g.ToString()), result.TremorGroups.Select(g => g.ToString()));
    }
}
