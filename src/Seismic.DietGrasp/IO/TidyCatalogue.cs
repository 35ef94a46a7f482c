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
    /// Writes both files. An episode's id is its row in the catalogue, from 1 (what the pictures label it); its spread
    /// is the Graph std (km) of all the stations that detected it, in the run's projection.
    /// </summary>
    public static void Write(string episodesPath, string assignmentsPath, StationNetwork stations, IReadOnlyList<PlanarPosition> positions,
        IReadOnlyList<(TremorEpisode Episode, IReadOnlyList<CategorizedGroup> Groups)> catalogue)
    {
        CsvTable.Write(episodesPath, EpisodesHeader.Split(','), catalogue.Select((entry, i) =>
        {
            var e = entry.Episode;
            return new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture),
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
        }));
        CsvTable.Write(assignmentsPath, AssignmentsHeader.Split(','), catalogue.SelectMany((entry, i) =>
            entry.Groups.OrderBy(g => g.Group.Minute).SelectMany(g => Enumerable.Range(0, g.Group.Count).Select(k => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture),
                TremorCatalogue.FormatTime(g.Group.Minute),
                stations.Names[g.Group.Stations[k]],
                CsvTable.Format(g.Group.Probabilities[k]),
            }))));
    }
}
