using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Plotting;

public sealed class GraspPlotTests
{
    private static readonly StationNetwork Snet = StationNetwork.Read(TestPaths.TestData("Grasp", "Station_info.csv"));

    [Fact]
    public void StationMapWritesAPngOfTheDefaultSize()
    {
        var simulated = ProbabilityScenario.Simulate(Snet, new ScenarioOptions { Minutes = 120, Seed = 3 });
        var graph = GraspAssociator.KnnGraph(Snet);
        var groups = GraspAssociator.ApplyNocut(simulated.Tremor, graph);
        var minute = groups.GroupBy(g => g.Minute).OrderByDescending(m => m.Count()).First().ToList();
        var path = Path.Combine(PictureFolder(), "station-map.png");

        StationMapPlot.SavePng(path, Snet, minute, $"Tremor groups {minute[0].Minute:yyyy-MM-dd HH:mm} UTC");

        AssertPng(path, StationMapPlot.DefaultWidth, StationMapPlot.DefaultHeight);
    }

    [Fact]
    public void StationMapDrawsTinyAndEmptyGroups()
    {
        var groups = new[]
        {
            new StationGroup(new DateTime(2020, 1, 1), new[] { 4 }, new[] { 0.9f }),
            new StationGroup(new DateTime(2020, 1, 1), new[] { 10, 11 }, new[] { 0.9f, 0.8f }),
        };
        var path = Path.Combine(TestPaths.NewScratchFolder(), "m.png");
        StationMapPlot.SavePng(path, Snet, groups, "tiny", 400, 500);
        AssertPng(path, 400, 500);
        StationMapPlot.SavePng(path, Snet, Array.Empty<StationGroup>(), "none");
        AssertPng(path, StationMapPlot.DefaultWidth, StationMapPlot.DefaultHeight);
    }

    [Fact]
    public void StationMapRefusesAGroupOutsideTheNetwork()
    {
        var groups = new[] { new StationGroup(new DateTime(2020, 1, 1), new[] { 3, 150 }, new[] { 0.9f, 0.9f }) };
        var folder = TestPaths.NewScratchFolder();
        var error = Assert.Throws<InvalidParameterException>(() => StationMapPlot.SavePng(Path.Combine(folder, "m.png"), Snet, groups, "bad"));
        Assert.Contains("150", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void ConvexHullKeepsTheCornersOnly()
    {
        var hull = StationMapPlot.ConvexHull(new[] { (0.0, 0.0), (2.0, 0.0), (1.0, 1.0), (2.0, 2.0), (0.0, 2.0), (1.0, 0.0) });
        Assert.Equal(new[] { (0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0) }, hull);
        Assert.Empty(StationMapPlot.ConvexHull(new[] { (0.0, 0.0), (1.0, 1.0), (2.0, 2.0) }));
    }

    [Fact]
    public void TimelineWritesAPngWithMissingCellsAndEpisodes()
    {
        var simulated = ProbabilityScenario.Simulate(Snet, new ScenarioOptions { Minutes = 180, Seed = 5 });
        var episodes = simulated.Events.Where(e => e.Kind == ScenarioEventKind.Tremor)
            .Select(e => (e.Start, e.Start.AddMinutes(e.DurationMinutes))).ToList();
        var path = Path.Combine(PictureFolder(), "tremor-timeline.png");

        ProbabilityTimelinePlot.SavePng(path, Snet, simulated.Tremor, episodes);

        AssertPng(path, ProbabilityTimelinePlot.DefaultWidth, ProbabilityTimelinePlot.DefaultHeight);
    }

    [Fact]
    public void TimelineBinsALongTable()
    {
        var minutes = Enumerable.Range(0, 2 * ProbabilityTimelinePlot.MaxColumns + 7).Select(m => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(m)).ToArray();
        var values = new float[minutes.Length * 3];
        values[5] = 1;
        var table = new ProbabilityTable(3, minutes, values);
        var network = new StationNetwork(new[] { "A", "B", "C" }, new[] { 38.0, 38.1, 38.2 }, new[] { 142.0, 142.1, 142.2 });
        var bytes = ProbabilityTimelinePlot.RenderPng(network, table, Array.Empty<(DateTime, DateTime)>(), "EQ", 600, 300);
        Assert.True(bytes.Length > 1000);
    }

    [Fact]
    public void TimelineRefusesMismatchedStationsAndBackwardEpisodes()
    {
        var table = new ProbabilityTable(149, new[] { new DateTime(2020, 1, 1) }, new float[149]);
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "t.png");
        var error = Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.SavePng(path, Snet, table, Array.Empty<(DateTime, DateTime)>()));
        Assert.Contains("149", error.Message, StringComparison.Ordinal);

        var good = new ProbabilityTable(150, new[] { new DateTime(2020, 1, 1) }, new float[150]);
        var backward = new[] { (new DateTime(2020, 1, 1, 0, 5, 0), new DateTime(2020, 1, 1, 0, 1, 0)) };
        Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.SavePng(path, Snet, good, backward));
        Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.SavePng(path, Snet, good, Array.Empty<(DateTime, DateTime)>(), "x", 100, 100));
        Assert.Empty(Directory.GetFiles(folder));
    }

    /// <summary>
    /// Pictures worth looking at: kept in the folder named by DIETGRASP_TEST_PICTURES when it is set,
    /// otherwise written to the test's scratch folder and removed with it.
    /// </summary>
    private static string PictureFolder()
    {
        var keep = Environment.GetEnvironmentVariable("DIETGRASP_TEST_PICTURES");
        if (string.IsNullOrEmpty(keep))
        {
            return TestPaths.NewScratchFolder();
        }
        Directory.CreateDirectory(keep);
        return keep;
    }

    private static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
        Assert.Equal(width, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(height, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
        Assert.True(bytes.Length > 5000, $"{path}: only {bytes.Length} bytes");
    }
}
