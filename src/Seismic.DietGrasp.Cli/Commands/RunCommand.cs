using System.Globalization;
using Seismic.DietGrasp.Metadata;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp run</c>: the whole job on continuous records (<see cref="ContinuousProcessing"/>).</summary>
internal sealed class RunCommand : ICliCommand
{
    private const int MaxWarningsShown = 20;

    public string Name => "run";

    public string Description => "The whole job on continuous records: spectrograms, DiET probabilities, GrASP groups and the tremor catalogue, day by day (a re-run resumes).";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("waveforms", CliValueKind.Text, "A folder of SAC and/or miniSEED files, any names, any number of files per channel (gaps and overlaps allowed); station from the headers, component from the channel's last letter.") { Value = "DIR", Required = true }.ReportedAs("waveformDirectory"),
        (GraspCommandOptions.Stations with { Description = "The stations (every table's columns, in this order): Station_info.csv (name,lat,lon; names match NET.STA or STA of the waveforms), StationXML (stations as NET.STA) or NIED's channel table (.ch)." }).ReportedAs("stationFile"),
        new CliOption("out", CliValueKind.Text, "The output folder: probability and candidate tables, the tremor catalogue, pictures, and days/ for resuming.") { Value = "OUT", Required = true }.ReportedAs("outputDirectory"),
        new CliOption("start", CliValueKind.Time, "The first minute to process: a date and time, UTC unless an offset or JST follows (2016-04-01T00:00:00Z, 2016-04-01T09:00+09:00, 2016-04-01 09:00 JST); default the start of the waveforms.") { Value = "T" }.ReportedAs("startTime"),
        new CliOption("end", CliValueKind.Time, "The end of the time range, exclusive, written as --start; default the end of the waveforms. At most a day past the waveforms.") { Value = "T" }.ReportedAs("endTime"),
        new CliOption("channels", CliValueKind.Text, "Which three-component set to use where a station has several: channel codes, most wanted first, '?' for any one character (e.g. HH?,EH?,BH?). Default: a rate of at least 40 Hz, velocity over acceleration, the highest rate; a tie is an error naming the sets.") { Value = "LIST" }.ReportedAs("channelSelection", "channelPriority"),
        new CliOption("location", CliValueKind.Text, "Use only sets of this location code (write --location=-- for the empty one); default any.") { Value = "LOC" }.ReportedAs("location"),
        new CliOption("model", CliValueKind.Text, "An ONNX model with the DiET contract [N, 73, 71, 3] -> [N, 3]; default the model bundled with the library.") { Value = "M.onnx" }.ReportedAs("modelPath"),
        new CliOption("highpass", CliValueKind.Number, "The corner in Hz of the zero-phase Butterworth high-pass (order 4) applied to the continuous records before minutes are cut; 0 turns it off. Default 1.") { Value = "HZ" }.ReportedAs("highPass"),
        new CliOption("sensitivity", CliValueKind.Text, "Counts per m/s: one number for every channel, a CSV file (channel,sensitivity), StationXML (each channel's stated sensitivity, its response checked flat over 2-20 Hz) or NIED's channel table (.ch); default none (the records are used as they are).") { Value = "FILE|COUNTS" }.ReportedAs("countsPerMeterPerSecond"),
        new CliOption("allow-non-flat-response", CliValueKind.Flag, "With a StationXML --sensitivity: use responses that are not flat over 2-20 Hz (ripple above 1 dB) at their mean over the band, instead of refusing them."),
        new CliOption("threads", CliValueKind.Integer, "Stations processed at once, at least 1; default one per processor.") { Value = "N" }.ReportedAs("maxDegreeOfParallelism"),
        new CliOption("no-pictures", CliValueKind.Flag, "Skip the PNG pictures (the tables and the catalogue only)."),
        new CliOption("on-corrupt", CliValueKind.Text, "What a corrupt miniSEED record or SAC file does: fail (the default) stops the run naming file, record and byte offset; skip leaves it out with a warning naming file, record, channel and time, and its minutes empty (every record is decoded once while indexing).") { Value = "fail|skip" },
    }.Concat(GraspCommandOptions.Declare(detection: true, tremor: true, categorize: true)).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var waveforms = arguments.Required("waveforms");
        var stations = arguments.Required("stations");
        var output = arguments.Required("out");
        var model = arguments.Optional("model");
        var highPass = arguments.OptionalDouble("highpass");
        var start = arguments.OptionalTime("start");
        var end = arguments.OptionalTime("end");
        var sensitivity = arguments.Optional("sensitivity");
        var allowNonFlat = arguments.Flag("allow-non-flat-response");
        var channels = arguments.Optional("channels");
        var location = arguments.Optional("location");
        var threads = arguments.OptionalInt("threads");
        var noPictures = arguments.Flag("no-pictures");
        var onCorrupt = arguments.Optional("on-corrupt") switch
        {
            null or "fail" => CorruptRecordHandling.Fail,
            "skip" => CorruptRecordHandling.Skip,
            var other => throw new CliUsageException($"--on-corrupt is '{other}'; expected fail or skip"),
        };
        var grasp = GraspCommandOptions.Parameters(arguments, detection: true, tremor: true, categorize: true);
        arguments.EnsureAllUsed();
        if (allowNonFlat && sensitivity is null)
        {
            throw new CliUsageException("--allow-non-flat-response applies to a StationXML --sensitivity only");
        }

        var options = new RunOptions(waveforms, stations, output)
        {
            OnCorrupt = onCorrupt,
            Logger = context.Verbose ? new CliLogger(context.Error, "dietgrasp run") : null,
            StartTime = start,
            EndTime = end,
            ModelPath = model,
            Grasp = grasp,
            Sensitivity = sensitivity is null ? null
                : double.TryParse(sensitivity, NumberStyles.Float, CultureInfo.InvariantCulture, out var counts) ? ChannelSensitivity.Uniform(counts)
                : MetadataFile.ReadSensitivity(sensitivity, allowNonFlat),
            HighPass = highPass ?? WaveformPreprocessing.DefaultHighPassCorner,
            Channels = ChannelSelection.Create(channels, location),
        }.Validate();
        if (threads is { } n)
        {
            options = options with { MaxDegreeOfParallelism = n };
        }
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
