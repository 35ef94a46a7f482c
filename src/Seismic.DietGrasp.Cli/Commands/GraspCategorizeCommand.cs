using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp categorize</c>: Apply_Categorization.</summary>
internal sealed class GraspCategorizeCommand : ICliCommand
{
    public string Name => "grasp categorize";

    public string Usage => "grasp categorize --stations S.csv --tremor T.csv --eq E.csv [--k K] [--window 1] --out X.csv";

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var tremorPath = arguments.Required("tremor");
        var earthquakePath = arguments.Required("eq");
        var output = arguments.Required("out");
        var parameters = GraspCommandOptions.Parameters(arguments, detection: false, tremor: false, categorize: true);
        arguments.EnsureAllUsed();
        var stations = StationNetwork.Read(stationsPath);
        var tremor = CandidateTable.Read(tremorPath, stations);
        var earthquakes = CandidateTable.Read(earthquakePath, stations);
        var graph = GraspAssociator.KnnGraph(stations, parameters.K);
        var categorized = GraspAssociator.ApplyCategorization(graph, tremor, earthquakes, parameters);
        CandidateTable.WriteCategorized(output, stations, categorized);
        var possible = categorized.Count(c => c.Category == TremorCategory.Possible);
        context.Output.WriteLine($"{categorized.Count} tremor group(s): {categorized.Count - possible} probable, {possible} possible; written to {output}");
        return CliApp.Success;
    }
}
