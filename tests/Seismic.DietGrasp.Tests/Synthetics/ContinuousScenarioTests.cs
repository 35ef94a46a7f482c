using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

public sealed class ContinuousScenarioTests
{
    private static readonly StationNetwork Snet = SyntheticDemo.SnetStations();

    [Fact]
    public void BundledSnetStationsAreTheSeedsStationFile()
    {
        var file = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
        Assert.Equal(150, Snet.Count);
        Assert.Equal(file.Names, Snet.Names);
        Assert.Equal(file.Latitudes, Snet.Latitudes);
        Assert.Equal(file.Longitudes, Snet.Longitudes);
    }

    [Fact]
    public void DefaultScenarioPlansTheAdvertisedEvents()
    {
        var scenario = ContinuousScenario.Create(Snet);
        var distances = GraspAssociator.DistanceMatrix(Snet);

        Assert.Equal(60, scenario.Options.Minutes);
        Assert.Equal(scenario.Start.AddHours(1), scenario.End);
        Assert.Equal(6, scenario.TremorEpisodes.Count);
        foreach (var tremor in scenario.TremorEpisodes)
        {
            Assert.InRange(tremor.ExpectedStations.Count, 4, 15);
            Assert.InRange((tremor.End - tremor.Start).TotalMinutes, 3, 8);
            Assert.True(tremor.Start >= scenario.Start.AddMinutes(1) && tremor.End <= scenario.End.AddMinutes(-1), tremor.ToString());
            // Compact: every expected station within 100 km of every other.
            Assert.All(tremor.ExpectedStations, a => Assert.All(tremor.ExpectedStations, b => Assert.True(distances[a, b] < 100, $"{tremor}: {a}-{b} {distances[a, b]:F0} km")));
            Assert.True(tremor.PeakSignalToNoise >= scenario.Options.TremorDetectionSnr);
            Assert.Equal(150, tremor.SignalToNoise.Count);
            Assert.Equal(
                Enumerable.Range(0, 150).Where(s => s != scenario.DeadStation && tremor.SignalToNoise[s] >= scenario.Options.TremorDetectionSnr),
                tremor.ExpectedStations);
        }
        var quakes = scenario.Events.Where(e => e.Kind == InjectedEventKind.LocalEarthquake).ToList();
        Assert.Equal(5, quakes.Count);
        Assert.All(quakes, q => Assert.InRange(q.ExpectedStations.Count, 3, 60));
        var teleseisms = scenario.Events.Where(e => e.Kind == InjectedEventKind.Teleseism).ToList();
        Assert.Equal(2, teleseisms.Count);
        Assert.All(teleseisms, t => Assert.Equal(149, t.ExpectedStations.Count));
        var bursts = scenario.Events.Where(e => e.Kind == InjectedEventKind.NoiseBurst).ToList();
        Assert.Equal(10, bursts.Count);
        Assert.All(bursts, b => Assert.Single(b.ExpectedStations));
        Assert.InRange(scenario.DeadStation, 0, 149);
        Assert.All(scenario.Events, e => Assert.DoesNotContain(scenario.DeadStation, e.ExpectedStations));
        Assert.Equal(scenario.Events.OrderBy(e => e.Start).Select(e => e.Start), scenario.Events.Select(e => e.Start));
    }

    [Fact]
    public void SameSeedSameSamplesOtherSeedOtherSamples()
    {
        var options = new ContinuousScenarioOptions().WithMinutes(10);
        var a = ContinuousScenario.Create(Snet, options).GenerateStation(7);
        var b = ContinuousScenario.Create(Snet, options).GenerateStation(7);
        var c = ContinuousScenario.Create(Snet, options with { Seed = 99 }).GenerateStation(7);

        Assert.Equal(3, a.Count);
        Assert.Equal(new[] { "VX", "VY", "VZ" }, a.Select(t => t.Id.Channel));
        Assert.Equal("N.S1N08", a[0].Id.StationKey);
        Assert.Equal(60000, a[2].Count);
        Assert.Equal(options.Start, a[0].StartTime);
        for (var k = 0; k < 3; k++)
        {
            Assert.True(a[k].Samples.Span.SequenceEqual(b[k].Samples.Span));
            Assert.False(a[k].Samples.Span.SequenceEqual(c[k].Samples.Span));
        }
    }

