using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The tremor catalogue: categorised tremor groups (Apply_Tremor then Apply_Categorization) merged
/// into episodes, and its CSV file <c>Tremor_catalogue.csv</c>.
/// </summary>
public static class TremorCatalogue
{
    /// <summary>The header of the catalogue file.</summary>
    public const string Header = "start,end,minutes,latitude,longitude,peak_probability,category,station_count,stations";

    /// <summary>
    /// Merges tremor groups into episodes: two groups belong to the same episode when their minutes are
    /// at most <paramref name="maxGapMinutes"/> + 1 apart (default: adjacent minutes) and they share a
    /// station; the relation is closed transitively. Groups of the same minute join only through such a
    /// chain (GrASP has already split them). An episode's centroid is the probability-weighted mean
    /// position of its station detections over all its minutes; it is probable tremor when any of its
    /// groups is probable (an earthquake near one minute does not discredit the rest of the episode).
    /// </summary>
    /// <param name="stations">The network (for the positions).</param>
    /// <param name="groups">Categorised tremor groups, any order.</param>
    /// <param name="maxGapMinutes">Minutes without a shared detection that may separate two groups of one episode (0: consecutive minutes only).</param>
    /// <returns>The episodes ordered by start, then by lowest station index.</returns>
    /// <exception cref="InvalidParameterException">A negative gap, or a group names a station outside the network.</exception>
    public static IReadOnlyList<TremorEpisode> Build(StationNetwork stations, IReadOnlyList<CategorizedGroup> groups, int maxGapMinutes = 0) =>
        BuildWithGroups(stations, groups, maxGapMinutes).Select(entry => entry.Episode).ToList();

