using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Plotting;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp plot</c>: draws a run's pictures again from its output folder (<see cref="RunPictures.Redraw"/>), optionally for part of its time range.</summary>
internal sealed class PlotCommand : ICliCommand
{
    public string Name => "plot";

    public string Usage => "plot --out OUT --stations S.csv [--start T] [--end T] [--strike DEG] [--minute T]";

    public int Run(CliArguments arguments, CliContext context)
    {
        var output = arguments.Required("out");
        var stations = arguments.Required("stations");
        var start = RunCommand.Time(arguments, "start");
        var end = RunCommand.Time(arguments, "end");
        var strike = arguments.OptionalDouble("strike");
        var minute = RunCommand.Time(arguments, "minute");
        arguments.EnsureAllUsed();

        var network = StationNetwork.Read(stations);
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
