using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// What a run found in a <see cref="ContinuousScenario"/>, in the figures of issue 21: false tremor
/// episodes, the injected tremor minutes found, the local earthquakes found, and the detections no
/// injected signal explains (see <see cref="Compute(ContinuousScenario, RunResult)"/> for the rules).
/// </summary>
public sealed class DetectionScore
{
    private DetectionScore(TremorScore tremor, int tremorMinutes, int tremorMinutesFound, int earthquakes, int earthquakesFound, int unexplainedEarthquakeGroups, long tremorStationMinutesOutside)
    {
        Tremor = tremor;
        TremorMinutes = tremorMinutes;
        TremorMinutesFound = tremorMinutesFound;
        Earthquakes = earthquakes;
        EarthquakesFound = earthquakesFound;
        UnexplainedEarthquakeGroups = unexplainedEarthquakeGroups;
        TremorStationMinutesOutside = tremorStationMinutesOutside;
    }

    /// <summary>The catalogue scored episode by episode (<see cref="TremorScore"/>).</summary>
    public TremorScore Tremor { get; }

    /// <summary>Catalogue episodes that match no injected tremor episode.</summary>
    public int FalseTremorEpisodes => Tremor.DetectedCount - Tremor.TruePositiveCount;

    /// <summary>Minutes holding at least 30 s of an injected tremor source, over all episodes.</summary>
    public int TremorMinutes { get; }

    /// <summary>Of <see cref="TremorMinutes"/>, those with a tremor group (probable or possible) near the source.</summary>
    public int TremorMinutesFound { get; }

    /// <summary>Injected local earthquakes.</summary>
    public int Earthquakes { get; }

    /// <summary>Injected local earthquakes with an earthquake group among their expected stations while their waves cross the network.</summary>
    public int EarthquakesFound { get; }

    /// <summary>Earthquake groups (station groups of one minute) that no injected earthquake or teleseism explains.</summary>
    public int UnexplainedEarthquakeGroups { get; }

    /// <summary>Station-minutes called tremor (probability at least 0.5) where no injected tremor reached the station (within a minute of it).</summary>
    public long TremorStationMinutesOutside { get; }

