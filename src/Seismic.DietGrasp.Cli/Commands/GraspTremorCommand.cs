using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp grasp tremor</c>: Apply_Tremor.</summary>
internal sealed class GraspTremorCommand : ICliCommand
{
    public string Name => "grasp tremor";

    public string Description => "Apply_Tremor: as nocut, then groups split by their Fiedler vector and kept only when compact (tremor groups).";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        GraspCommandOptions.Stations,
        new CliOption("probabilities", CliValueKind.Text, "Per-minute probabilities of one class: year, month, day, hour, minute, then one column per station (the original's Probability_T.csv or Probability_EQ.csv).") { Value = "P.csv", Required = true },
        new CliOption("out", CliValueKind.Text, "The candidate table to write (CSV, the original's Tremor_candidate.csv format).") { Value = "C.csv", Required = true },
    }.Concat(GraspCommandOptions.Declare(detection: true, tremor: true, categorize: false)).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var stationsPath = arguments.Required("stations");
        var probabilitiesPath = arguments.Required("probabilities");
        var output = arguments.Required("out");
        var parameters = GraspCommandOptions.Parameters(arguments, detection: true, tremor: true, categorize: false);
        arguments.EnsureAllUsed();
        var stations = StationNetworkCsv.Read(stationsPath);
        var probabilities = ProbabilityTableCsv.Read(probabilitiesPath, stations);
        var graph = GraspAssociator.KnnGraph(stations, parameters.K);
        var epsg = parameters.Epsg ?? GraspAssociator.CentroidUtmEpsg(stations);
        var positions = GraspAssociator.Project(stations, epsg);
        var groups = GraspAssociator.ApplyTremor(graph, probabilities, positions, parameters);
        CandidateTableCsv.Write(output, stations, groups);
        GraspCommandOptions.Report(context, $"tremor group(s) (k = {graph.K}, EPSG:{epsg}, Max_eigen = {parameters.MaxEigen}, Std_thres = {parameters.StdThreshold} km)", groups.Count, output);
        return CliApp.Success;
    }
}
