using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp nocut</c>: Apply_Nocut.</summary>
internal sealed class GraspNocutCommand : ICliCommand
{
    public string Name => "grasp nocut";

    public string Usage => "grasp nocut --stations S.csv --probabilities P.csv [--k K] [--prob-thres 0.5] [--min-stations 3] --out C.csv";

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var probabilitiesPath = arguments.Required("probabilities");
        var output = arguments.Required("out");
        var parameters = GraspCommandOptions.Parameters(arguments, detection: true, tremor: false, categorize: false);
        arguments.EnsureAllUsed();
        var stations = StationNetwork.Read(stationsPath);
        var probabilities = ProbabilityTable.Read(probabilitiesPath, stations);
        var graph = GraspAssociator.KnnGraph(stations, parameters.K);
        var groups = GraspAssociator.ApplyNocut(probabilities, graph, parameters);
        CandidateTable.Write(output, stations, groups);
        GraspCommandOptions.Report(context, $"station group(s) (k = {graph.K})", groups.Count, output);
        return CliApp.Success;
    }
}
