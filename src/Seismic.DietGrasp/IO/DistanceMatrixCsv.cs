using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.IO;

/// <summary>The original's station distance matrix, <c>Stadis_array_original.csv</c>: N x N kilometres, no header.</summary>
public static class DistanceMatrixCsv
{
    /// <summary>Reads <c>Stadis_array_original.csv</c>: N x N km, no header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stations">The network; the matrix must be its size.</param>
    /// <exception cref="InvalidTableException">A row has the wrong length, a value is not a non-negative number, or the row count is wrong.</exception>
    public static double[,] Read(string path, StationNetwork stations)
    {
        using var stream = InputFile.OpenRead(path);
        return Read(stream, stations, path);
    }

    /// <summary>Reads a distance matrix from a stream (left open).</summary>
    /// <param name="stream">The table.</param>
    /// <param name="stations">The network; the matrix must be its size.</param>
    /// <param name="source">What to call the table in error messages.</param>
    /// <exception cref="InvalidTableException">As <see cref="Read(string, StationNetwork)"/>.</exception>
    public static double[,] Read(Stream stream, StationNetwork stations, string source = "<stream>")
    {
        Guard.NotNull(stream, nameof(stream));
        Guard.NotNull(stations, nameof(stations));
        var path = Guard.NotNull(source, nameof(source));
        var (_, rows) = CsvTable.Read(stream, path, hasHeader: false);
        var n = stations.Count;
        if (rows.Count != n)
        {
            throw new InvalidTableException(path, 0, 0, $"{rows.Count} rows; expected {n} (one per station, no header)");
        }
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            CsvTable.RequireFieldCount(path, rows[i], n, $"{n} distances in km");
            for (var j = 0; j < n; j++)
            {
                var d = CsvTable.ParseDouble(path, rows[i], j, "distance in km");
                if (d < 0)
                {
                    throw new InvalidTableException(path, rows[i].Line, j + 1, $"negative distance {rows[i].Fields[j]}");
                }
                distances[i, j] = d;
            }
        }
        return distances;
    }

    /// <summary>Writes a distance matrix as <c>Stadis_array_original.csv</c> (no header, round-trippable numbers).</summary>
    /// <param name="path">The file, replaced atomically.</param>
    /// <param name="distances">The N x N matrix, km.</param>
    public static void Write(string path, double[,] distances) =>
        CsvTable.Write(Guard.NotNull(path, nameof(path)), null, Rows(distances));

    /// <summary>Writes a distance matrix to a stream (left open).</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="distances">The N x N matrix, km.</param>
    public static void Write(Stream stream, double[,] distances) =>
        CsvTable.Write(Guard.NotNull(stream, nameof(stream)), null, Rows(distances));

    private static IEnumerable<string[]> Rows(double[,] distances)
    {
        Guard.NotNull(distances, nameof(distances));
        var rows = distances.GetLength(0);
        var columns = distances.GetLength(1);
        return Enumerable.Range(0, rows).Select(i =>
            Enumerable.Range(0, columns).Select(j => CsvTable.Format(distances[i, j])).ToArray());
    }
}
