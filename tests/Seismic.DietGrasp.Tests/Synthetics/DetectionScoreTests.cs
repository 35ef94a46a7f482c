using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

public sealed class DetectionScoreTests
{
    private static readonly StationNetwork Snet = SyntheticDemo.SnetStations();

    private static readonly ContinuousScenario Scenario = ContinuousScenario.Create(Snet, ContinuousScenarioOptions.OceanBottomFourHours);

    private static DateTime Floor(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    [Fact]
    public void CountsFoundMinutesFoundEarthquakesAndWhatNothingExplains()
    {
        var tremor = Scenario.TremorEpisodes[0];
        var first = Floor(tremor.Start);
        var source = tremor.ExpectedStations[0];
        var far = Enumerable.Range(0, Snet.Count).OrderByDescending(s => GraspAssociator.GeodesicDistanceKm(tremor.Latitude, tremor.Longitude, Snet.Latitudes[s], Snet.Longitudes[s])).First();
        var quiet = Scenario.Start.AddMinutes(Enumerable.Range(0, 240).First(m =>
            Scenario.Events.All(e => Scenario.Start.AddMinutes(m) < Floor(e.Start).AddMinutes(-2) || Scenario.Start.AddMinutes(m) > e.End.AddMinutes(2))));

        // Tremor groups at 25 of the episode's minutes (every other minute from its first whole one), one far away at a quiet minute.
        var groups = Enumerable.Range(1, 25).Select(k => new CategorizedGroup(new StationGroup(first.AddMinutes(k), new[] { source }, new[] { 0.9f }), TremorCategory.Probable))
            .Append(new CategorizedGroup(new StationGroup(quiet, new[] { far }, new[] { 0.9f }), TremorCategory.Possible)).ToArray();
        var catalogue = new[]
        {
            new TremorEpisode(first.AddMinutes(1), first.AddMinutes(26), 25, new[] { source }, Snet.Latitudes[source], Snet.Longitudes[source], 0.9f, TremorCategory.Probable),
            new TremorEpisode(quiet, quiet.AddMinutes(1), 1, new[] { far }, Snet.Latitudes[far], Snet.Longitudes[far], 0.9f, TremorCategory.Possible),
        };
        // Earthquake groups for the first 12 earthquakes (one minute after origin, on an expected station), and one at the quiet minute.
        var quakes = Scenario.Events.Where(e => e.Kind == InjectedEventKind.LocalEarthquake).ToArray();
        var earthquakeGroups = quakes.Take(12).Select(q => new StationGroup(Floor(q.Start).AddMinutes(1), new[] { q.ExpectedStations[0] }, new[] { 0.8f }))
            .Append(new StationGroup(quiet, new[] { far }, new[] { 0.8f })).ToArray();
        // Tremor probabilities: the far station at 0.9 in the quiet minute and the next (outside), the source station at 0.9 in the episode (inside).
        var minutes = Enumerable.Range(0, 240).Select(m => Scenario.Start.AddMinutes(m)).ToArray();
        var values = new float[240 * Snet.Count];
        var quietRow = (int)(quiet - Scenario.Start).TotalMinutes;
        values[(quietRow * Snet.Count) + far] = 0.9f;
        values[((quietRow + 1) * Snet.Count) + far] = 0.5f;
        values[(((int)(first - Scenario.Start).TotalMinutes + 5) * Snet.Count) + source] = 0.9f;
        values[(quietRow * Snet.Count) + source] = 0.49f;

        var score = DetectionScore.Compute(Scenario, catalogue, groups, earthquakeGroups, new ProbabilityTable(Snet.Count, minutes, values));

        Assert.Equal(1, score.FalseTremorEpisodes);
        Assert.Equal(2, score.Tremor.DetectedCount);
        Assert.Equal(40, score.TremorMinutes);
        Assert.Equal(25, score.TremorMinutesFound);
        Assert.Equal(14, score.Earthquakes);
        Assert.Equal(12, score.EarthquakesFound);
        Assert.Equal(1, score.UnexplainedEarthquakeGroups);
        Assert.Equal(2, score.TremorStationMinutesOutside);
        Assert.Equal(
            "false tremor episodes 1 of 2; tremor minutes found 25 of 40; earthquakes found 12 of 14; unexplained earthquake groups 1; tremor station-minutes outside injected tremor 2",
            score.ToString());
    }

    [Fact]
    public void AGroupOnAStationTheEarthquakeDidNotReachDoesNotFindIt()
    {
        var quake = Scenario.Events.First(e => e.Kind == InjectedEventKind.LocalEarthquake);
        var near = Scenario.Events.Where(e => e.Start < quake.End.AddMinutes(2) && e.End > quake.Start.AddMinutes(-2)).ToArray();
        var unreached = Enumerable.Range(0, Snet.Count).First(s => near.All(e => e.SignalToNoise[s] == 0));
        var minutes = Enumerable.Range(0, 240).Select(m => Scenario.Start.AddMinutes(m)).ToArray();
        var groups = new[] { new StationGroup(Floor(quake.Start), new[] { unreached }, new[] { 0.8f }) };

        var score = DetectionScore.Compute(Scenario, Array.Empty<TremorEpisode>(), Array.Empty<CategorizedGroup>(), groups, new ProbabilityTable(Snet.Count, minutes, new float[240 * Snet.Count]));

        Assert.Equal(0, score.EarthquakesFound);
        Assert.Equal(0, score.FalseTremorEpisodes);
        Assert.Equal(0, score.TremorMinutesFound);
        Assert.Equal(40, score.TremorMinutes);
        Assert.Equal(1, score.UnexplainedEarthquakeGroups);
    }

    [Fact]
    public void ATableOfOtherStationsIsRefused() =>
        Assert.Throws<InvalidParameterException>(() => DetectionScore.Compute(Scenario, Array.Empty<TremorEpisode>(), Array.Empty<CategorizedGroup>(), Array.Empty<StationGroup>(),
            new ProbabilityTable(3, new[] { Scenario.Start }, new float[3])));
}