    /// <summary>
    /// Scores a run of a scenario's records. A tremor minute is found when a tremor group of that minute
    /// (<see cref="RunResult.CategorizedTremor"/>) has a station among the episode's expected stations or
    /// within <see cref="TremorScore.CentroidToleranceKm"/> of its epicentre. A local earthquake is found
    /// when an earthquake group (<see cref="RunResult.EarthquakeGroups"/>) of a minute from its origin to
    /// its end shares a station with its expected stations. An earthquake group is unexplained when no
    /// injected earthquake or teleseism that reached one of its stations spans its minute (one minute of
    /// tolerance each side). False tremor episodes follow <see cref="TremorScore.Compute"/>.
    /// </summary>
    /// <param name="scenario">The scenario the records were made from.</param>
    /// <param name="run">The run over them.</param>
    /// <returns>The score.</returns>
    public static DetectionScore Compute(ContinuousScenario scenario, RunResult run)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }
        return Compute(scenario, run.Catalogue, run.CategorizedTremor, run.EarthquakeGroups, run.Tremor);
    }

    /// <summary>Scores a run's parts (the rules of <see cref="Compute(ContinuousScenario, RunResult)"/>).</summary>
    /// <param name="scenario">The scenario the records were made from.</param>
    /// <param name="catalogue">The tremor episodes (<see cref="RunResult.Catalogue"/>).</param>
    /// <param name="tremorGroups">The categorised tremor groups (<see cref="RunResult.CategorizedTremor"/>).</param>
    /// <param name="earthquakeGroups">The earthquake groups (<see cref="RunResult.EarthquakeGroups"/>).</param>
    /// <param name="tremorProbabilities">The tremor probabilities (<see cref="RunResult.Tremor"/>), stations in the scenario's order.</param>
    /// <returns>The score.</returns>
    /// <exception cref="InvalidParameterException">The table's stations are not the scenario's.</exception>
    public static DetectionScore Compute(ContinuousScenario scenario, IReadOnlyList<TremorEpisode> catalogue, IReadOnlyList<CategorizedGroup> tremorGroups, IReadOnlyList<StationGroup> earthquakeGroups, ProbabilityTable tremorProbabilities)
    {
        if (scenario is null)
        {
            throw new ArgumentNullException(nameof(scenario));
        }
        if (catalogue is null)
        {
            throw new ArgumentNullException(nameof(catalogue));
        }
        if (tremorGroups is null)
        {
            throw new ArgumentNullException(nameof(tremorGroups));
        }
        if (earthquakeGroups is null)
        {
            throw new ArgumentNullException(nameof(earthquakeGroups));
        }
        if (tremorProbabilities is null)
        {
            throw new ArgumentNullException(nameof(tremorProbabilities));
        }
        if (tremorProbabilities.StationCount != scenario.Stations.Count)
        {
            throw new InvalidParameterException(nameof(tremorProbabilities), $"{tremorProbabilities.StationCount} stations; the scenario has {scenario.Stations.Count}");
        }
        var minute = TimeSpan.FromMinutes(1);
        var stations = scenario.Stations;
        var tremorMinutes = 0;
        var tremorFound = 0;
        foreach (var episode in scenario.TremorEpisodes)
        {
            var near = new HashSet<int>(episode.ExpectedStations.Concat(Enumerable.Range(0, stations.Count).Where(s =>
                GraspAssociator.GeodesicDistanceKm(episode.Latitude, episode.Longitude, stations.Latitudes[s], stations.Longitudes[s]) <= TremorScore.CentroidToleranceKm)));
            var groupMinutes = new HashSet<DateTime>(tremorGroups.Where(g => g.Group.Stations.Any(near.Contains)).Select(g => g.Group.Minute));
            for (var m = Floor(episode.Start); m < episode.End; m += minute)
            {
                var overlap = Min(m + minute, episode.End) - Max(m, episode.Start);
                if (overlap >= TimeSpan.FromSeconds(30))
                {
                    tremorMinutes++;
                    tremorFound += groupMinutes.Contains(m) ? 1 : 0;
                }
            }
        }
        var earthquakes = scenario.Events.Where(e => e.Kind == InjectedEventKind.LocalEarthquake).ToArray();
        var found = earthquakes.Count(e => earthquakeGroups.Any(g =>
            g.Minute >= Floor(e.Start) && g.Minute < e.End && g.Stations.Intersect(e.ExpectedStations).Any()));
        var seismic = scenario.Events.Where(e => e.Kind is InjectedEventKind.LocalEarthquake or InjectedEventKind.Teleseism).ToArray();
        var unexplained = earthquakeGroups.Count(g => !seismic.Any(e =>
            g.Minute >= Floor(e.Start) - minute && g.Minute <= e.End + minute && g.Stations.Any(s => e.SignalToNoise[s] > 0)));
        var tremor = scenario.TremorEpisodes;
        long outside = 0;
        for (var row = 0; row < tremorProbabilities.MinuteCount; row++)
        {
            var at = tremorProbabilities.Minutes[row];
            for (var s = 0; s < tremorProbabilities.StationCount; s++)
            {
                if (tremorProbabilities[row, s] >= GraspParameters.DefaultProbabilityThreshold
                    && !tremor.Any(e => e.SignalToNoise[s] > 0 && at >= Floor(e.Start) - minute && at <= e.End + minute))
                {
                    outside++;
                }
            }
        }
        return new DetectionScore(TremorScore.Compute(scenario.Events, catalogue), tremorMinutes, tremorFound, earthquakes.Length, found, unexplained, outside);
    }

    /// <summary>
    /// The summary line, e.g. <c>false tremor episodes 0 of 1; tremor minutes found 31 of 40; earthquakes found 14 of 14;
    /// unexplained earthquake groups 0; tremor station-minutes outside injected tremor 3</c>.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "false tremor episodes {0} of {1}; tremor minutes found {2} of {3}; earthquakes found {4} of {5}; unexplained earthquake groups {6}; tremor station-minutes outside injected tremor {7}",
        FalseTremorEpisodes, Tremor.DetectedCount, TremorMinutesFound, TremorMinutes, EarthquakesFound, Earthquakes, UnexplainedEarthquakeGroups, TremorStationMinutesOutside);

    private static DateTime Floor(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), time.Kind);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
