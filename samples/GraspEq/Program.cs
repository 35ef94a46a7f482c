// GrASP for earthquakes (no graph cut): the original's Examples/GrASP/GrASP_EQ.py in C#.
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Samples;

var stations = StationNetworkCsv.Read(SampleData.Data("Station_info.csv"));
var distances = DistanceMatrixCsv.Read(SampleData.Data("Stadis_array_original.csv"), stations);
var graph = GraspAssociator.KnnGraph(distances, GraspParameters.Default.K);

// Load earthquake probability (synthetic: see Data/README.md)
var probabilities = ProbabilityTableCsv.Read(SampleData.Data("Probability", "Probability_EQ.csv"), stations);

// GrASP for EQ
var candidates = GraspAssociator.ApplyNocut(graph, probabilities);
var output = SampleData.Results("EQ_candidate.csv");
CandidateTableCsv.Write(output, stations, candidates);
Console.WriteLine($"{probabilities.MinuteCount} minutes: {candidates.Count} earthquake groups -> {output}");

// Apply_Nocut on tremor probabilities is how the original suggests calibrating Std_thres on a new
// network: the spread (Graph std) of the groups it finds, mean + 3 sigma.
var tremor = ProbabilityTableCsv.Read(SampleData.Data("Probability", "Probability_T.csv"), stations);
var tremorGroups = GraspAssociator.ApplyNocut(graph, tremor);
var positions = GraspAssociator.Project(stations);
Console.WriteLine($"Graph std of {tremorGroups.Count} Apply_Nocut tremor groups: suggested Std_thres {GraspAssociator.SuggestStdThreshold(tremorGroups, positions):F1} km " +
    $"(teleseisms included, which is why the S-net default is chosen on labelled scenarios instead: docs/GRASP-DEFAULTS.md)");
