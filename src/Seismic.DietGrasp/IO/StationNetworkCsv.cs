using System.Globalization;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// The original's station file, <c>Station_info.csv</c>: a header row (e.g. <c>name,lat,lon</c>), then a
/// name, a WGS84 latitude and a longitude in degrees per station, in the network's order.
/// </summary>
public static class StationNetworkCsv
{
    /// <summary>Reads <c>Station_info.csv</c>: a header row, then name, latitude, longitude per station.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidTableException">The header row is missing, a row is malformed, a coordinate is out of range or a name repeats.</exception>
    public static StationNetwork Read(string path)
    {
        using var stream = InputFile.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads <c>Station_info.csv</c> from a stream (left open).</summary>
    /// <param name="stream">The table.</param>
    /// <param name="source">What to call the table in error messages (a file name or URL).</param>
    /// <exception cref="InvalidTableException">As <see cref="Read(string)"/>.</exception>
    public static StationNetwork Read(Stream stream, string source = "<stream>")
    {
        Guard.NotNull(stream, nameof(stream));
        var path = Guard.NotNull(source, nameof(source));
        var (header, rows) = CsvTable.Read(stream, path, hasHeader: true);
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
            if (!StationNetwork.IsLatitude(latitudes[i]))
            {
                throw new InvalidTableException(path, row.Line, 2, $"latitude {row.Fields[1]} is outside [-90, 90]");
            }
            longitudes[i] = CsvTable.ParseDouble(path, row, 2, "longitude in degrees");
            if (!StationNetwork.IsLongitude(longitudes[i]))
            {
                throw new InvalidTableException(path, row.Line, 3, $"longitude {row.Fields[2]} is outside [-180, 360]");
            }
        }
        return new StationNetwork(names, latitudes, longitudes);
    }

    /// <summary>Writes <c>Station_info.csv</c> (header <c>name,lat,lon</c>), numbers round-trippable.</summary>
    /// <param name="path">The file, replaced atomically.</param>
    /// <param name="stations">The network.</param>
    public static void Write(string path, StationNetwork stations) =>
        CsvTable.Write(Guard.NotNull(path, nameof(path)), Header, Rows(Guard.NotNull(stations, nameof(stations))));

    /// <summary>Writes <c>Station_info.csv</c> to a stream (left open).</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="stations">The network.</param>
    public static void Write(Stream stream, StationNetwork stations) =>
        CsvTable.Write(Guard.NotNull(stream, nameof(stream)), Header, Rows(Guard.NotNull(stations, nameof(stations))));

    private static readonly string[] Header = { "name", "lat", "lon" };

    private static IEnumerable<string[]> Rows(StationNetwork stations) =>
        Enumerable.Range(0, stations.Count).Select(i => new[] { stations.Names[i], CsvTable.Format(stations.Latitudes[i]), CsvTable.Format(stations.Longitudes[i]) });

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
