using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

public sealed class TremorScoreTests
{
    private static readonly DateTime T0 = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MatchesByTimeOverlapAndASharedStation()
    {
        var injected = new[]
        {
            Tremor(10.5, 15.2, 38.0, 142.0, 1, 2, 3),
            Tremor(30.0, 36.0, 41.0, 144.0, 20, 21, 22),
        };
        var detected = new[]
        {
            Detected(11, 16, 38.1, 142.1, 2, 3, 4),   // first, shares 2 and 3
            Detected(31, 34, 41.0, 144.0, 22, 23),    // second
            Detected(34, 37, 41.0, 144.0, 21),        // second again (split): still a true positive
        };

        var score = TremorScore.Compute(injected, detected);

        Assert.Equal((2, 3, 2, 3), (score.InjectedCount, score.DetectedCount, score.RecalledCount, score.TruePositiveCount));
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(new[] { 0 }, score.Matches[0]);
        Assert.Equal(new[] { 1, 2 }, score.Matches[1]);
        Assert.Equal("tremor episodes: 2 injected, 3 detected, recall 1.00, precision 1.00", score.ToString());
    }

    [Fact]
    public void CountsMissesAndFalseAlarms()
    {
        var injected = new[]
        {
            Tremor(10, 15, 38.0, 142.0, 1, 2, 3),
            Tremor(30, 36, 41.0, 144.0, 20, 21, 22),
            Tremor(40, 44, 36.0, 141.0, 40, 41, 42, 43),
        };
        var detected = new[]
        {
            Detected(11, 14, 38.0, 142.0, 1, 2),        // hit
            Detected(20, 25, 38.0, 142.0, 1, 2),        // right place, wrong time (5 minutes after)
            Detected(31, 35, 35.0, 140.0, 60, 61, 62),  // right time, other stations, 500 km away
            Detected(41, 43, 36.0, 141.0, 44),          // no shared station, but the centroid is on the source
        };

        var score = TremorScore.Compute(injected, detected);

        Assert.Equal(2, score.RecalledCount);
        Assert.Equal(2, score.TruePositiveCount);
        Assert.Equal(2.0 / 3, score.Recall, 12);
        Assert.Equal(0.5, score.Precision, 12);
        Assert.Empty(score.Matches[1]);
    }

    [Fact]
    public void AllowsOneMinuteOfTimingSlackButNotTwo()
    {
        var injected = new[] { Tremor(10, 15, 38.0, 142.0, 1, 2, 3) };
        Assert.Equal(1, TremorScore.Compute(injected, new[] { Detected(15, 16, 38.0, 142.0, 1) }).RecalledCount);
        Assert.Equal(1, TremorScore.Compute(injected, new[] { Detected(8, 10, 38.0, 142.0, 1) }).RecalledCount);
        Assert.Equal(0, TremorScore.Compute(injected, new[] { Detected(17, 18, 38.0, 142.0, 1) }).RecalledCount);
        Assert.Equal(0, TremorScore.Compute(injected, new[] { Detected(6, 8, 38.0, 142.0, 1) }).RecalledCount);
    }

    [Fact]
    public void EmptyCasesAndOtherKinds()
    {
        var none = TremorScore.Compute(Array.Empty<InjectedEvent>(), Array.Empty<TremorEpisode>());
        Assert.Equal((1.0, 1.0), (none.Recall, none.Precision));

        var quake = new InjectedEvent(InjectedEventKind.LocalEarthquake, T0, T0.AddMinutes(2), 38, 142, 20, new[] { 50.0 }, new[] { 1, 2, 3 });
        var onlyFalse = TremorScore.Compute(new[] { quake }, new[] { Detected(0, 2, 38.0, 142.0, 1, 2, 3) });
        Assert.Equal(0, onlyFalse.InjectedCount);
        Assert.Equal(1.0, onlyFalse.Recall);
        Assert.Equal(0.0, onlyFalse.Precision);

        var missed = TremorScore.Compute(new[] { Tremor(10, 15, 38.0, 142.0, 1) }, Array.Empty<TremorEpisode>());
        Assert.Equal((0.0, 1.0), (missed.Recall, missed.Precision));
    }

    private static InjectedEvent Tremor(double startMinute, double endMinute, double latitude, double longitude, params int[] stations) =>
        new(InjectedEventKind.Tremor, T0.AddMinutes(startMinute), T0.AddMinutes(endMinute), latitude, longitude, 20, new[] { 5.0 }, stations);

    private static TremorEpisode Detected(int startMinute, int endMinute, double latitude, double longitude, params int[] stations) =>
        new(T0.AddMinutes(startMinute), T0.AddMinutes(endMinute), endMinute - startMinute, stations, latitude, longitude, 0.9f, TremorCategory.Probable);
}
