using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// The catalogue in tidy form beside the original's <c>Tremor_catalogue.csv</c>: <see cref="RunLayout.TremorEpisodesFile"/>,
/// one row per episode with an id, and <see cref="RunLayout.TremorAssignmentsFile"/>, one row per station-minute of
/// each episode's tremor groups.
/// </summary>
internal static class TidyCatalogue
{
    /// <summary>The episodes file's header.</summary>
    public const string EpisodesHeader = "episode_id,start,end,duration_s,minutes,station_count,stations,latitude,longitude,spread_km,peak_probability,category";

    /// <summary>The assignments file's header.</summary>
    public const string AssignmentsHeader = "episode_id,time,station,tremor_probability";

    /// <summary>
    /// One row of the episodes file for the episode with id <paramref name="id"/>: its row in the catalogue, from 1
    /// (what the pictures label it); its spread is the Graph std (km) of all the stations that detected it, in the
    /// run's projection. <c>DayAssociation</c> writes the rows as episodes close.
    /// </summary>
    internal static string[] EpisodeRow(int id, TremorEpisode e, StationNetwork stations, IReadOnlyList<PlanarPosition> positions) => new[]
    {
        id.ToString(CultureInfo.InvariantCulture),
        TremorCatalogue.FormatTime(e.Start),
        TremorCatalogue.FormatTime(e.End),
        ((long)e.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        e.MinuteCount.ToString(CultureInfo.InvariantCulture),
        e.Stations.Count.ToString(CultureInfo.InvariantCulture),
        string.Join(";", e.Stations.Select(s => stations.Names[s])),
        CsvTable.Format(e.Latitude),
        CsvTable.Format(e.Longitude),
        CsvTable.Format(GraspAssociator.GraphStd(e.Stations, positions)),
        CsvTable.Format(e.PeakProbability),
        e.Category == TremorCategory.Probable ? "probable" : "possible",
    };

    /// <summary>The assignments rows of the episode with id <paramref name="id"/>: its groups' station-minutes in time order.</summary>
    internal static IEnumerable<string[]> AssignmentRows(int id, IReadOnlyList<CategorizedGroup> groups, StationNetwork stations) =>
        groups.OrderBy(g => g.Group.Minute).SelectMany(g => Enumerable.Range(0, g.Group.Count).Select(k => new[]
        {
            id.ToString(CultureInfo.InvariantCulture),
            TremorCatalogue.FormatTime(g.Group.Minute),
            stations.Names[g.Group.Stations[k]],
            CsvTable.Format(g.Group.Probabilities[k]),
        }));
}
