using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp associate</c>: GrASP over day partitions, streamed day by day (<see cref="ContinuousProcessing.Associate"/>).</summary>
internal sealed class AssociateCommand : ICliCommand
{
    private const int MaxWarningsShown = 20;

    public string Name => "associate";

    public string Description => "GrASP over the day partitions of a range, one day at a time: the probability and candidate tables, the categories, the tremor catalogue, run.json and manifest.sha256, the bytes run writes for the same days.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("days", CliValueKind.Text, "The folder of day partitions (OUT/days of day or run), one YYYY-MM-DD folder per day.") { Value = "DIR", Required = true }.ReportedAs("daysDirectory"),
        RunInputOptions.Stations,
        new CliOption("out", CliValueKind.Text, "The output folder for the tables, the catalogue, run.json and manifest.sha256.") { Value = "OUT", Required = true }.ReportedAs("outputDirectory"),
        new CliOption("start", CliValueKind.Time, "The first minute: a date and time, UTC unless an offset or JST follows (2016-04-01T00:00:00Z, 2016-04-01T09:00+09:00, 2016-04-01 09:00 JST).") { Value = "T", Required = true },
        new CliOption("end", CliValueKind.Time, "The end of the range, exclusive, written as --start.") { Value = "T", Required = true }.ReportedAs("endTime"),
    }.Concat(GraspCommandOptions.Declare(detection: true, tremor: true, categorize: true)).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var days = arguments.Required("days");
        var stations = arguments.Required("stations");
        var output = arguments.Required("out");
        var start = arguments.OptionalTime("start") ?? throw new CliUsageException("option --start is required");
        var end = arguments.OptionalTime("end") ?? throw new CliUsageException("option --end is required");
        var grasp = GraspCommandOptions.Parameters(arguments, detection: true, tremor: true, categorize: true);
        arguments.EnsureAllUsed();

        var result = ContinuousProcessing.Associate(new AssociationOptions(days, stations, output, start, end) { Grasp = grasp }, null, context.Cancellation);
        foreach (var warning in result.Warnings.Take(MaxWarningsShown))
        {
            context.Error.WriteLine($"dietgrasp associate: warning: {warning.Message}");
        }
        if (result.Warnings.Count > MaxWarningsShown)
        {
            context.Error.WriteLine($"dietgrasp associate: warning: {result.Warnings.Count - MaxWarningsShown} more (see {days}/*/{RunLayout.DayWarningsFile})");
        }
        context.Output.WriteLine($"{result.StartTime:yyyy-MM-ddTHH:mm:ssZ} to {result.EndTime:yyyy-MM-ddTHH:mm:ssZ}: {result.DayCount} day(s), {result.CompleteStationMinutes} station-minutes classified, {result.EmptyStationMinutes} empty");
        context.Output.WriteLine($"{result.EarthquakeGroupCount} earthquake group(s), {result.TremorGroupCount} tremor group(s), {result.EpisodeCount} tremor episode(s)");
        foreach (var file in result.Files)
        {
            context.Output.WriteLine($"wrote {file}");
        }
        return CliApp.Success;
    }
}
