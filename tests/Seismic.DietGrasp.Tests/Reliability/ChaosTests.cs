using System.Diagnostics;
using System.Runtime.InteropServices;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Fault injection on the built <c>dietgrasp</c> in a child process (issue 15): kill -9 at each stage, then a
/// re-run gives the tables of an undisturbed run; SIGTERM stops cleanly with exit 143; a run in another process
/// holds the folder; a full disk names the target. Each child runs the 12-station, 10-minute scenario (a few
/// seconds); the class takes about half a minute, hence its trait.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class ChaosTests
{
    private static readonly Lazy<string> Reference = new(() =>
    {
        var output = TestPaths.NewSharedFolder();
        ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output));
        return output;
    });

    // Stages seen from outside by the files they write first: classification has begun (the lock), a day table
    // is being written, the first day is finished, the association streams the days into its tables (their
    // temporary files: all top-level files are put in place together at its end), the catalogue is in place.
    public static TheoryData<string> Stages => new()
    {
        ".dietgrasp.pid", "days/2016-04-01/Probability_EQ.csv", "days/2016-04-01/complete", "days/2016-04-02/complete",
        ".Probability_T.csv.*.tmp", ".Tremor_catalogue.csv.*.tmp", RunLayout.TremorCatalogueFile,
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void Killed_with_signal_9_when_a_stage_begins_then_rerun_gives_the_undisturbed_tables(string stage)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var output = TestPaths.NewScratchFolder();
        using (var child = StartRun(output))
        {
            var seen = WaitFor(child, Path.Combine(output, stage));
            child.Kill(); // SIGKILL: no clean-up of any kind
            child.WaitForExit();
            Assert.True(seen || child.ExitCode == 0, $"the run ended before {stage} appeared");
        }
        Assert.False(File.Exists(Path.Combine(output, RunLayout.ManifestFile)) && stage != RunLayout.TremorCatalogueFile,
            "a killed run must leave no manifest");

        var rerun = CliRunner.Run("run", "--waveforms", Processing.RunScenario.WaveformFolder, "--stations", FaultScenario.StationFile, "--out", output, "--threads", "2", "--no-pictures");
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(FaultScenario.Tables(Reference.Value), FaultScenario.Tables(output));
        OutputLockTests.AssertManifestMatches(output);
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Sigterm_stops_cleanly_with_exit_143_and_a_rerun_resumes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var output = TestPaths.NewScratchFolder();
        using (var child = StartRun(output))
        {
            Assert.True(WaitFor(child, Path.Combine(output, "days", "2016-04-01", "complete")));
            Assert.Equal(0, SendSignal(child.Id, 15));
            Assert.True(child.WaitForExit(60_000));
            var error = child.StandardError.ReadToEnd();
            Assert.True(child.ExitCode == 143, $"exit {child.ExitCode}: {error}");
            Assert.Contains("cancelled", error, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(output, ".dietgrasp.pid")));
        var rerun = ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output));
        Assert.True(rerun.ResumedDays >= 1);
        Assert.Equal(FaultScenario.Tables(Reference.Value), FaultScenario.Tables(output));
    }

    [Fact]
    public void A_run_in_another_process_holds_the_folder_and_is_named_by_its_pid()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var output = TestPaths.NewScratchFolder();
        using var child = StartRun(output);
        try
        {
            Assert.True(WaitFor(child, Path.Combine(output, ".dietgrasp.pid")));
            var error = Assert.Throws<OutputInUseException>(() => ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output)));
            Assert.Equal(child.Id, error.HolderProcessId);
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
        // The system released the killed run's lock: the folder is usable again.
        Assert.Equal(2, ContinuousProcessing.Run(FaultScenario.Options(Processing.RunScenario.WaveformFolder, output)).ComputedDays);
    }

    [Fact]
    public void A_full_disk_fails_with_one_line_naming_the_target_and_leaves_no_temporary_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var mount = TestPaths.NewScratchFolder();
        if (Shell($"mount -t tmpfs -o size=64k tmpfs '{mount}'") != 0)
        {
            return; // mounting needs root (CI and this machine run as root); elsewhere the kill tests still run
        }
        try
        {
            var result = CliRunner.Run("run", "--waveforms", Processing.RunScenario.WaveformFolder, "--stations", FaultScenario.StationFile, "--out", mount, "--threads", "2");
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.ErrorLines);
            Assert.Contains($"cannot write {mount}/", line, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", line, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(mount, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            Shell($"umount '{mount}'");
        }
    }

    private static Process StartRun(string output)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "dietgrasp.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "run", "--waveforms", Processing.RunScenario.WaveformFolder, "--stations", FaultScenario.StationFile, "--out", output, "--threads", "1", "--no-pictures" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Polls for <paramref name="path"/> until it appears (true) or the child ends (false).</summary>
    private static bool WaitFor(Process child, string path)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Exists(path))
            {
                return true;
            }
            if (child.HasExited)
            {
                return Exists(path);
            }
            Thread.Sleep(1);
        }
        return false;
    }

    /// <summary>Whether the file exists; a name with <c>*</c> is a pattern in its folder (a temporary file's GUID).</summary>
    private static bool Exists(string path) =>
        path.Contains('*', StringComparison.Ordinal)
            ? Directory.Exists(Path.GetDirectoryName(path)) && Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path)).Length > 0
            : File.Exists(path);

    private static int Shell(string command)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", new[] { "-c", command + " 2>/dev/null" }) { UseShellExecute = false })!;
        shell.WaitForExit();
        return shell.ExitCode;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
