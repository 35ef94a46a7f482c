using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// The candidate tables of the original: <c>Tremor_candidate.csv</c> / <c>EQ_candidate.csv</c> (the
/// probability-table format, one row per group, 0 for stations outside the group) and the categorised
/// table (<c>Tremor_category.csv</c>: the same plus a last column, 1 probable / 2 possible).
/// </summary>
public static class CandidateTableCsv
{
    private const string CategoryColumn = "category";

    /// <summary>Writes groups as a candidate table, in the order given.</summary>
    /// <param name="path">The file, replaced atomically.</param>
    /// <param name="stations">The network (header and column count).</param>
    /// <param name="groups">The groups, one row each.</param>
    public static void Write(string path, StationNetwork stations, IEnumerable<StationGroup> groups) =>
        CsvTable.Write(Guard.NotNull(path, nameof(path)), ProbabilityTableCsv.Header(Guard.NotNull(stations, nameof(stations))), Guard.NotNull(groups, nameof(groups)).Select(g => Row(stations, g, extra: 0)));

    /// <summary>Writes categorised groups: the candidate table plus a last column <c>category</c> (1 or 2).</summary>
    /// <param name="path">The file, replaced atomically.</param>
    /// <param name="stations">The network (header and column count).</param>
    /// <param name="groups">The categorised groups, one row each.</param>
    public static void WriteCategorized(string path, StationNetwork stations, IEnumerable<CategorizedGroup> groups) =>
        CsvTable.Write(Guard.NotNull(path, nameof(path)), CategorizedHeader(Guard.NotNull(stations, nameof(stations))), Guard.NotNull(groups, nameof(groups)).Select(g => CategorizedRow(stations, g)));

    /// <summary>Reads a candidate table: each row's group is its stations with a non-zero probability.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stations">The network the columns must match.</param>
    /// <exception cref="InvalidTableException">A row is malformed or names no station.</exception>
    public static IReadOnlyList<StationGroup> Read(string path, StationNetwork stations) =>
        ReadRows(path, stations, categorized: false).Select(r => r.Group).ToArray();

    /// <summary>Reads a categorised table (candidate table plus a last column 1 or 2).</summary>
    /// <param name="path">The file.</param>
    /// <param name="stations">The network the columns must match.</param>
    /// <exception cref="InvalidTableException">A row is malformed, names no station, or its category is not 1 or 2.</exception>
    public static IReadOnlyList<CategorizedGroup> ReadCategorized(string path, StationNetwork stations) =>
        ReadRows(path, stations, categorized: true).Select(r => new CategorizedGroup(r.Group, r.Category)).ToArray();

    /// <summary>The header of the categorised table.</summary>
    internal static string[] CategorizedHeader(StationNetwork stations) => ProbabilityTableCsv.Header(stations).Concat(new[] { CategoryColumn }).ToArray();

    /// <summary>One row of the categorised table as <see cref="WriteCategorized"/> writes it.</summary>
    internal static string[] CategorizedRow(StationNetwork stations, CategorizedGroup group)
    {
        var fields = Row(stations, group.Group, extra: 1);
        fields[fields.Length - 1] = ((int)group.Category).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    /// <summary>One row of a candidate table (<paramref name="extra"/> empty fields after the stations).</summary>
    internal static string[] Row(StationNetwork stations, StationGroup group, int extra)
    {
        var fields = new string[5 + stations.Count + extra];
        ProbabilityTableCsv.WriteMinute(group.Minute, fields);
        for (var s = 0; s < stations.Count; s++)
        {
            fields[5 + s] = "0";
        }
        for (var i = 0; i < group.Count; i++)
        {
            var s = group.Stations[i];
            if (s >= stations.Count)
            {
                throw new InvalidParameterException("groups", $"group {group} names station {s}, but the network has {stations.Count}");
            }
            fields[5 + s] = CsvTable.Format(group.Probabilities[i]);
        }
        return fields;
    }

    private static List<(StationGroup Group, TremorCategory Category)> ReadRows(string path, StationNetwork stations, bool categorized)
    {
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
        var extra = categorized ? 1 : 0;
        ProbabilityTableCsv.CheckHeader(path, header, stations, extra);
        var n = stations.Count;
        var result = new List<(StationGroup, TremorCategory)>(rows.Count);
        foreach (var row in rows)
        {
            CsvTable.RequireFieldCount(path, row, 5 + n + extra, categorized ? $"time, {n} stations and a category" : $"time and {n} stations");
            var minute = ProbabilityTableCsv.ParseMinute(path, row);
            var members = new List<int>();
            var probabilities = new List<float>();
            for (var s = 0; s < n; s++)
            {
                var p = ProbabilityTableCsv.ParseProbability(path, row, 5 + s);
                if (p > 0)
                {
                    members.Add(s);
                    probabilities.Add(p);
                }
            }
            if (members.Count == 0)
            {
                throw new InvalidTableException(path, row.Line, 0, "the row names no station (every probability is 0 or empty)");
            }
            var category = TremorCategory.Probable;
            if (categorized)
            {
                var value = CsvTable.ParseInteger(path, row, 5 + n, "category");
                if (value is not (1 or 2))
                {
                    throw new InvalidTableException(path, row.Line, 6 + n, $"category {value}; expected 1 (probable) or 2 (possible)");
                }
                category = (TremorCategory)value;
            }
            result.Add((StationGroup.FromAscending(minute, members.ToArray(), probabilities.ToArray()), category));
        }
        return result;
    }
}
