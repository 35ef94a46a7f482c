using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// The original's probability tables (<c>Probability_T.csv</c>, <c>Probability_EQ.csv</c>): a header
/// (year, month, day, hour, minute, then the station names), one row per minute; empty cells are
/// "no data".
/// </summary>
public static class ProbabilityTableCsv
{
    private static readonly string[] TimeColumns = { "year", "month", "day", "hour", "minute" };

    /// <summary>
    /// Reads a probability table: header (year, month, day, hour, minute, then the station names in
    /// the order of <paramref name="stations"/>), then one row per minute. Empty cells (and <c>nan</c>)
    /// read as NaN, "no data".
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="stations">The network whose stations the columns must be, in order.</param>
    /// <exception cref="InvalidTableException">Header, field count, number, probability range or date is wrong.</exception>
    public static ProbabilityTable Read(string path, StationNetwork stations)
    {
        using var stream = InputFile.OpenRead(path);
        return Read(stream, stations, path);
    }

    /// <summary>Reads a probability table from a stream (left open).</summary>
    /// <param name="stream">The table.</param>
    /// <param name="stations">The network whose stations the columns must be, in order.</param>
    /// <param name="source">What to call the table in error messages.</param>
    /// <exception cref="InvalidTableException">As <see cref="Read(string, StationNetwork)"/>.</exception>
    public static ProbabilityTable Read(Stream stream, StationNetwork stations, string source = "<stream>")
    {
        Guard.NotNull(stream, nameof(stream));
        Guard.NotNull(stations, nameof(stations));
        var path = Guard.NotNull(source, nameof(source));
        var (header, rows) = CsvTable.Read(stream, path, hasHeader: true);
        CheckHeader(path, header, stations, extraColumns: 0);
        var n = stations.Count;
        var minutes = new DateTime[rows.Count];
        var values = new float[rows.Count * n];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            CsvTable.RequireFieldCount(path, row, 5 + n, $"year, month, day, hour, minute and {n} station probabilities");
            minutes[r] = ParseMinute(path, row);
            for (var s = 0; s < n; s++)
            {
                values[r * n + s] = ParseProbability(path, row, 5 + s);
            }
        }
        return new ProbabilityTable(n, minutes, values);
    }

    /// <summary>Writes the table in the original's format; probabilities as shortest round-trip float32 text, NaN as an empty cell.</summary>
    /// <param name="path">The file, replaced atomically.</param>
    /// <param name="table">The probabilities.</param>
    /// <param name="stations">The network whose names make the header.</param>
    public static void Write(string path, ProbabilityTable table, StationNetwork stations)
    {
        Guard.NotNull(path, nameof(path));
        var rows = Rows(table, stations);
        CsvTable.Write(path, Header(stations), rows);
    }

    /// <summary>Writes the table to a stream (left open), as <see cref="Write(string, ProbabilityTable, StationNetwork)"/>.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="table">The probabilities.</param>
    /// <param name="stations">The network whose names make the header.</param>
    public static void Write(Stream stream, ProbabilityTable table, StationNetwork stations)
    {
        Guard.NotNull(stream, nameof(stream));
        var rows = Rows(table, stations);
        CsvTable.Write(stream, Header(stations), rows);
    }

    private static IEnumerable<string[]> Rows(ProbabilityTable table, StationNetwork stations)
    {
        Guard.NotNull(table, nameof(table));
        Guard.NotNull(stations, nameof(stations));
        if (stations.Count != table.StationCount)
        {
            throw new InvalidParameterException(nameof(stations), $"{stations.Count} stations, the table has {table.StationCount} columns");
        }
        return Enumerable.Range(0, table.MinuteCount).Select(r => RowFields(table, r));
    }

    /// <summary>The fields of one row as <see cref="Write(string, ProbabilityTable, StationNetwork)"/> writes them.</summary>
    internal static string[] RowFields(ProbabilityTable table, int row)
    {
        var fields = new string[5 + table.StationCount];
        WriteMinute(table.Minutes[row], fields);
        var values = table.Row(row);
        for (var s = 0; s < table.StationCount; s++)
        {
            var p = values[s];
            fields[5 + s] = float.IsNaN(p) ? string.Empty : CsvTable.Format(p);
        }
        return fields;
    }

    internal static string[] Header(StationNetwork stations) => TimeColumns.Concat(stations.Names).ToArray();

    internal static void CheckHeader(string path, string[] header, StationNetwork stations, int extraColumns)
    {
        var expected = 5 + stations.Count + extraColumns;
        if (header.Length != expected)
        {
            throw new InvalidTableException(path, 1, 0, $"header has {header.Length} columns, expected {expected} (year, month, day, hour, minute, {stations.Count} station names{(extraColumns > 0 ? ", category" : string.Empty)})");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < stations.Count; s++)
        {
            var name = header[5 + s];
            if (!seen.Add(name))
            {
                throw new InvalidTableException(path, 1, 6 + s, $"station '{name}' appears twice in the header");
            }
            if (!string.Equals(name, stations.Names[s], StringComparison.Ordinal))
            {
                var index = stations.IndexOf(name);
                var why = index < 0 ? "is not in the station file" : $"is station {index + 1} of the station file, not {s + 1}";
                throw new InvalidTableException(path, 1, 6 + s, $"column '{name}' {why}; expected '{stations.Names[s]}' (columns follow the station file's row order)");
            }
        }
    }

    internal static DateTime ParseMinute(string path, CsvRow row)
    {
        var parts = new int[5];
        for (var i = 0; i < 5; i++)
        {
            parts[i] = CsvTable.ParseInteger(path, row, i, TimeColumns[i]);
        }
        if (parts[0] is < 1 or > 9999 || parts[1] is < 1 or > 12)
        {
            throw new InvalidTableException(path, row.Line, parts[0] is < 1 or > 9999 ? 1 : 2, $"impossible date {parts[0]}-{parts[1]}");
        }
        if (parts[2] < 1 || parts[2] > DateTime.DaysInMonth(parts[0], parts[1]))
        {
            throw new InvalidTableException(path, row.Line, 3, $"impossible date {parts[0]:D4}-{parts[1]:D2}-{parts[2]:D2}");
        }
        if (parts[3] is < 0 or > 23)
        {
            throw new InvalidTableException(path, row.Line, 4, $"hour {parts[3]} outside 0..23");
        }
        if (parts[4] is < 0 or > 59)
        {
            throw new InvalidTableException(path, row.Line, 5, $"minute {parts[4]} outside 0..59");
        }
        return new DateTime(parts[0], parts[1], parts[2], parts[3], parts[4], 0, DateTimeKind.Utc);
    }

    internal static void WriteMinute(DateTime minute, string[] fields)
    {
        fields[0] = minute.Year.ToString(CultureInfo.InvariantCulture);
        fields[1] = minute.Month.ToString(CultureInfo.InvariantCulture);
        fields[2] = minute.Day.ToString(CultureInfo.InvariantCulture);
        fields[3] = minute.Hour.ToString(CultureInfo.InvariantCulture);
        fields[4] = minute.Minute.ToString(CultureInfo.InvariantCulture);
    }

    internal static float ParseProbability(string path, CsvRow row, int index)
    {
        var text = row.Fields[index];
        if (text.Length == 0 || string.Equals(text, "nan", StringComparison.OrdinalIgnoreCase))
        {
            return float.NaN;
        }
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || float.IsInfinity(p))
        {
            throw new InvalidTableException(path, row.Line, index + 1, $"'{text}' is not a number (probability)");
        }
        if (!(p is >= 0 and <= 1))
        {
            throw new InvalidTableException(path, row.Line, index + 1, $"probability {text} outside [0, 1]");
        }
        return p;
    }
}
