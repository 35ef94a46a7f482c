using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// A per-minute, per-station probability table (<c>Probability_T.csv</c>, <c>Probability_EQ.csv</c>):
/// one row per minute, one column per station in <see cref="StationNetwork"/> order. Probabilities are
/// float32, as the classifier emits them; <see cref="float.NaN"/> marks "no data" (an empty cell:
/// the station lacked a whole minute), which GrASP treats as not detecting. Read and written by
/// <see cref="IO.ProbabilityTableCsv"/>.
/// </summary>
public sealed class ProbabilityTable
{
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
}
