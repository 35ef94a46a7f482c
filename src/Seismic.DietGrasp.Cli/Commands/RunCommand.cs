using System.Globalization;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp run</c>: the whole job on continuous records (<see cref="ContinuousProcessing"/>).</summary>
internal sealed class RunCommand : ICliCommand
{
    private const int MaxWarningsShown = 20;

    public string Name => "run";

    public string Usage => "run --waveforms DIR --stations S.csv --out OUT [--k K] [--model M.onnx] [--start T] [--end T] [--sensitivity FILE|COUNTS] [--epsg 32654] [--max-eigen X] [--std-thres KM] [--prob-thres 0.5] [--min-stations 3] [--window 1] [--threads N] [--no-pictures]";

    public int Run(CliArguments arguments, CliContext context)
    {
        var waveforms = arguments.Required("waveforms");
        var stations = arguments.Required("stations");
        var output = arguments.Required("out");
        var model = arguments.Optional("model");
        var start = Time(arguments, "start");
        var end = Time(arguments, "end");
        var sensitivity = arguments.Optional("sensitivity");
        var threads = arguments.OptionalInt("threads");
        var noPictures = arguments.Flag("no-pictures");
        var grasp = GraspCommandOptions.Parameters(arguments, detection: true, tremor: true, categorize: true);
        arguments.EnsureAllUsed();

        var options = new RunOptions(waveforms, stations, output)
            .WithTimeRange(start, end)
            .WithModel(model)
            .WithGrasp(grasp)
            .WithSensitivity(sensitivity is null ? null
                : double.TryParse(sensitivity, NumberStyles.Float, CultureInfo.InvariantCulture, out var counts) ? ChannelSensitivity.Uniform(counts)
                : ChannelSensitivity.Read(sensitivity));
        if (threads is { } n)
        {
            options = options.WithMaxDegreeOfParallelism(n);
        }
        using var bar = context.ErrorIsTerminal ? new ProgressBar(context.Error) : null;
        var result = ContinuousProcessing.Run(options, bar, context.Cancellation);
        bar?.Dispose();
        var pictures = noPictures ? null : RunPictures.Save(result, output);
        var warnings = result.Warnings.Concat(pictures?.Warnings ?? Array.Empty<string>()).ToList();

        foreach (var warning in warnings.Take(MaxWarningsShown))
        {
            context.Error.WriteLine($"dietgrasp run: warning: {warning}");
        }
        if (warnings.Count > MaxWarningsShown)
        {
            context.Error.WriteLine($"dietgrasp run: warning: {warnings.Count - MaxWarningsShown} more (see {Path.Combine(output, RunLayout.DaysFolder)}/*/warnings.txt)");
        }
        context.Output.WriteLine($"{result.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {result.EndTime:yyyy-MM-ddTHH:mm:ssZ}: {result.CompleteStationMinutes} station-minutes classified, {result.EmptyStationMinutes} left empty ({result.ComputedDays} day(s) computed, {result.ResumedDays} resumed)");
        context.Output.WriteLine($"{result.EarthquakeGroups.Count} earthquake group(s), {result.TremorGroups.Count} tremor group(s), {result.Catalogue.Count} tremor episode(s); model: {result.ModelDescription}");
        foreach (var file in result.Files.Concat(pictures?.Files ?? Array.Empty<string>()))
        {
            context.Output.WriteLine($"wrote {file}");
        }
        return CliApp.Success;
    }

    /// <summary>An optional UTC time option (<c>--start</c>, <c>--end</c>); also used by <c>plot</c>.</summary>
    internal static DateTime? Time(CliArguments arguments, string name)
    {
        var text = arguments.Optional(name);
        if (text is null)
        {
            return null;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new CliUsageException($"option --{name} expects a UTC time like 2016-04-01T00:00:00Z, got '{text}'");
        }
        return DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }

    /// <summary>A one-line progress bar redrawn on stderr (only used when stderr is a terminal).</summary>
    private sealed class ProgressBar : IProgress<RunProgress>, IDisposable
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
