using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp demo-archive</c>: a small synthetic SDS archive of some days (<see cref="SyntheticSdsArchive"/>), to try day, associate and a cluster on.</summary>
internal sealed class DemoArchiveCommand : ICliCommand
{
    public string Name => "demo-archive";

    public string Description => "A small synthetic SDS archive (9 stations, 100 Hz; each day a record from 23:50 past midnight with tremor across it) and its station file, to try day, associate and a cluster on.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("out", CliValueKind.Text, "The folder: the archive goes to OUT/sds, the station file to OUT/stations.csv.") { Value = "OUT", Required = true },
        new CliOption("start", CliValueKind.Text, "The first UTC day, YYYY-MM-DD; default 2016-04-01.") { Value = "YYYY-MM-DD" },
        new CliOption("days", CliValueKind.Integer, "How many days, at least 1; default 3.") { Value = "N" }.ReportedAs("days"),
        new CliOption("seed", CliValueKind.Integer, "Seed of the noise: the same seed gives the same files, bit for bit; default 1.") { Value = "S" },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var output = arguments.Required("out");
        var start = arguments.Optional("start") is { } text ? DayCommand.ParseDate(text) : new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var days = arguments.OptionalInt("days") ?? 3;
        var seed = arguments.OptionalInt("seed") ?? 1;
        arguments.EnsureAllUsed();

        var root = Path.Combine(output, "sds");
        var stations = Path.Combine(output, "stations.csv");
        var files = SyntheticSdsArchive.Write(root, stations, start, days, unchecked((ulong)seed));
        context.Output.WriteLine($"wrote {files.Count} file(s) of {days} day(s) from {start:yyyy-MM-dd} to {Path.GetFullPath(root)}");
        context.Output.WriteLine($"wrote {Path.GetFullPath(stations)}");
        return CliApp.Success;
    }
}
