// dotnet run -c Release --project tools/grasp/GraspScenarios -- sample-data
//   writes samples/Data/Probability/Probability_T.csv and Probability_EQ.csv (synthetic, seed 2016)
// dotnet run -c Release --project tools/grasp/GraspScenarios -- defaults [trials]
//   prints the Max_eigen / Std_thres evidence table of docs/GRASP-DEFAULTS.md
// dotnet run -c Release --project tools/grasp/GraspScenarios -- day MINUTES FOLDER
//   writes the Grasp benchmark's tables and the C# Apply_Tremor result, for tools/bench/grasp_python.py
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Synthetics;

var root = FindRoot();
var stations = StationNetworkCsv.Read(Path.Combine(root, "samples", "Data", "Station_info.csv"));
switch (args.FirstOrDefault())
{
    case "sample-data":
        var simulated = ProbabilityScenario.Simulate(stations, new ScenarioOptions { Seed = 2016, Minutes = 180, TremorEpisodes = 4, ChainedTremorEpisodes = 1, LocalEarthquakes = 4, Teleseisms = 1 });
        var folder = Path.Combine(root, "samples", "Data", "Probability");
        ProbabilityTableCsv.Write(Path.Combine(folder, "Probability_T.csv"), simulated.Tremor, stations);
        ProbabilityTableCsv.Write(Path.Combine(folder, "Probability_EQ.csv"), simulated.Earthquake, stations);
        foreach (var e in simulated.Events)
        {
            Console.WriteLine($"| {e.Kind} | {e.Start:yyyy-MM-dd HH:mm} | {e.DurationMinutes} | {string.Join(", ", e.CentreStations.Select(s => stations.Names[s]))} | {e.RadiusKm:F0} | {e.Stations.Count} |");
        }
        return 0;
    case "day":
        // day MINUTES FOLDER: the tables of the Grasp benchmark (same options), for tools/bench/grasp_python.py
        var minutes = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var day = Seismic.DietGrasp.Benchmarks.Grasp.GraspAssociatorBenchmarks.Tables(stations, minutes);
        Directory.CreateDirectory(args[2]);
        ProbabilityTableCsv.Write(Path.Combine(args[2], "Probability_T.csv"), day.Tremor, stations);
        ProbabilityTableCsv.Write(Path.Combine(args[2], "Probability_EQ.csv"), day.Earthquake, stations);
        var tremorGroups = GraspAssociator.ApplyTremor(GraspAssociator.KnnGraph(stations), day.Tremor, GraspAssociator.Project(stations));
        CandidateTableCsv.Write(Path.Combine(args[2], "Tremor_candidate.csv"), stations, tremorGroups);
        Console.WriteLine($"{minutes} minutes, {tremorGroups.Count} tremor groups -> {args[2]}");
        return 0;
    case "defaults":
        DefaultsTable(stations, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
        return 0;
    default:
        Console.Error.WriteLine("usage: GraspScenarios sample-data | defaults [trials]");
        return 2;
}

static void DefaultsTable(StationNetwork stations, int trials)
{
    var distances = GraspAssociator.DistanceMatrix(stations);
    var graph = GraspAssociator.KnnGraph(distances);
    var positions = GraspAssociator.Project(stations);
    var n = stations.Count;
    ProbabilityTable OneMinute(int[] footprint, Random random, double detectionChance) => ProbabilityScenario.SingleMinute(n, footprint, detectionChance, random);

    Console.WriteLine("| Max_eigen | Std_thres | compact 30-45 km split / lost | compact 45-60 km split / lost | compact 60-75 km split / lost | chained 30-45 km split | chained 45-60 km split | chained 60-75 km split | teleseism (90 %) removed | teleseism (60 %) removed |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    var radii = new[] { (30.0, 45.0), (45.0, 60.0), (60.0, 75.0) };
    foreach (var (maxEigen, stdThreshold) in new[] { (0.003, 50.0), (0.005, 45.0), (0.005, 50.0), (0.005, 55.0), (0.005, 65.0), (0.01, 50.0), (0.02, 50.0) })
    {
        var parameters = GraspParameters.Default with { MaxEigen = maxEigen, StdThreshold = stdThreshold };
        var cells = new List<string>();
        foreach (var (low, high) in radii)
        {
            var random = new Random(7);
            int split = 0, lost = 0, count = 0;
            while (count < trials)
            {
                var radius = low + (high - low) * random.NextDouble();
                var footprint = ProbabilityScenario.CompactSource(distances, random.Next(n), radius);
                if (footprint.Length < 3)
                {
                    continue;
                }
                var groups = GraspAssociator.ApplyTremor(graph, OneMinute(footprint, random, 0.9), positions, parameters)
                    .Where(g => g.Stations.Count(footprint.Contains) * 2 >= g.Count).ToList();
                count++;
                lost += groups.Count == 0 ? 1 : 0;
                split += groups.Count >= 2 ? 1 : 0;
            }
            cells.Add($"{100.0 * split / count:F0} % / {100.0 * lost / count:F0} %");
        }
        foreach (var (low, high) in radii)
        {
            var random = new Random(8);
            var split = 0;
            for (var t = 0; t < trials; t++)
            {
                var radius = low + (high - low) * random.NextDouble();
                int a, b;
                do
                {
                    a = random.Next(n);
                    b = random.Next(n);
                }
                while (distances[a, b] < 4 * radius || distances[a, b] > 8 * radius);
                var footprint = ProbabilityScenario.ChainedSources(distances, graph, a, b, radius);
                var groups = GraspAssociator.ApplyTremor(graph, OneMinute(footprint, random, 1.0), positions, parameters with { StdThreshold = double.PositiveInfinity });
                split += groups.Any(g => g.Stations.Contains(a) && g.Stations.Contains(b)) ? 0 : 1;
            }
            cells.Add($"{100.0 * split / trials:F0} %");
        }
        foreach (var chance in new[] { 0.9, 0.6 })
        {
            var random = new Random(9);
            var removed = 0;
            for (var t = 0; t < trials; t++)
            {
                removed += GraspAssociator.ApplyTremor(graph, OneMinute(Enumerable.Range(0, n).ToArray(), random, chance), positions, parameters).Count == 0 ? 1 : 0;
            }
            cells.Add($"{100.0 * removed / trials:F0} %");
        }
        Console.WriteLine($"| {maxEigen} | {stdThreshold} km | {string.Join(" | ", cells)} |");
    }
}

static string FindRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Seismic.DietGrasp.sln")))
        {
            return folder.FullName;
        }
    }
    throw new DirectoryNotFoundException("run from inside the repository");
}
