using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp distances</c>: Make_Stadis_array.</summary>
internal sealed class GraspDistancesCommand : ICliCommand
{
    public string Name => "grasp distances";

    public string Description => "Make_Stadis_array: the N x N WGS84 geodesic distances (km) between the stations, no header.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        GraspCommandOptions.Stations,
        new CliOption("out", CliValueKind.Text, "The distance matrix to write (CSV).") { Value = "D.csv", Required = true },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var output = arguments.Required("out");
        arguments.EnsureAllUsed();
        var stations = StationNetworkCsv.Read(stationsPath);
        DistanceMatrixCsv.Write(output, GraspAssociator.DistanceMatrix(stations));
        context.Output.WriteLine($"{stations.Count} x {stations.Count} WGS84 geodesic distances (km) written to {output}");
        return CliApp.Success;
    }
}