    [Fact]
    public void TheModelHearsTremorAtTheSourceAndNoiseBeforeIt()
    {
        var scenario = ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { TremorEpisodes = 1, LocalEarthquakes = 0, Teleseisms = 0, NoiseBursts = 0, DeadChannel = false }.WithMinutes(12));
        var tremor = Assert.Single(scenario.TremorEpisodes);
        var nearest = tremor.ExpectedStations
            .OrderBy(s => GraspAssociator.GeodesicDistanceKm(Snet.Latitudes[s], Snet.Longitudes[s], tremor.Latitude, tremor.Longitude)).First();
        var far = Enumerable.Range(0, Snet.Count)
            .OrderByDescending(s => GraspAssociator.GeodesicDistanceKm(Snet.Latitudes[s], Snet.Longitudes[s], tremor.Latitude, tremor.Longitude)).First();
        var inside = (int)Math.Ceiling((tremor.Start - scenario.Start).TotalMinutes) + 1;
        using var model = DietModel.LoadBundled();

        Assert.True(Classify(scenario, model, nearest, inside).Tremor > 0.5, $"{tremor}: station {nearest}, minute {inside}");
        Assert.True(Classify(scenario, model, far, inside).Noise > 0.5);
        Assert.True(Classify(scenario, model, nearest, 0).Noise > 0.5);
    }

    [Fact]
    public void DeadChannelIsConstant()
    {
        var scenario = ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { TremorEpisodes = 0, LocalEarthquakes = 0, Teleseisms = 0, NoiseBursts = 0 }.WithMinutes(10));
        var traces = scenario.GenerateStation(scenario.DeadStation);
        var dead = traces[(int)scenario.DeadComponent].Samples.ToArray();
        Assert.True(dead.All(x => x == dead[0]));
        var alive = traces[((int)scenario.DeadComponent + 1) % 3].Samples.ToArray();
        Assert.True(alive.Distinct().Count() > 1000);
        Assert.Equal(-1, ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { DeadChannel = false }).DeadStation);
    }

    [Fact]
    public void WithMinutesScalesTheEventCounts()
    {
        var scaled = new ContinuousScenarioOptions().WithMinutes(15);
        Assert.Equal((15, 2, 1, 1, 3), (scaled.Minutes, scaled.TremorEpisodes, scaled.LocalEarthquakes, scaled.Teleseisms, scaled.NoiseBursts));
        var none = new ContinuousScenarioOptions { Teleseisms = 0 }.WithMinutes(120);
        Assert.Equal((12, 10, 0, 20), (none.TremorEpisodes, none.LocalEarthquakes, none.Teleseisms, none.NoiseBursts));
        Assert.Throws<InvalidParameterException>(() => new ContinuousScenarioOptions().WithMinutes(9));
    }

    [Fact]
    [Trait("Category", "Slow")] // 15 s in the full run of 2026-12-03 (shared 2-core machine, load about 50)
    public void RefusesBadOptions()
    {
        Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { Minutes = 5 }));
        Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { Start = new DateTime(2016, 4, 1, 0, 0, 30, DateTimeKind.Utc) }));
        Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { SamplingRate = 33.3 }));
        Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { NoiseBursts = -1 }));
        var crowded = Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(Snet, new ContinuousScenarioOptions { Minutes = 10, TremorEpisodes = 40 }));
        Assert.Contains("tremor", crowded.Message, StringComparison.Ordinal);
        var small = new StationNetwork(new[] { "A", "B", "C" }, new[] { 38.0, 38.1, 38.2 }, new[] { 142.0, 142.1, 142.2 });
        Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(small));
        Assert.Throws<InvalidParameterException>(() => ContinuousScenario.Create(Snet).GenerateStation(150));
    }

    private static DietProbabilities Classify(ContinuousScenario scenario, DietModel model, int station, int minute)
    {
        var traces = scenario.GenerateStation(station);
        var n = 6000;
        var waveform = new double[3 * n];
        for (var c = 0; c < 3; c++)
        {
            traces[c].Samples.Span.Slice(minute * n, n).CopyTo(waveform.AsSpan(c * n, n));
        }
        return model.Predict(DietSpectrogram.Compute(waveform, SpectrogramParameters.SNet));
    }
}
