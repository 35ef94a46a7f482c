using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Grasp;

/// <summary>Properties every output must have, on random and simulated tables.</summary>
public class InvariantTests
{
    private static readonly StationNetwork Stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
    private static readonly IReadOnlyList<PlanarPosition> Positions = GraspAssociator.Project(Stations);

    private static ProbabilityTable RandomTable(int seed, double detectingShare)
    {
        var random = new Random(seed);
        const int minutes = 20;
        var values = new float[minutes * Stations.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble() < 0.01 ? float.NaN
                : random.NextDouble() < detectingShare ? (float)(0.5 + 0.5 * random.NextDouble()) : (float)(0.5 * random.NextDouble());
        }
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new ProbabilityTable(Stations.Count, Enumerable.Range(0, minutes).Select(m => start.AddMinutes((m * 7) % minutes)).ToArray(), values);
    }

    public static TheoryData<int, double, int, double, int> Cases() => new()
    {
        { 1, 0.3, 12, 0.005, 3 },
        { 2, 0.5, 12, 0.02, 3 },
        { 3, 0.8, 6, 0.05, 2 },
        { 4, 0.4, 3, 0.1, 4 },
        { 5, 0.95, 12, 0.01, 3 },
        { 6, 0.2, 20, 0.5, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GroupsAreConnectedBigEnoughDetectingDisjointAndRefined(int seed, double share, int k, double maxEigen, int minStations)
    {
        var table = seed == 5 ? ProbabilityScenario.Simulate(Stations, new ScenarioOptions { Seed = seed, Minutes = 60 }).Tremor : RandomTable(seed, share);
        var graph = GraspAssociator.KnnGraph(Stations, k);
        var parameters = GraspParameters.Default with { MaxEigen = maxEigen, MinStations = minStations, StdThreshold = 120, K = k };
        var nocut = GraspAssociator.ApplyNocut(graph, table, parameters);
        var tremor = GraspAssociator.ApplyTremor(graph, table, Positions, parameters);
        Assert.NotEmpty(nocut);

        foreach (var groups in new[] { nocut, tremor })
        {
            for (var i = 1; i < groups.Count; i++)
            {
                var order = groups[i - 1].Minute.CompareTo(groups[i].Minute);
                Assert.True(order < 0 || (order == 0 && groups[i - 1].FirstStation < groups[i].FirstStation));
            }
            foreach (var group in groups)
            {
                Assert.True(group.Count >= minStations);
                Assert.All(group.Probabilities, p => Assert.True(p >= parameters.ProbabilityThreshold));
                Assert.True(IsConnected(graph, group.Stations));
            }
        }
        foreach (var minute in nocut.GroupBy(g => g.Minute))
        {
            var all = minute.SelectMany(g => g.Stations).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
        }
        foreach (var group in tremor)
        {
            Assert.Contains(nocut, n => n.Minute == group.Minute && group.Stations.All(n.Stations.Contains));
            Assert.True(GraspAssociator.GraphStd(group.Stations, Positions) <= 120);
        }
    }

    private static bool IsConnected(StationGraph graph, IReadOnlyList<int> stations)
    {
        var members = new HashSet<int>(stations);
        var seen = new HashSet<int> { stations[0] };
        var queue = new Queue<int>(seen);
        while (queue.Count > 0)
        {
            foreach (var neighbour in graph.Neighbours(queue.Dequeue()))
            {
                if (members.Contains(neighbour) && seen.Add(neighbour))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }
        return seen.Count == members.Count;
    }
}
