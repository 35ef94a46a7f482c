using System.Globalization;

namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// A per-minute, per-station probability table (<c>Probability_T.csv</c>, <c>Probability_EQ.csv</c>):
/// one row per minute, one column per station in <see cref="StationNetwork"/> order. Probabilities are
/// float32, as the classifier emits them; <see cref="float.NaN"/> marks "no data" (an empty cell:
/// the station lacked a whole minute), which GrASP treats as not detecting.
/// </summary>
public sealed class ProbabilityTable
{
    private static readonly string[] TimeColumns = { "year", "month", "day", "hour", "minute" };
    private readonly DateTime[] _minutes;
    private readonly float[] _values;

    /// <summary>Creates a table from row-major values [minute, station].</summary>
    /// <param name="stationCount">Number of station columns.</param>
    /// <param name="minutes">The minute of each row (seconds are not allowed).</param>
    /// <param name="values">minutes.Count x stationCount probabilities in [0, 1], row-major; NaN = no data.</param>
    /// <exception cref="InvalidParameterException">Sizes disagree, a time is not a whole minute or a probability is outside [0, 1].</exception>
    public ProbabilityTable(int stationCount, IReadOnlyList<DateTime> minutes, IReadOnlyList<float> values)
    {
        Guard.NotNull(minutes, nameof(minutes));
        Guard.NotNull(values, nameof(values));
        if (stationCount < 1)
        {
            throw new InvalidParameterException(nameof(stationCount), $"{stationCount}; expected at least 1 station");
        }
        if (values.Count != minutes.Count * stationCount)
        {
            throw new InvalidParameterException(nameof(values), $"{values.Count} values; expected {minutes.Count} minutes x {stationCount} stations");
        }
        StationCount = stationCount;
        _minutes = minutes.ToArray();
        _values = values.ToArray();
        for (var row = 0; row < _minutes.Length; row++)
        {
            if (_minutes[row].Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new InvalidParameterException(nameof(minutes), $"row {row}: {_minutes[row]:O} is not a whole minute");
            }
        }
        for (var i = 0; i < _values.Length; i++)
        {
            var p = _values[i];
            if (!float.IsNaN(p) && !(p is >= 0 and <= 1))
            {
                throw new InvalidParameterException(nameof(values), $"row {i / stationCount}, station {i % stationCount}: probability {p} outside [0, 1]");
            }
        }
    }

    /// <summary>Number of station columns.</summary>
    public int StationCount { get; }

    /// <summary>Number of minute rows.</summary>
    public int MinuteCount => _minutes.Length;

    /// <summary>The minute of each row.</summary>
    public IReadOnlyList<DateTime> Minutes => _minutes;

    /// <summary>The probability of a station in a row; NaN when the station has no data.</summary>
    /// <param name="row">0-based minute row.</param>
    /// <param name="station">0-based station index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The row or the station is outside the table.</exception>
    public float this[int row, int station] => _values[(Guard.Index(row, MinuteCount, nameof(row)) * StationCount) + Guard.Index(station, StationCount, nameof(station))];

    internal ReadOnlySpan<float> Row(int row) => new(_values, row * StationCount, StationCount);

    /// <summary>The rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) as a table of their own (this table when they are all of it).</summary>
    internal ProbabilityTable Slice(int first, int count) =>
        first == 0 && count == MinuteCount ? this : new ProbabilityTable(StationCount, new ArraySegment<DateTime>(_minutes, first, count), new ArraySegment<float>(_values, first * StationCount, count * StationCount));

    /// <summary>The cells without a probability (NaN).</summary>
    internal long CountEmpty()
    {
        long empty = 0;
        foreach (var value in _values)
        {
            empty += float.IsNaN(value) ? 1 : 0;
        }
        return empty;
    }

    /// <summary>Tables of the same stations one after the other, as one table.</summary>
    internal static ProbabilityTable Concatenate(int stationCount, IReadOnlyList<ProbabilityTable> parts)
    {
        var minutes = parts.SelectMany(part => part.Minutes).ToArray();
        var values = new float[minutes.Length * stationCount];
        var offset = 0;
        foreach (var part in parts)
        {
            Array.Copy(part._values, 0, values, offset, part._values.Length);
            offset += part._values.Length;
        }
        return new ProbabilityTable(stationCount, minutes, values);
    }

    /// <summary>Whether any cell holds a probability (false when every station-minute is empty).</summary>
    internal bool HasAnyValue() => _values.Any(value => !float.IsNaN(value));

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
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
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
    /// <param name="stations">The network whose names make the header.</param>
    public void Write(string path, StationNetwork stations)
    {
        Guard.NotNull(path, nameof(path));
        Guard.NotNull(stations, nameof(stations));
        if (stations.Count != StationCount)
        {
            throw new InvalidParameterException(nameof(stations), $"{stations.Count} stations, the table has {StationCount} columns");
        }
        CsvTable.Write(path, Header(stations), Enumerable.Range(0, MinuteCount).Select(RowFields));
    }

    /// <summary>The fields of one row as <see cref="Write"/> writes them.</summary>
    internal string[] RowFields(int row)
    {
        var fields = new string[5 + StationCount];
        WriteMinute(_minutes[row], fields);
        for (var s = 0; s < StationCount; s++)
        {
            var p = _values[row * StationCount + s];
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
