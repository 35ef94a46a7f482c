using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// How well a tremor catalogue matches the injected tremor episodes of a scenario: recall and precision
/// of episodes under a fixed matching rule (see <see cref="Compute"/>).
/// </summary>
public sealed class TremorScore
{
    /// <summary>Minutes by which a detected episode may miss an injected one in time and still match.</summary>
    public const int TimeToleranceMinutes = 1;

    /// <summary>Distance in km within which a detected episode's centroid matches an injected source it shares no station with.</summary>
    public const double CentroidToleranceKm = 50;

    private TremorScore(int injectedCount, int detectedCount, int recalledCount, int truePositiveCount, int[][] matches)
    {
        InjectedCount = injectedCount;
        DetectedCount = detectedCount;
        RecalledCount = recalledCount;
        TruePositiveCount = truePositiveCount;
        Matches = matches;
    }

    /// <summary>Number of injected tremor episodes.</summary>
    public int InjectedCount { get; }

    /// <summary>Number of detected episodes (the whole catalogue, probable and possible).</summary>
    public int DetectedCount { get; }

    /// <summary>Injected episodes matched by at least one detected episode.</summary>
    public int RecalledCount { get; }

    /// <summary>Detected episodes that match at least one injected episode.</summary>
    public int TruePositiveCount { get; }

    /// <summary>Recalled / injected; 1 when nothing was injected.</summary>
    public double Recall => InjectedCount == 0 ? 1 : (double)RecalledCount / InjectedCount;

    /// <summary>True positives / detected; 1 when nothing was detected (no false alarm).</summary>
    public double Precision => DetectedCount == 0 ? 1 : (double)TruePositiveCount / DetectedCount;

    /// <summary>For each injected episode (in the order given), the indices of the detected episodes that match it.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Matches { get; }

    /// <summary>
    /// Scores a catalogue. An injected tremor episode I and a detected episode D match when (1) they
    /// overlap in time, allowing <see cref="TimeToleranceMinutes"/>: D.Start &lt; I.End + 1 min and
    /// D.End &gt; I.Start - 1 min; and (2) they meet in space: D shares at least one station with
    /// I's expected stations, or D's centroid lies within <see cref="CentroidToleranceKm"/> of I's
    /// epicentre. I is recalled when some D matches it; D is a true positive when it matches some I.
    /// Several detections of one injected episode (a split episode) are all true positives, and count once for recall.
    /// </summary>
    /// <param name="injected">The injected events; only those of kind <see cref="InjectedEventKind.Tremor"/> are scored.</param>
    /// <param name="detected">The catalogue (e.g. <see cref="RunResult.Catalogue"/>).</param>
    /// <returns>The score.</returns>
    public static TremorScore Compute(IReadOnlyList<InjectedEvent> injected, IReadOnlyList<TremorEpisode> detected)
    {
        if (injected is null)
        {
            throw new ArgumentNullException(nameof(injected));
        }
        if (detected is null)
        {
            throw new ArgumentNullException(nameof(detected));
        }
        var tremor = injected.Where(e => e.Kind == InjectedEventKind.Tremor).ToArray();
        var tolerance = TimeSpan.FromMinutes(TimeToleranceMinutes);
        var matches = tremor.Select(i => Enumerable.Range(0, detected.Count).Where(d =>
        {
            var episode = detected[d];
            return episode.Start < i.End + tolerance && episode.End > i.Start - tolerance
                && (episode.Stations.Intersect(i.ExpectedStations).Any()
                    || GraspAssociator.GeodesicDistanceKm(episode.Latitude, episode.Longitude, i.Latitude, i.Longitude) <= CentroidToleranceKm);
        }).ToArray()).ToArray();
        var truePositives = matches.SelectMany(m => m).Distinct().Count();
        return new TremorScore(tremor.Length, detected.Count, matches.Count(m => m.Length > 0), truePositives, matches);
    }

    /// <summary>The summary line, e.g. <c>tremor episodes: 4 injected, 4 detected, recall 1.00, precision 1.00</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "tremor episodes: {0} injected, {1} detected, recall {2:F2}, precision {3:F2}", InjectedCount, DetectedCount, Recall, Precision);
}
