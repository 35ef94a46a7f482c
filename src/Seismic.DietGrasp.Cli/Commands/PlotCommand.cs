using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp plot</c>: draws a run's pictures again from its output folder (<see cref="RunPictures.Redraw"/>), optionally for part of its time range.</summary>
internal sealed class PlotCommand : ICliCommand
{
    public string Name => "plot";

    public string Description => "Draws a run's pictures again from its output folder (no re-run): catalogue map, migration, timeline and the strongest detection's spectrogram, for the whole run or a part of it.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("out", CliValueKind.Text, "The output folder of a run (its tables are read, its pictures rewritten).") { Value = "OUT", Required = true },
        GraspCommandOptions.Stations,
        new CliOption("start", CliValueKind.Time, "The first minute to draw (UTC); default the table's first.") { Value = "T" },
        new CliOption("end", CliValueKind.Time, "The end of the range to draw (UTC, exclusive); default after the table's last minute.") { Value = "T" },
        new CliOption("strike", CliValueKind.Number, "The strike for the migration plot and the timeline's station order, in degrees from north; default the principal axis of the stations.") { Value = "DEG" },
        new CliOption("minute", CliValueKind.Time, "Also draw the single-minute map of this minute (UTC) into Tremor_map_minute.png.") { Value = "T" },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var output = arguments.Required("out");
        var stations = arguments.Required("stations");
        var start = arguments.OptionalTime("start");
        var end = arguments.OptionalTime("end");
        var strike = arguments.OptionalDouble("strike");
        var minute = arguments.OptionalTime("minute");
        arguments.EnsureAllUsed();

        var network = StationNetworkCsv.Read(stations);
        var pictures = RunPictures.Redraw(output, network, start, end, strike);
        foreach (var warning in pictures.Warnings)
        {
            context.Error.WriteLine($"dietgrasp plot: warning: {warning}");
        }
        foreach (var file in pictures.Files)
        {
            context.Output.WriteLine($"wrote {file}");
        }
        if (minute is { } one)
        {
            context.Output.WriteLine($"wrote {RunPictures.SaveMinuteMap(output, network, one)}");
        }
        return CliApp.Success;
    }
}
