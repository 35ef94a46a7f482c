using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Plotting;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp plot</c>: draws a run's pictures again from its output folder (<see cref="RunPictures.Redraw"/>), optionally for part of its time range.</summary>
internal sealed class PlotCommand : ICliCommand
{
    public string Name => "plot";

    public string Usage => "plot --out OUT --stations S.csv [--start T] [--end T] [--strike DEG]";

    public int Run(CliArguments arguments, CliContext context)
    {
        var output = arguments.Required("out");
        var stations = arguments.Required("stations");
        var start = RunCommand.Time(arguments, "start");
        var end = RunCommand.Time(arguments, "end");
        var strike = arguments.OptionalDouble("strike");
        arguments.EnsureAllUsed();

        var pictures = RunPictures.Redraw(output, StationNetwork.Read(stations), start, end, strike);
        foreach (var warning in pictures.Warnings)
        {
            context.Error.WriteLine($"dietgrasp plot: warning: {warning}");
        }
        foreach (var file in pictures.Files)
        {
            context.Output.WriteLine($"wrote {file}");
        }
        return CliApp.Success;
    }
}
