using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.Benchmarks.Grasp;

/// <summary>
/// GrASP on simulated S-net tables (150 stations, k = 12, default parameters): Apply_Tremor alone, and the
/// whole association (Apply_Tremor on tremor, Apply_Nocut on earthquakes, categorisation). Minutes = 1440
/// is one day; 360 and 2880 show that the cost is linear in the number of minutes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GraspAssociatorBenchmarks
{
    private StationNetwork _stations = null!;
    private StationGraph _graph = null!;
    private IReadOnlyList<PlanarPosition> _positions = null!;
    private ProbabilityTable _tremor = null!;
    private ProbabilityTable _earthquake = null!;

    /// <summary>Number of minutes (rows) in the tables.</summary>
    [Params(360, 1440, 2880)]
    public int Minutes { get; set; }

    /// <summary>Builds the network and the tables.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stations = StationNetworkCsv.Read(Path.Combine(FindRoot(), "samples", "Data", "Station_info.csv"));
        _graph = GraspAssociator.KnnGraph(_stations);
        _positions = GraspAssociator.Project(_stations);
        (_tremor, _earthquake) = Tables(_stations, Minutes);
    }

    /// <summary>
    /// The benchmark tables: a simulated 6-hour block (2 tremor episodes, 1 chained pair, 2 local earthquakes,
    /// 1 teleseism, false detections, missing minutes; seed 1) repeated to <paramref name="minutes"/>, so the
    /// work per minute is the same at every length. tools/grasp/GraspScenarios writes them for the Python run.
    /// </summary>
    /// <param name="stations">The network.</param>
    /// <param name="minutes">Number of minutes.</param>
    public static (ProbabilityTable Tremor, ProbabilityTable Earthquake) Tables(StationNetwork stations, int minutes)
    {
        const int block = 360;
        var simulated = ProbabilityScenario.Simulate(stations, new ScenarioOptions { Seed = 1, Minutes = block, TremorEpisodes = 2, ChainedTremorEpisodes = 1, LocalEarthquakes = 2, Teleseisms = 1 });
        return (Repeat(simulated.Tremor, minutes), Repeat(simulated.Earthquake, minutes));
    }

    private static ProbabilityTable Repeat(ProbabilityTable block, int minutes)
    {
        var n = block.StationCount;
        var values = new float[minutes * n];
        for (var m = 0; m < minutes; m++)
        {
            for (var s = 0; s < n; s++)
            {
                values[m * n + s] = block[m % block.MinuteCount, s];
            }
        }
        return new ProbabilityTable(n, Enumerable.Range(0, minutes).Select(m => block.Minutes[0].AddMinutes(m)).ToArray(), values);
    }

    /// <summary>Apply_Tremor on the tremor table.</summary>
    [Benchmark]
    public int ApplyTremor() => GraspAssociator.ApplyTremor(_graph, _tremor, _positions).Count;

    /// <summary>Apply_Tremor, Apply_Nocut on the earthquake table, and Apply_Categorization.</summary>
    [Benchmark]
    public int TremorNocutAndCategorization()
    {
        var tremor = GraspAssociator.ApplyTremor(_graph, _tremor, _positions);
        var earthquakes = GraspAssociator.ApplyNocut(_graph, _earthquake);
        return GraspAssociator.ApplyCategorization(_graph, tremor, earthquakes).Count;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "samples", "Data", "Station_info.csv")))
            {
                return folder.FullName;
            }
        }
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "samples", "Data", "Station_info.csv")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("samples/Data/Station_info.csv not found; run from inside the repository");
    }
}
