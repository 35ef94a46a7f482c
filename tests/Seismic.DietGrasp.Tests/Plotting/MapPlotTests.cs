using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Plotting;

public sealed class MapPlotTests
{
    private static readonly StationNetwork Snet = PictureScenario.Snet;

    [Fact]
    public void CatalogueMapDrawsEveryEpisodeOnTheDefaultSize()
    {
        var scenario = PictureScenario.Simulate(Snet, 240, 7);
        Assert.NotEmpty(scenario.Catalogue);
        var path = Path.Combine(PictureScenario.PictureFolder(), "catalogue-map.png");

        CatalogueMapPlot.SavePng(path, Snet, scenario.Catalogue);

        PictureScenario.AssertPng(path, CatalogueMapPlot.DefaultWidth, CatalogueMapPlot.DefaultHeight);
    }

    [Fact]
    public void CatalogueMapDrawsAnEmptyCatalogueAndRefusesAStationOutsideTheNetwork()
    {
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "m.png");
        CatalogueMapPlot.SavePng(path, Snet, Array.Empty<TremorEpisode>(), width: 400, height: 500);
        PictureScenario.AssertPng(path, 400, 500);
        var outside = new TremorEpisode(new DateTime(2020, 1, 1), new DateTime(2020, 1, 1, 0, 2, 0), 2, new[] { 3, 150 }, 38, 142, 0.9f, TremorCategory.Probable);
        var error = Assert.Throws<InvalidParameterException>(() => CatalogueMapPlot.SavePng(Path.Combine(folder, "bad.png"), Snet, new[] { outside }));
        Assert.Contains("150", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "bad.png")));
    }

    [Fact]
    public void StationMapDrawsTheGroupsOfOneMinuteTinyAndEmpty()
    {
        var groups = new[]
        {
            new StationGroup(new DateTime(2020, 1, 1), new[] { 4 }, new[] { 0.9f }),
            new StationGroup(new DateTime(2020, 1, 1), new[] { 10, 11, 12 }, new[] { 0.9f, 0.8f, 0.7f }),
        };
        var path = Path.Combine(PictureScenario.PictureFolder(), "station-map.png");
        StationMapPlot.SavePng(path, Snet, groups, "tiny", 400, 500);
        PictureScenario.AssertPng(path, 400, 500);
        StationMapPlot.SavePng(path, Snet, Array.Empty<StationGroup>(), "none");
        PictureScenario.AssertPng(path, StationMapPlot.DefaultWidth, StationMapPlot.DefaultHeight);
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

    [Theory]
    [InlineData(140.0, 1.0, "140°E")]
    [InlineData(-123.5, 0.5, "123.5°W")]
    [InlineData(236.5, 0.5, "123.5°W")]
    [InlineData(0.0, 1.0, "0°")]
    [InlineData(180.0, 10.0, "180°")]
    [InlineData(-180.0, 10.0, "180°")]
    [InlineData(142.25, 0.25, "142.25°E")]
    [InlineData(142.02, 0.02, "142.02°E")]
    public void LongitudeLabelsNameTheHemisphere(double degrees, double step, string expected) =>
        Assert.Equal(expected, DegreeTicks.Longitude(degrees, step));

    [Theory]
    [InlineData(38.0, 1.0, "38°N")]
    [InlineData(-12.5, 0.5, "12.5°S")]
    [InlineData(0.0, 0.5, "0.0°")]
    public void LatitudeLabelsNameTheHemisphere(double degrees, double step, string expected) =>
        Assert.Equal(expected, DegreeTicks.Latitude(degrees, step));

    [Theory]
    [InlineData(0.3, 8, 0.05)]
    [InlineData(0.12, 8, 0.02)]
    [InlineData(6.0, 8, 1)]
    [InlineData(40.0, 8, 5)]
    public void TickStepComesFromTheExtent(double span, int maxTicks, double expected)
    {
        Assert.Equal(expected, DegreeTicks.Step(140, 140 + span, maxTicks));
        Assert.InRange(DegreeTicks.Positions(140, 140 + span, expected).Count, 1, maxTicks + 1);
    }

    [Fact]
    public void TheCoastlineHasJapanOnLandAndThePacificAtSea()
    {
        var rings = Coastlines.Within(138, 146, 34, 42);
        Assert.Contains(rings, ring => Inside(ring, 139.7, 35.7)); // Tokyo
        Assert.Contains(rings, ring => Inside(ring, 141.0, 39.7)); // Iwate, inland
        Assert.DoesNotContain(rings, ring => Inside(ring, 143.5, 38.0)); // S-net, offshore Tohoku
        Assert.True(Coastlines.World.Sum(r => r.Longitudes.Length) > 40_000);
    }

    [Fact]
    public void TheCoastlineFollowsLongitudesBeyond180()
    {
        // Washington State's coast in 0-360° longitudes (a network file written that way).
        var rings = Coastlines.Within(236, 240, 46, 49);
        Assert.Contains(rings, ring => Inside(ring, 239.0, 47.5)); // the Cascades, 121°W
        Assert.All(rings, ring => Assert.True(ring.East > 200));
    }

    [Fact]
    public void TheScaleBarIsARoundFifthOfTheMap()
    {
        Assert.Equal(100, MapFrame.ScaleLength(600));
        Assert.Equal(2, MapFrame.ScaleLength(12));
        Assert.Equal(1, MapFrame.ScaleLength(3));
    }

    private static bool Inside(LandRing ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Longitudes.Length - 1; i < ring.Longitudes.Length; j = i++)
        {
            if ((ring.Latitudes[i] > y) != (ring.Latitudes[j] > y)
                && x < ((ring.Longitudes[j] - ring.Longitudes[i]) * (y - ring.Latitudes[i]) / (ring.Latitudes[j] - ring.Latitudes[i])) + ring.Longitudes[i])
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
