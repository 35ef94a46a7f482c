using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Grasp;

/// <summary>The evidence of docs/GRASP-DEFAULTS.md as assertions: simulated S-net scenarios, default parameters.</summary>
public class ScenarioDefaultsTests
{
    private const int Trials = 40;
    private static readonly StationNetwork Stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
    private static readonly double[,] Distances = GraspAssociator.DistanceMatrix(Stations);
    private static readonly StationGraph Graph = GraspAssociator.KnnGraph(Distances);
    private static readonly IReadOnlyList<PlanarPosition> Positions = GraspAssociator.Project(Stations);

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        Assert.Equal(12, Graph.K);
        Assert.Equal(0.005, GraspParameters.Default.MaxEigen);
        Assert.Equal(50, GraspParameters.Default.StdThreshold);
    }

    [Fact]
    public void CompactSourceIsNeverSplit()
    {
        var random = new Random(11);
        int kept = 0, split = 0;
        for (var t = 0; t < Trials; t++)
        {
            var footprint = ProbabilityScenario.CompactSource(Distances, random.Next(Stations.Count), 45 + 15 * random.NextDouble());
            if (footprint.Length < 3)
            {
                t--;
                continue;
            }
            var groups = GraspAssociator.ApplyTremor(Graph, ProbabilityScenario.SingleMinute(Stations.Count, footprint, 0.9, random), Positions)
                .Where(g => g.Stations.Count(footprint.Contains) * 2 >= g.Count).ToList();
            kept += groups.Count >= 1 ? 1 : 0;
            split += groups.Count >= 2 ? 1 : 0;
        }
        Assert.Equal(0, split);
        Assert.True(kept >= Trials * 8 / 10, $"kept {kept} of {Trials}");
    }

    [Fact]
    public void ChainedSourcesAreSplit()
    {
        var random = new Random(12);
        var split = 0;
        for (var t = 0; t < Trials; t++)
        {
            var radius = 60 + 15 * random.NextDouble();
            var (a, b) = Pair(random, 4 * radius, 8 * radius);
            var footprint = ProbabilityScenario.ChainedSources(Distances, Graph, a, b, radius);
            var groups = GraspAssociator.ApplyTremor(Graph, ProbabilityScenario.SingleMinute(Stations.Count, footprint, 1.0, random), Positions,
                GraspParameters.Default with { StdThreshold = double.PositiveInfinity });
            split += groups.Any(g => g.Stations.Contains(a) && g.Stations.Contains(b)) ? 0 : 1;
        }
        Assert.True(split >= Trials * 9 / 10, $"split {split} of {Trials}");
    }

    [Fact]
    [Trait("Category", "Slow")] // 17 s in the full run of 2026-12-03 (shared 2-core machine, load about 50)
    public void TeleseismIsRemovedByDefaultButNotWithALargerMaxEigen()
    {
        var everyone = Enumerable.Range(0, Stations.Count).ToArray();
        int removed = 0, removedLoose = 0;
        var random = new Random(13);
        for (var t = 0; t < Trials; t++)
        {
            var table = ProbabilityScenario.SingleMinute(Stations.Count, everyone, 0.9, random);
            removed += GraspAssociator.ApplyTremor(Graph, table, Positions).Count == 0 ? 1 : 0;
            removedLoose += GraspAssociator.ApplyTremor(Graph, table, Positions, GraspParameters.Default with { MaxEigen = 0.02 }).Count == 0 ? 1 : 0;
        }
        Assert.True(removed >= Trials * 9 / 10, $"removed {removed} of {Trials}");
        Assert.True(removedLoose <= Trials / 4, $"Max_eigen 0.02 removed {removedLoose} of {Trials}");
    }

    [Fact]
    public void SimulatedDayIsFoundWhereItWasInjected()
    {
        var simulated = ProbabilityScenario.Simulate(Stations, new ScenarioOptions { Seed = 5, Minutes = 360, TremorEpisodes = 4, ChainedTremorEpisodes = 0, LocalEarthquakes = 0, Teleseisms = 1 });
        var groups = GraspAssociator.ApplyTremor(Graph, simulated.Tremor, Positions);
        foreach (var tremor in simulated.Events.Where(e => e.Kind == ScenarioEventKind.Tremor && e.Stations.Count >= 5))
        {
            var during = groups.Where(g => g.Minute >= tremor.Start && g.Minute < tremor.Start.AddMinutes(tremor.DurationMinutes) && g.Stations.Contains(tremor.CentreStations[0])).Count();
            Assert.True(during >= tremor.DurationMinutes / 2, $"{during} of {tremor.DurationMinutes} minutes found for tremor at {tremor.Start}");
        }
        var teleseism = simulated.Events.Single(e => e.Kind == ScenarioEventKind.Teleseism);
        Assert.DoesNotContain(groups, g => g.Minute >= teleseism.Start && g.Minute < teleseism.Start.AddMinutes(teleseism.DurationMinutes) && g.Count > 30);
    }

    [Fact]
    public void SimulationIsDeterministic()
    {
        var options = new ScenarioOptions { Seed = 9, Minutes = 30 };
        var first = ProbabilityScenario.Simulate(Stations, options);
        var second = ProbabilityScenario.Simulate(Stations, options);
        for (var m = 0; m < 30; m++)
        {
            for (var s = 0; s < Stations.Count; s++)
            {
                Assert.Equal(first.Tremor[m, s], second.Tremor[m, s]);
                Assert.Equal(first.Earthquake[m, s], second.Earthquake[m, s]);
            }
        }
    }

    private static (int A, int B) Pair(Random random, double minKm, double maxKm)
    {
        while (true)
        {
            int a = random.Next(Stations.Count), b = random.Next(Stations.Count);
            if (Distances[a, b] >= minKm && Distances[a, b] <= maxKm)
            {
                return (a, b);
            }
        }
    }
}
