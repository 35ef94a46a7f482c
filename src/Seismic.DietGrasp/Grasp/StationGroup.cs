namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// One extracted station group: the stations that detected a signal together in one minute (one row
/// of a candidate table). Stations are ascending station indices; probabilities are theirs, in the same order.
/// </summary>
public sealed class StationGroup
{
    private readonly int[] _stations;
    private readonly float[] _probabilities;

    /// <summary>Creates a group.</summary>
    /// <param name="minute">The minute the group belongs to.</param>
    /// <param name="stations">Station indices (any order; stored ascending, no repeats).</param>
    /// <param name="probabilities">The probability of each station, in the order of <paramref name="stations"/>, in (0, 1].</param>
    /// <exception cref="InvalidParameterException">Lengths differ, a station repeats or is negative, or a probability is outside (0, 1].</exception>
    public StationGroup(DateTime minute, IReadOnlyList<int> stations, IReadOnlyList<float> probabilities)
    {
        Guard.NotNull(stations, nameof(stations));
        Guard.NotNull(probabilities, nameof(probabilities));
        if (stations.Count != probabilities.Count || stations.Count == 0)
        {
            throw new InvalidParameterException(nameof(stations), $"{stations.Count} stations and {probabilities.Count} probabilities; expected the same, non-zero count");
        }
        var order = Enumerable.Range(0, stations.Count).OrderBy(i => stations[i]).ToArray();
        _stations = order.Select(i => stations[i]).ToArray();
        _probabilities = order.Select(i => probabilities[i]).ToArray();
        for (var i = 0; i < _stations.Length; i++)
        {
            if (_stations[i] < 0 || (i > 0 && _stations[i] == _stations[i - 1]))
            {
                throw new InvalidParameterException(nameof(stations), $"station index {_stations[i]} is negative or repeated");
            }
            if (!(_probabilities[i] is > 0 and <= 1))
            {
                throw new InvalidParameterException(nameof(probabilities), $"station {_stations[i]}: probability {_probabilities[i]} outside (0, 1]");
            }
        }
        Minute = minute;
    }

    private StationGroup(int[] ascendingStations, float[] probabilities, DateTime minute)
    {
        Minute = minute;
        _stations = ascendingStations;
        _probabilities = probabilities;
    }

    /// <summary>For the library's own results, already ascending and checked: no copy, no validation.</summary>
    internal static StationGroup FromAscending(DateTime minute, int[] ascendingStations, float[] probabilities) =>
        new(ascendingStations, probabilities, minute);

    /// <summary>The minute of the row.</summary>
    public DateTime Minute { get; }

    /// <summary>Station indices, ascending.</summary>
    public IReadOnlyList<int> Stations => _stations;

    /// <summary>Each station's probability, in the order of <see cref="Stations"/>.</summary>
    public IReadOnlyList<float> Probabilities => _probabilities;

    /// <summary>Number of stations in the group.</summary>
    public int Count => _stations.Length;

    /// <summary>The lowest station index (the group's sort key within a minute).</summary>
    public int FirstStation => _stations[0];

    internal int[] StationArray => _stations;

    /// <inheritdoc/>
    public override string ToString() => $"{Minute:yyyy-MM-dd HH:mm} [{string.Join(",", _stations)}]";
}
