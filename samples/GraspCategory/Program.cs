// Tremor categorisation: the original's Examples/GrASP/GrASP_Category.py in C#.
// Run samples/GraspTremor and samples/GraspEq first: this reads their Results.
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Samples;

var stations = StationNetworkCsv.Read(SampleData.Data("Station_info.csv"));
var distances = DistanceMatrixCsv.Read(SampleData.Data("Stadis_array_original.csv"), stations);
var graph = GraspAssociator.KnnGraph(distances, GraspParameters.Default.K);

// Load tremor and EQ association results
var tremorPath = SampleData.Results("Tremor_candidate.csv");
var earthquakePath = SampleData.Results("EQ_candidate.csv");
if (!File.Exists(tremorPath) || !File.Exists(earthquakePath))
{
    Console.Error.WriteLine("Run 'dotnet run --project samples/GraspTremor' and 'dotnet run --project samples/GraspEq' first.");
    return 1;
}
var tremor = CandidateTableCsv.Read(tremorPath, stations);
var earthquakes = CandidateTableCsv.Read(earthquakePath, stations);

// GrASP for tremor categorization
var categorized = GraspAssociator.ApplyCategorization(graph, tremor, earthquakes);
var output = SampleData.Results("Tremor_category.csv");
CandidateTableCsv.WriteCategorized(output, stations, categorized);
var possible = categorized.Count(c => c.Category == TremorCategory.Possible);
Console.WriteLine($"{categorized.Count} tremor groups: {categorized.Count - possible} probable (1), {possible} possible (2) -> {output}");
return 0;
