using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp distances</c>: Make_Stadis_array.</summary>
internal sealed class GraspDistancesCommand : ICliCommand
{
    public string Name => "grasp distances";

    public string Usage => "grasp distances --stations S.csv --out D.csv";

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var output = arguments.Required("out");
        arguments.EnsureAllUsed();
        var stations = StationNetwork.Read(stationsPath);
        GraspAssociator.WriteDistanceMatrix(output, GraspAssociator.DistanceMatrix(stations));
        context.Output.WriteLine($"{stations.Count} x {stations.Count} WGS84 geodesic distances (km) written to {output}");
        return CliApp.Success;
    }
}
