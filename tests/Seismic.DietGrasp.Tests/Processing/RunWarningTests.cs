using Microsoft.Extensions.Logging;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Tests.Reliability;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// Issue 14: structured warnings (<see cref="RunWarning"/>) and an optional logger; issue 15: the command line capped
/// the warnings at 20 and pointed at day files that did not hold the run-wide ones.
/// </summary>
public sealed class RunWarningTests
{
    /// <summary>The scenario with a NaN in VX in minutes 2, 3 and 4 of S01..S10 (not S03, cut in two files at midnight) and in minute 2 of S11: 28 warnings more.</summary>
    private static readonly Lazy<string> ManyWarnings = new(() =>
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name.EndsWith(".HHX.sac", StringComparison.Ordinal) && !name.StartsWith("S12", StringComparison.Ordinal), shared: true);
        for (var s = 1; s <= 11; s++)
        {
            var name = $"S{s:D2}.HHX.sac";
            var source = Path.Combine(RunScenario.WaveformFolder, name);
            if (s == 3)
            {
                continue;
            }
            var trace = WaveformFile.ReadSingleTrace(source);
            var samples = trace.Samples.ToArray();
            foreach (var minute in s <= 10 ? new[] { 2, 3, 4 } : new[] { 2 })
            {
                samples[(minute * 6000) + 100] = double.NaN;
            }
            SacFile.Write(Path.Combine(waveforms, name), new Trace(trace.Id, trace.StartTime, trace.SamplingRate, samples));
        }
        return waveforms;
    });

    [Fact]
    public void Warnings_carry_kind_station_channel_and_time_and_go_to_the_logger_as_found()
    {
        var logger = new RecordingLogger();
        var options = new RunOptions(ManyWarnings.Value, FaultScenario.StationFile, TestPaths.NewScratchFolder()) { Logger = logger, MaxDegreeOfParallelism = 2 };
        var result = ContinuousProcessing.Run(options);

        var nan = result.Warnings.Where(w => w.Kind == RunWarningKind.NonFiniteSample).ToList();
        Assert.Equal(28, nan.Count);
        var first = nan.Single(w => w.Station == "S01" && w.Time == RunScenario.Start.AddMinutes(2));
        Assert.Equal(new ChannelId("SN", "S01", string.Empty, "HHX"), first.Channel);
        Assert.Equal("SN.S01..HHX 2016-04-01 23:54: sample 100 of the minute is NaN; S01's cell left empty", first.Message);
        // One per day.
        var dead = result.Warnings.Where(w => w.Kind == RunWarningKind.DeadChannel).ToList();
        Assert.Equal(new[] { RunScenario.Start.Date, RunScenario.Start.Date.AddDays(1) }, dead.Select(w => w.Time!.Value.Date));
        Assert.All(dead, w => Assert.Equal(("S11", "HHY"), (w.Station, w.Channel?.Channel)));
        Assert.Contains(result.Warnings, w => w.Kind == RunWarningKind.Discontinuity && w.Station == "SN.S12");

        // Every warning reached the logger, in the result's order, with the progress around them.
        Assert.Equal(result.Warnings.Select(w => $"{w.Kind}: {w.Message}"), logger.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Text));
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Information && l.Text == "day 2016-04-01 computed");
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Information && l.Text.StartsWith("processing 2016-04-01T23:52:00Z to 2016-04-02T00:02:00Z: 2 day(s)", StringComparison.Ordinal));

        // All of them in the output folder, as the result has them.
        var lines = File.ReadAllLines(new RunLayout(options.OutputDirectory).PathOf(RunLayout.WarningsFile));
        Assert.Equal("kind\tstation\tchannel\ttime\tmessage", lines[0]);
        Assert.Equal(result.Warnings.Count, lines.Length - 1);
        Assert.Contains("NonFiniteSample\tS01\tSN.S01..HHX\t2016-04-01T23:54:00.0000000Z\tSN.S01..HHX 2016-04-01 23:54: sample 100 of the minute is NaN; S01's cell left empty", lines);
        Assert.Contains(new RunLayout(options.OutputDirectory).PathOf(RunLayout.WarningsFile), result.Files);
    }

    [Fact]
    public void The_command_line_shows_20_warnings_says_how_many_more_and_where_they_all_are()
    {
        var output = TestPaths.NewScratchFolder();
        string[] Arguments(params string[] more) => new[] { "run", "--waveforms", ManyWarnings.Value, "--stations", FaultScenario.StationFile, "--out", output, "--no-pictures", "--threads", "2" }.Concat(more).ToArray();
        var plain = CliRunner.Run(Arguments());
        Assert.True(plain.ExitCode == 0, plain.Error);
        var all = File.ReadAllLines(Path.Combine(output, RunLayout.WarningsFile)).Length - 1;
        Assert.True(all > 28, $"{all} warnings");
        var warnings = plain.ErrorLines.Where(line => line.StartsWith("dietgrasp run: warning: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, warnings.Count);
        Assert.Equal($"dietgrasp run: warning: {all - 20} more warning(s), {all} in all, in {Path.Combine(Path.GetFullPath(output), RunLayout.WarningsFile)} (or run with --verbose)", warnings[20]);

        var verbose = CliRunner.Run(Arguments("--verbose"));
        Assert.True(verbose.ExitCode == 0, verbose.Error);
        Assert.Equal(all, verbose.ErrorLines.Count(line => line.StartsWith("dietgrasp run: warning: ", StringComparison.Ordinal)));
        Assert.Contains("dietgrasp run: day 2016-04-01 resumed from an earlier run", verbose.ErrorLines);

        var quiet = CliRunner.Run(Arguments("--quiet"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(string.Empty, quiet.Error);
    }

    [Fact]
    public void A_warning_is_its_message_and_equals_one_with_the_same_fields()
    {
        var time = new DateTime(2016, 4, 1, 23, 54, 0, DateTimeKind.Utc);
        var channel = new ChannelId("SN", "S01", string.Empty, "HHX");
        var warning = new RunWarning(RunWarningKind.NonFiniteSample, "a message", "S01", channel, time);
        Assert.Equal("a message", warning.ToString());
        Assert.Equal(warning, new RunWarning(RunWarningKind.NonFiniteSample, "a message", "S01", channel, time));
        Assert.NotEqual(warning, new RunWarning(RunWarningKind.Other, "a message", "S01", channel, time));
        Assert.Throws<ArgumentNullException>(() => new RunWarning(RunWarningKind.Other, null!));
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly object _gate = new();

        public List<(LogLevel Level, string Text)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_gate)
            {
                Lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
