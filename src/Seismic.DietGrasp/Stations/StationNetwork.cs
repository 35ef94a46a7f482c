namespace Seismic.DietGrasp.Stations;

/// <summary>
/// The stations of a network in a fixed order (the row order of <c>Station_info.csv</c>, read and written by <see cref="IO.StationNetworkCsv"/>): names and
/// WGS84 latitudes and longitudes in degrees. Every GrASP table refers to stations by this order.
/// </summary>
public sealed class StationNetwork
{
    private readonly string[] _names;
    private readonly double[] _latitudes;
    private readonly double[] _longitudes;
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a network; names must be distinct and non-empty, latitudes in [-90, 90], longitudes in [-180, 360].</summary>
    /// <param name="names">Station names, in table order.</param>
    /// <param name="latitudes">Latitudes in degrees, one per station.</param>
    /// <param name="longitudes">Longitudes in degrees, one per station.</param>
    /// <exception cref="InvalidParameterException">The lists differ in length, a name repeats or a coordinate is out of range.</exception>
    public StationNetwork(IEnumerable<string> names, IEnumerable<double> latitudes, IEnumerable<double> longitudes)
    {
        _names = names.ToArray();
        _latitudes = latitudes.ToArray();
        _longitudes = longitudes.ToArray();
        if (_latitudes.Length != _names.Length || _longitudes.Length != _names.Length)
        {
            throw new InvalidParameterException("stations", $"{_names.Length} names, {_latitudes.Length} latitudes and {_longitudes.Length} longitudes; expected one of each per station");
        }
        if (_names.Length < 2)
        {
            throw new InvalidParameterException("stations", $"{_names.Length} station(s); GrASP needs at least 2");
        }
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(_names[i]))
            {
                throw new InvalidParameterException("stations", $"station {i + 1} has an empty name");
            }
            if (_indexByName.ContainsKey(_names[i]))
            {
                throw new InvalidParameterException("stations", $"station name '{_names[i]}' appears twice");
            }
            _indexByName[_names[i]] = i;
            if (!IsLatitude(_latitudes[i]) || !IsLongitude(_longitudes[i]))
            {
                throw new InvalidParameterException("stations", $"station '{_names[i]}' at ({_latitudes[i]}, {_longitudes[i]}): latitude must be in [-90, 90] and longitude in [-180, 360]");
            }
        }
    }

    /// <summary>Number of stations, N.</summary>
    public int Count => _names.Length;

    /// <summary>Station names in table order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Latitudes in degrees (WGS84), in table order.</summary>
    public IReadOnlyList<double> Latitudes => _latitudes;

    /// <summary>Longitudes in degrees (WGS84), in table order.</summary>
    public IReadOnlyList<double> Longitudes => _longitudes;

    /// <summary>The index of a station by name, or -1 when the network has no such station.</summary>
    /// <param name="name">The station name (case-sensitive).</param>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var index) ? index : -1;

    internal static bool IsLatitude(double value) => value is >= -90 and <= 90;

    internal static bool IsLongitude(double value) => value is >= -180 and <= 360;
}
