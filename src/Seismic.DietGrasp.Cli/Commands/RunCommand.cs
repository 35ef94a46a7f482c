using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp run</c>: the whole job on continuous records (<see cref="ContinuousProcessing"/>).</summary>
internal sealed class RunCommand : ICliCommand
{
    private const int MaxWarningsShown = 20;

    public string Name => "run";

    public string Description => "The whole job on continuous records: spectrograms, DiET probabilities, GrASP groups and the tremor catalogue, day by day (a re-run resumes).";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        RunInputOptions.Waveforms,
        RunInputOptions.Stations,
        new CliOption("out", CliValueKind.Text, "The output folder: probability and candidate tables, the tremor catalogue, warnings, run.json, pictures, and days/ for resuming.") { Value = "OUT", Required = true }.ReportedAs("outputDirectory"),
        new CliOption("start", CliValueKind.Time, "The first minute to process: a date and time, UTC unless an offset or JST follows (2016-04-01T00:00:00Z, 2016-04-01T09:00+09:00, 2016-04-01 09:00 JST); default the start of the waveforms.") { Value = "T" }.ReportedAs("startTime"),
        new CliOption("end", CliValueKind.Time, "The end of the time range, exclusive, written as --start; default the end of the waveforms. At most a day past the waveforms.") { Value = "T" }.ReportedAs("endTime"),
    }.Concat(RunInputOptions.Classification).Concat(new[]
    {
        new CliOption("no-pictures", CliValueKind.Flag, "Skip the PNG pictures (the tables and the catalogue only)."),
    }).Concat(GraspCommandOptions.Declare(detection: true, tremor: true, categorize: true)).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var output = arguments.Required("out");
        var start = arguments.OptionalTime("start");
        var end = arguments.OptionalTime("end");
        var noPictures = arguments.Flag("no-pictures");
        var grasp = GraspCommandOptions.Parameters(arguments, detection: true, tremor: true, categorize: true);
        var options = RunInputOptions.Read(arguments, output, context, Name) with { StartTime = start, EndTime = end, Grasp = grasp };

        using var bar = context.ErrorIsTerminal ? new ProgressBar(context.Error) : null;
        var result = ContinuousProcessing.Run(options, bar, context.Cancellation);
        bar?.Dispose();
        var pictures = noPictures ? null : RunPictures.Save(result, output);
        foreach (var choice in result.ChannelChoices.Where(c => c.Chosen is not null).Take(MaxWarningsShown))
        {
            context.Error.WriteLine($"dietgrasp run: channels: {choice}");
        }
        if (result.ChannelChoices.Count(c => c.Chosen is not null) > MaxWarningsShown)
        {
            context.Error.WriteLine($"dietgrasp run: channels: {result.ChannelChoices.Count(c => c.Chosen is not null) - MaxWarningsShown} more stations (see {Path.Combine(output, RunLayout.ChannelChoiceFile)})");
        }
        // With --verbose the logger printed every warning as it was found; otherwise the first few, and where the rest are.
        var shown = context.Verbose ? 0 : Math.Min(MaxWarningsShown, result.Warnings.Count);
        foreach (var warning in result.Warnings.Take(shown))
        {
            context.Error.WriteLine($"dietgrasp run: warning: {warning.Message}");
        }
        if (!context.Verbose && result.Warnings.Count > shown)
        {
            context.Error.WriteLine($"dietgrasp run: warning: {result.Warnings.Count - shown} more warning(s), {result.Warnings.Count} in all, in {new RunLayout(output).PathOf(RunLayout.WarningsFile)} (or run with --verbose)");
        }
        foreach (var warning in pictures?.Warnings ?? Array.Empty<string>())
        {
            context.Error.WriteLine($"dietgrasp run: warning: {warning}");
        }
        context.Output.WriteLine($"{result.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {result.EndTime:yyyy-MM-ddTHH:mm:ssZ}: {result.CompleteStationMinutes} station-minutes classified, {result.EmptyStationMinutes} left empty ({result.ComputedDays} day(s) computed, {result.ResumedDays} resumed)");
        context.Output.WriteLine($"{result.EarthquakeGroups.Count} earthquake group(s), {result.TremorGroups.Count} tremor group(s), {result.Catalogue.Count} tremor episode(s); model: {result.ModelDescription}");
        context.Output.WriteLine($"preprocessing: {result.PreprocessingDescription}");
        foreach (var file in result.Files.Concat(pictures?.Files ?? Array.Empty<string>()))
        {
            context.Output.WriteLine($"wrote {file}");
        }
        return CliApp.Success;
    }

    /// <summary>A one-line progress bar redrawn on stderr (only used when stderr is a terminal).</summary>
    internal sealed class ProgressBar : IProgress<RunProgress>, IDisposable
    {
        private const int Width = 40;
        private readonly TextWriter _error;
        private readonly object _gate = new();
        private long _lastDrawTicks;
        private bool _drawn;

        public ProgressBar(TextWriter error) => _error = error;

        public void Report(RunProgress value)
        {
            lock (_gate)
            {
                var now = DateTime.UtcNow.Ticks;
                if (value.Stage == RunStage.Classifying && value.StationHoursDone < value.StationHoursTotal && now - _lastDrawTicks < TimeSpan.TicksPerSecond / 5)
                {
                    return;
                }
                _lastDrawTicks = now;
                var filled = (int)(value.Fraction * Width);
                _error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Fraction,4:P0} {value.Stage}: day {value.DaysDone}/{value.DayCount}, station-hours {value.StationHoursDone}/{value.StationHoursTotal}   ");
                _drawn = true;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_drawn)
                {
                    _error.WriteLine();
                    _drawn = false;
                }
            }
        }
    }
}
