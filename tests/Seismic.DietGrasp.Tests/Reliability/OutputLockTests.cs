using System.Security.Cryptography;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, fault 7: two runs on one output folder both computed everything (with two models, the final set
/// mixed B's probabilities with A's candidates), and a run killed in its final stage left new tables beside
/// old candidates with nothing marking the set incomplete.
/// </summary>
public sealed class OutputLockTests
{
    [Fact]
    public void A_second_run_on_a_folder_in_use_refuses_naming_the_holder()
    {
        var waveforms = Processing.RunScenario.WaveformFolder;
        var output = TestPaths.NewScratchFolder();
        using var classifying = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Exception? firstFailure = null;
        var first = new Thread(() =>
        {
            try
            {
                ContinuousProcessing.Run(FaultScenario.Options(waveforms, output), new CallbackProgress(p =>
                {
                    if (p.Stage == RunStage.Classifying && !classifying.IsSet)
                    {
                        classifying.Set();
                        release.Wait(TimeSpan.FromSeconds(60));
                    }
                }));
            }
            catch (Exception e)
            {
                firstFailure = e;
            }
        });
        first.Start();
        Assert.True(classifying.Wait(TimeSpan.FromSeconds(60)));
        try
        {
            var error = Assert.Throws<OutputInUseException>(() => ContinuousProcessing.Run(FaultScenario.Options(waveforms, output)));
            Assert.Equal(Environment.ProcessId, error.HolderProcessId);
            var cli = CliRunner.Run("run", "--waveforms", waveforms, "--stations", FaultScenario.StationFile, "--out", output, "--no-pictures");
            Assert.Equal(1, cli.ExitCode);
            var line = Assert.Single(cli.ErrorLines);
            Assert.Contains($"(PID {Environment.ProcessId})", line, StringComparison.Ordinal);
        }
        finally
        {
            release.Set();
            first.Join();
        }
        Assert.Null(firstFailure);
        Assert.True(File.Exists(Path.Combine(output, RunLayout.ManifestFile)));
        // Released: a third run may go.
        Assert.Equal(2, ContinuousProcessing.Run(FaultScenario.Options(waveforms, output)).ResumedDays);
    }

    [Fact]
    public void A_run_stopped_in_its_final_stage_leaves_no_manifest_and_the_next_run_repairs_the_set()
    {
        var output = TestPaths.NewScratchFolder();
        ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output));
        var manifest = Path.Combine(output, RunLayout.ManifestFile);
        AssertManifestMatches(output);

        using var cancellation = new CancellationTokenSource();
        var stopped = Assert.ThrowsAny<OperationCanceledException>(() => ContinuousProcessing.Run(
            FaultScenario.Options(Processing.RunScenario.WaveformFolder, output) with { Sensitivity = ChannelSensitivity.Uniform(2) },
            new CallbackProgress(p =>
            {
                if (p.Stage == RunStage.Associating)
                {
                    cancellation.Cancel();
                }
            }),
            cancellation.Token));
        Assert.NotNull(stopped);
        Assert.False(File.Exists(manifest), "a mixed set must not carry a manifest");

        ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output) with { Sensitivity = ChannelSensitivity.Uniform(2) });
        AssertManifestMatches(output);
    }

    [Fact]
    public void Temporary_files_of_a_killed_run_are_removed_by_the_next()
    {
        var output = TestPaths.NewScratchFolder();
        var days = Path.Combine(output, "days", "2016-04-01");
        Directory.CreateDirectory(days);
        var stale = new[] { Path.Combine(output, $".Probability_T.csv.{Guid.NewGuid():N}.tmp"), Path.Combine(days, $".complete.{Guid.NewGuid():N}.tmp") };
        foreach (var file in stale)
        {
            File.WriteAllText(file, "half");
        }
        var mine = Path.Combine(output, ".notes.tmp");
        File.WriteAllText(mine, "not ours");
        var result = ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output));
        Assert.All(stale, file => Assert.False(File.Exists(file)));
        Assert.True(File.Exists(mine));
        Assert.Contains("removed 2 temporary file(s) left by an earlier run that was killed", result.Warnings.Select(w => w.Message));
    }

    internal static void AssertManifestMatches(string output)
    {
        var lines = File.ReadAllLines(Path.Combine(output, RunLayout.ManifestFile));
        // The tables, run.json and the run's warnings file.
        Assert.Equal(FaultScenario.TopLevelTables.Append(RunLayout.RunManifestFile).Append(RunLayout.WarningsFile).Order(StringComparer.Ordinal), lines.Select(line => line.Substring(66)).Order(StringComparer.Ordinal));
        foreach (var line in lines)
        {
            var name = line.Substring(66);
            Assert.Equal(line.Substring(0, 64), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(output, name)))).ToLowerInvariant());
        }
    }
}
