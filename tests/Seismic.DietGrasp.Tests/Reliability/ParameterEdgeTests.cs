using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>Parameters at the edges of their valid ranges give what their definition says, quickly.</summary>
public class ParameterEdgeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1440)]
    [InlineData(int.MaxValue)]
    public void AnyCategoryWindowAgreesWithTheDefinition(int window)
    {
        // Possible when an earthquake group within `window` whole minutes shares a station with the
        // tremor group or with a kNN neighbour of its stations (METHOD.md 4).
        var stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
        var graph = GraspAssociator.KnnGraph(stations);
        var random = new Random(window);
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        StationGroup RandomGroup() => new(
            start.AddMinutes(random.Next(3 * 1440)),
            Enumerable.Range(0, stations.Count).OrderBy(_ => random.Next()).Take(3).ToArray(),
            new[] { 0.9f, 0.8f, 0.7f });
        var tremor = Enumerable.Range(0, 200).Select(_ => RandomGroup()).ToArray();
        var earthquakes = Enumerable.Range(0, 40).Select(_ => RandomGroup()).ToArray();

        var categorized = GraspAssociator.ApplyCategorization(graph, tremor, earthquakes, GraspParameters.Default with { CategoryWindow = window });

        for (var t = 0; t < tremor.Length; t++)
        {
            var near = tremor[t].Stations.Concat(tremor[t].Stations.SelectMany(graph.Neighbours)).ToHashSet();
            var possible = earthquakes.Any(e =>
                Math.Abs((e.Minute - tremor[t].Minute).Ticks / TimeSpan.TicksPerMinute) <= window && e.Stations.Any(near.Contains));
            Assert.Equal(possible ? TremorCategory.Possible : TremorCategory.Probable, categorized[t].Category);
        }
        Assert.Contains(categorized, c => c.Category == (window == 0 ? TremorCategory.Probable : TremorCategory.Possible));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(4319, 2)]
    [InlineData(4320, 1)]
    [InlineData(int.MaxValue, 1)]
    public void AnyCatalogueGapAgreesWithTheDefinition(int maxGapMinutes, int expectedEpisodes)
    {
        // Two groups sharing a station, 4321 minutes apart: one episode once 4320 empty minutes may separate them.
        var stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        CategorizedGroup Group(int minute) => new(new StationGroup(start.AddMinutes(minute), new[] { 4, 5, 6 }, new[] { 0.9f, 0.9f, 0.9f }), TremorCategory.Probable);

        var episodes = TremorCatalogue.Build(stations, new[] { Group(0), Group(4321) }, maxGapMinutes);

        Assert.Equal(expectedEpisodes, episodes.Count);
    }
}
