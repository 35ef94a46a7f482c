using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp categorize</c>: Apply_Categorization.</summary>
internal sealed class GraspCategorizeCommand : ICliCommand
{
    public string Name => "grasp categorize";

    public string Description => "Apply_Categorization: each tremor group probable (1) or possible (2) tremor, from the earthquake groups near it in time and space.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        GraspCommandOptions.Stations,
        new CliOption("tremor", CliValueKind.Text, "The tremor groups (the output of grasp tremor).") { Value = "T.csv", Required = true },
        new CliOption("eq", CliValueKind.Text, "The earthquake groups (the output of grasp nocut on earthquake probabilities).") { Value = "E.csv", Required = true },
        new CliOption("out", CliValueKind.Text, "The categorised table to write (CSV, the original's Tremor_category.csv format).") { Value = "X.csv", Required = true },
    }.Concat(GraspCommandOptions.Declare(detection: false, tremor: false, categorize: true)).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var tremorPath = arguments.Required("tremor");
        var earthquakePath = arguments.Required("eq");
        var output = arguments.Required("out");
        var parameters = GraspCommandOptions.Parameters(arguments, detection: false, tremor: false, categorize: true);
        arguments.EnsureAllUsed();
        var stations = StationNetworkCsv.Read(stationsPath);
        var tremor = CandidateTableCsv.Read(tremorPath, stations);
        var earthquakes = CandidateTableCsv.Read(earthquakePath, stations);
        var graph = GraspAssociator.KnnGraph(stations, parameters.K);
        var categorized = GraspAssociator.ApplyCategorization(graph, tremor, earthquakes, parameters);
        CandidateTableCsv.WriteCategorized(output, stations, categorized);
        var possible = categorized.Count(c => c.Category == TremorCategory.Possible);
        context.Output.WriteLine($"{categorized.Count} tremor group(s): {categorized.Count - possible} probable, {possible} possible; written to {output}");
        return CliApp.Success;
    }
}
