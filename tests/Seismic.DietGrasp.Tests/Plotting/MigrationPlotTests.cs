using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Plotting;

public sealed class MigrationPlotTests
{
    private static readonly DateTime Start = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(30.0)]
    [InlineData(120.0)]
    [InlineData(0.0)]
    public void ThePrincipalAxisOfStationsOnALineIsTheLine(double azimuth)
    {
        var xScale = Math.Cos(38 * Math.PI / 180);
        var radians = azimuth * Math.PI / 180;
        var stations = new StationNetwork(
            Enumerable.Range(0, 7).Select(i => $"L{i}"),
            Enumerable.Range(0, 7).Select(i => 38 + (i * 0.1 * Math.Cos(radians))),
            Enumerable.Range(0, 7).Select(i => 142 + (i * 0.1 * Math.Sin(radians) / xScale)));
        var strike = StrikeAxis.Of(stations);
        Assert.Equal(azimuth, strike.Azimuth, 0.5);
        var distances = Enumerable.Range(0, 7).Select(i => strike.Distance(stations.Latitudes[i], stations.Longitudes[i])).ToArray();
        for (var i = 1; i < 7; i++)
        {
            // 0.1° of latitude apart along the line: 11.1 km.
            Assert.Equal(11.12, distances[i] - distances[i - 1], 0.05);
        }
    }

    [Fact]
    public void SnetStrikesAlongTheTrenchAndAGivenAzimuthWins()
    {
        var strike = StrikeAxis.Of(PictureScenario.Snet);
        Assert.InRange(strike.Azimuth, 0, 45); // the Japan Trench off Tohoku runs about N10-25°E
        Assert.StartsWith("N", strike.Bearing(), StringComparison.Ordinal);
        Assert.Equal(135, StrikeAxis.Of(PictureScenario.Snet, -45).Azimuth, 6);
        Assert.Equal("S45°E", StrikeAxis.Of(PictureScenario.Snet, 135).Bearing());
        Assert.Throws<InvalidParameterException>(() => StrikeAxis.Of(PictureScenario.Snet, double.NaN));
    }

    [Fact]
    public void AGroupBelongsToTheEpisodeThatHoldsItsMinuteAndStations()
    {
        var episodes = new[]
        {
            new TremorEpisode(Start, Start.AddMinutes(5), 5, new[] { 1, 2, 3 }, 38, 142, 0.9f, TremorCategory.Probable),
            new TremorEpisode(Start.AddMinutes(3), Start.AddMinutes(8), 5, new[] { 7, 8, 9 }, 38, 142, 0.9f, TremorCategory.Probable),
        };
        var members = episodes.Select(e => new HashSet<int>(e.Stations)).ToArray();
        StationGroup Group(int minute, params int[] stations) => new(Start.AddMinutes(minute), stations, stations.Select(_ => 0.9f).ToArray());
        Assert.Equal(0, MigrationPlot.EpisodeOf(Group(4, 1, 2), episodes, members));
        Assert.Equal(1, MigrationPlot.EpisodeOf(Group(4, 7, 9), episodes, members));
        Assert.Equal(-1, MigrationPlot.EpisodeOf(Group(6, 1, 2), episodes, members));
        Assert.Equal(-1, MigrationPlot.EpisodeOf(Group(4, 2, 7), episodes, members));
    }

    [Fact]
    public void MigrationPlotWritesAPngAndRefusesAnEmptyRange()
    {
        var scenario = PictureScenario.Simulate(PictureScenario.Snet, 240, 7);
        var path = Path.Combine(PictureScenario.PictureFolder(), "migration.png");
        MigrationPlot.SavePng(path, scenario.Stations, scenario.Groups, scenario.Catalogue);
        PictureScenario.AssertPng(path, MigrationPlot.DefaultWidth, MigrationPlot.DefaultHeight);
        Assert.Throws<InvalidParameterException>(() => MigrationPlot.RenderPng(scenario.Stations, Array.Empty<StationGroup>(), Array.Empty<TremorEpisode>()));
        Assert.Throws<InvalidParameterException>(() => MigrationPlot.RenderPng(scenario.Stations, scenario.Groups, scenario.Catalogue, new MigrationOptions { Start = Start, End = Start }));
    }
}