    /// <summary><see cref="Build"/> with each episode's tremor groups (by minute, then lowest station), for the assignments table.</summary>
    internal static IReadOnlyList<(TremorEpisode Episode, IReadOnlyList<CategorizedGroup> Groups)> BuildWithGroups(StationNetwork stations, IReadOnlyList<CategorizedGroup> groups, int maxGapMinutes = 0)
    {
        Guard.NotNull(stations, nameof(stations));
        Guard.NotNull(groups, nameof(groups));
        if (maxGapMinutes < 0)
        {
            throw new InvalidParameterException(nameof(maxGapMinutes), $"{maxGapMinutes}; expected 0 or more minutes");
        }
        var bad = groups.FirstOrDefault(g => g.Group.Stations[g.Group.Count - 1] >= stations.Count);
        if (bad is not null)
        {
            throw new InvalidParameterException(nameof(groups), $"group {bad.Group} names a station beyond the network's {stations.Count}");
        }
        var ordered = groups.OrderBy(g => g.Group.Minute).ThenBy(g => g.Group.FirstStation).ToArray();
        var parent = Enumerable.Range(0, ordered.Length).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
        var reach = TimeSpan.FromMinutes(maxGapMinutes + 1.0); // in double: int.MaxValue + 1 wrapped to a negative reach
        for (var i = 0; i < ordered.Length; i++)
        {
            var minute = ordered[i].Group.Minute;
            for (var j = i - 1; j >= 0 && minute - ordered[j].Group.Minute <= reach; j--)
            {
                if (ordered[j].Group.Minute < minute && ordered[i].Group.Stations.Intersect(ordered[j].Group.Stations).Any())
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }
        return Enumerable.Range(0, ordered.Length)
            .GroupBy(Root)
            .Select(members => members.Select(i => ordered[i]).ToList())
            .Select(members => (Episode: Episode(stations, members), Groups: (IReadOnlyList<CategorizedGroup>)members))
            .OrderBy(e => e.Episode.Start).ThenBy(e => e.Episode.Stations[0])
            .ToList();
    }

    /// <summary>Writes the catalogue: <see cref="Header"/>, then one episode a row (times ISO 8601 UTC, stations by name separated by <c>;</c>).</summary>
    /// <param name="path">The file, replaced atomically.</param>
    /// <param name="stations">The network whose names the station indices refer to.</param>
    /// <param name="episodes">The episodes.</param>
    public static void Write(string path, StationNetwork stations, IReadOnlyList<TremorEpisode> episodes)
    {
        Guard.NotNull(path, nameof(path));
        Guard.NotNull(stations, nameof(stations));
        Guard.NotNull(episodes, nameof(episodes));
        CsvTable.Write(path, Header.Split(','), episodes.Select(e => Fields(e, stations)));
    }

    /// <summary>One row of the catalogue as <see cref="Write"/> writes it.</summary>
    internal static string[] Fields(TremorEpisode e, StationNetwork stations) =>
        new[]
        {
            FormatTime(e.Start),
            FormatTime(e.End),
            e.MinuteCount.ToString(CultureInfo.InvariantCulture),
            CsvTable.Format(e.Latitude),
            CsvTable.Format(e.Longitude),
            CsvTable.Format(e.PeakProbability),
            ((int)e.Category).ToString(CultureInfo.InvariantCulture),
            e.Stations.Count.ToString(CultureInfo.InvariantCulture),
            string.Join(";", e.Stations.Select(s => stations.Names[s])),
        };

    /// <summary>Reads a catalogue written by <see cref="Write"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stations">The network whose station names the file uses.</param>
    /// <returns>The episodes, in file order.</returns>
    /// <exception cref="InvalidTableException">A wrong header, field, time or unknown station (the message names row and column).</exception>
    public static IReadOnlyList<TremorEpisode> Read(string path, StationNetwork stations)
    {
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
        if (!string.Equals(string.Join(",", header), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidTableException(path, 1, 0, $"header '{string.Join(",", header)}'; expected '{Header}'");
        }
        var episodes = new List<TremorEpisode>(rows.Count);
        foreach (var row in rows)
        {
            CsvTable.RequireFieldCount(path, row, 9, Header);
            var names = row.Fields[8].Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries);
            var indices = names.Select(name => stations.IndexOf(name.Trim()) is var index and >= 0 ? index
                : throw new InvalidTableException(path, row.Line, 9, $"station '{name}' is not in the station file")).ToArray();
            if (indices.Length != CsvTable.ParseInteger(path, row, 7, "station count"))
            {
                throw new InvalidTableException(path, row.Line, 8, $"station count {row.Fields[7]} but {indices.Length} stations listed");
            }
            try
            {
                episodes.Add(new TremorEpisode(
                    ParseTime(path, row, 0), ParseTime(path, row, 1), CsvTable.ParseInteger(path, row, 2, "minutes"), indices,
                    CsvTable.ParseDouble(path, row, 3, "latitude"), CsvTable.ParseDouble(path, row, 4, "longitude"),
                    (float)CsvTable.ParseDouble(path, row, 5, "peak probability"), (TremorCategory)CsvTable.ParseInteger(path, row, 6, "category")));
            }
            catch (InvalidParameterException e)
            {
                throw new InvalidTableException(path, row.Line, 0, e.Message);
            }
        }
        return episodes;
    }

    private static TremorEpisode Episode(StationNetwork stations, List<CategorizedGroup> members)
    {
        double weight = 0, latitude = 0, longitude = 0;
        float peak = 0;
        foreach (var group in members.Select(m => m.Group))
        {
            for (var i = 0; i < group.Count; i++)
            {
                var p = group.Probabilities[i];
                weight += p;
                latitude += p * stations.Latitudes[group.Stations[i]];
                longitude += p * stations.Longitudes[group.Stations[i]];
                peak = Math.Max(peak, p);
            }
        }
        var minutes = members.Select(m => m.Group.Minute).Distinct().ToList();
        return new TremorEpisode(
            minutes.Min(),
            minutes.Max().AddMinutes(1),
            minutes.Count,
            members.SelectMany(m => m.Group.Stations).Distinct().ToList(),
            latitude / weight,
            longitude / weight,
            peak,
            members.Any(m => m.Category == TremorCategory.Probable) ? TremorCategory.Probable : TremorCategory.Possible);
    }

    /// <summary>A catalogue time, ISO 8601 UTC to the second (<c>2016-04-01T12:34:00Z</c>); the tidy tables use it too.</summary>
    internal static string FormatTime(DateTime time) => MinuteClock.FormatIso(time);

    private static DateTime ParseTime(string path, CsvRow row, int index)
    {
        if (!MinuteClock.TryParseIso(row.Fields[index], out var time))
        {
            throw new InvalidTableException(path, row.Line, index + 1, $"'{row.Fields[index]}' is not a time like 2016-04-01T12:34:00Z");
        }
        return time;
    }
}
