// GrASP for tremor: the original's Examples/GrASP/GrASP_Tremor.py in C#.
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Samples;

// Load station locations
var stations = StationNetworkCsv.Read(SampleData.Data("Station_info.csv"));

// Make the adjacency matrix (permanent adjacency). The distance matrix is used again and again,
// so it is kept in a file (Data/Stadis_array_original.csv) and computed only when missing.
var distancePath = SampleData.Data("Stadis_array_original.csv");
double[,] distances;
if (File.Exists(distancePath))
{
    distances = DistanceMatrixCsv.Read(distancePath, stations);
}
else
{
    distances = GraspAssociator.DistanceMatrix(stations);
    DistanceMatrixCsv.Write(distancePath, distances);
}
var parameters = GraspParameters.Default with { Epsg = 32654 }; // Params_GrASP: EPSG_proj for the Japan Trench
var graph = GraspAssociator.KnnGraph(distances, parameters.K);

// Convert to XY coordinates
var positions = GraspAssociator.Project(stations, parameters.Epsg);

// Load tremor probability (synthetic: see Data/README.md)
var probabilities = ProbabilityTableCsv.Read(SampleData.Data("Probability", "Probability_T.csv"), stations);

// GrASP for tremor
var candidates = GraspAssociator.ApplyTremor(graph, probabilities, positions, parameters);
var output = SampleData.Results("Tremor_candidate.csv");
CandidateTableCsv.Write(output, stations, candidates);
Console.WriteLine($"{probabilities.MinuteCount} minutes, {stations.Count} stations, k = {graph.K}: {candidates.Count} tremor groups -> {output}");
foreach (var group in candidates.Take(5))
{
    Console.WriteLine($"  {group.Minute:yyyy-MM-dd HH:mm}  {group.Count,3} stations  Graph std {GraspAssociator.GraphStd(group.Stations, positions),5:F1} km  {string.Join(" ", group.Stations.Select(s => stations.Names[s]))}");
}
