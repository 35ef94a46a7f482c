using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp nocut</c>: Apply_Nocut.</summary>
internal sealed class GraspNocutCommand : ICliCommand
{
    public string Name => "grasp nocut";

    public string Description => "Apply_Nocut: per minute, the connected groups of detecting stations in the kNN graph (earthquake groups).";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        GraspCommandOptions.Stations,
        new CliOption("probabilities", CliValueKind.Text, "Per-minute probabilities of one class: year, month, day, hour, minute, then one column per station (the original's Probability_T.csv or Probability_EQ.csv).") { Value = "P.csv", Required = true },
        new CliOption("out", CliValueKind.Text, "The candidate table to write (CSV, the original's EQ_candidate.csv format).") { Value = "C.csv", Required = true },
    }.Concat(GraspCommandOptions.Declare(detection: true, tremor: false, categorize: false)).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var probabilitiesPath = arguments.Required("probabilities");
        var output = arguments.Required("out");
        var parameters = GraspCommandOptions.Parameters(arguments, detection: true, tremor: false, categorize: false);
        arguments.EnsureAllUsed();
        var stations = StationNetworkCsv.Read(stationsPath);
        var probabilities = ProbabilityTableCsv.Read(probabilitiesPath, stations);
        var graph = GraspAssociator.KnnGraph(stations, parameters.K);
        var groups = GraspAssociator.ApplyNocut(graph, probabilities, parameters);
        CandidateTableCsv.Write(output, stations, groups);
        GraspCommandOptions.Report(context, $"station group(s) (k = {graph.K})", groups.Count, output);
        return CliApp.Success;
    }
}
