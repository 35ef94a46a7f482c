using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp tremor</c>: Apply_Tremor.</summary>
internal sealed class GraspTremorCommand : ICliCommand
{
    public string Name => "grasp tremor";

    public string Usage => "grasp tremor --stations S.csv --probabilities P.csv [--k K] [--epsg 32654] [--max-eigen X] [--std-thres KM] [--prob-thres 0.5] [--min-stations 3] --out C.csv";

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var probabilitiesPath = arguments.Required("probabilities");
        var output = arguments.Required("out");
        var parameters = GraspCommandOptions.Parameters(arguments, detection: true, tremor: true, categorize: false);
        arguments.EnsureAllUsed();
        var stations = StationNetwork.Read(stationsPath);
        var probabilities = ProbabilityTable.Read(probabilitiesPath, stations);
        var graph = GraspAssociator.KnnGraph(stations, parameters.K);
        var epsg = parameters.Epsg ?? GraspAssociator.CentroidUtmEpsg(stations);
        var positions = GraspAssociator.Project(stations, epsg);
        var groups = GraspAssociator.ApplyTremor(probabilities, graph, positions, parameters);
        CandidateTable.Write(output, stations, groups);
        GraspCommandOptions.Report(context, $"tremor group(s) (k = {graph.K}, EPSG:{epsg}, Max_eigen = {parameters.MaxEigen}, Std_thres = {parameters.StdThreshold} km)", groups.Count, output);
        return CliApp.Success;
    }
}
