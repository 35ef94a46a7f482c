using System.Globalization;

namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// The stations of a network in a fixed order (the row order of <c>Station_info.csv</c>): names and
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

    /// <summary>Reads <c>Station_info.csv</c>: a header row, then name, latitude, longitude per station.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidTableException">The header row is missing, a row is malformed, a coordinate is out of range or a name repeats.</exception>
    public static StationNetwork Read(string path)
    {
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
        if (header.Length == 3 && IsNumber(header[1]) && IsNumber(header[2]))
        {
            // Without this a file lacking its header row would silently lose its first station.
            throw new InvalidTableException(path, 1, 0, $"'{string.Join(",", header)}' is a station, not a header; the station file starts with a header row (e.g. name,lat,lon)");
        }
        if (rows.Count < 2)
        {
            throw new InvalidTableException(path, 0, 0, $"{rows.Count} station row(s); GrASP needs at least 2");
        }
        var names = new string[rows.Count];
        var latitudes = new double[rows.Count];
        var longitudes = new double[rows.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            CsvTable.RequireFieldCount(path, row, 3, "name, latitude, longitude");
            names[i] = row.Fields[0];
            if (names[i].Length == 0)
            {
                throw new InvalidTableException(path, row.Line, 1, "empty station name");
            }
            if (seen.TryGetValue(names[i], out var firstLine))
            {
                throw new InvalidTableException(path, row.Line, 1, $"station name '{names[i]}' already used on row {firstLine}");
            }
            seen[names[i]] = row.Line;
            latitudes[i] = CsvTable.ParseDouble(path, row, 1, "latitude in degrees");
            if (!IsLatitude(latitudes[i]))
            {
                throw new InvalidTableException(path, row.Line, 2, $"latitude {row.Fields[1]} is outside [-90, 90]");
            }
            longitudes[i] = CsvTable.ParseDouble(path, row, 2, "longitude in degrees");
            if (!IsLongitude(longitudes[i]))
            {
                throw new InvalidTableException(path, row.Line, 3, $"longitude {row.Fields[2]} is outside [-180, 360]");
            }
        }
        return new StationNetwork(names, latitudes, longitudes);
    }

    /// <summary>Writes <c>Station_info.csv</c> (header <c>name,lat,lon</c>), numbers round-trippable.</summary>
    /// <param name="path">The file, replaced atomically.</param>
    public void Write(string path) =>
        CsvTable.Write(path, new[] { "name", "lat", "lon" },
            Enumerable.Range(0, Count).Select(i => new[] { _names[i], CsvTable.Format(_latitudes[i]), CsvTable.Format(_longitudes[i]) }));

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsLatitude(double value) => value is >= -90 and <= 90;

    private static bool IsLongitude(double value) => value is >= -180 and <= 360;
}
