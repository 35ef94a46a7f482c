#if NET
using Parquet;
using Parquet.Schema;
#endif
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// A day's probabilities in long ("tidy") form as Parquet, for pandas, Polars and DuckDB: one row per
/// station-minute, columns <c>time</c> (timestamp, UTC, milliseconds), <c>station</c> (its name in the station
/// file), <c>earthquake</c>, <c>tremor</c>, <c>noise</c> (float32; null where the station-minute is empty), rows by
/// time, then station-file order. One row group. Written with Parquet.Net, which targets .NET 8 and later: the
/// netstandard2.0 build cannot write it (<see cref="IsSupported"/>).
/// </summary>
internal static class ProbabilityParquet
{
    /// <summary>The column names, in order.</summary>
    public static readonly string[] Columns = { "time", "station", "earthquake", "tremor", "noise" };

    /// <summary>Whether this build can write Parquet (the net10.0 build can; netstandard2.0 cannot).</summary>
#if NET
    public static bool IsSupported => true;
#else
    public static bool IsSupported => false;
#endif

    /// <summary>Writes the three tables (same minutes, same stations) to <paramref name="stream"/> (seekable, left open).</summary>
    /// <exception cref="PlatformNotSupportedException">The netstandard2.0 build.</exception>
    public static void Write(Stream stream, StationNetwork stations, ProbabilityTable earthquake, ProbabilityTable tremor, ProbabilityTable noise)
    {
#if NET
        var rows = earthquake.MinuteCount * stations.Count;
        var times = new DateTime[rows];
        var names = new string[rows];
        var values = new[] { new float?[rows], new float?[rows], new float?[rows] };
        var tables = new[] { earthquake, tremor, noise };
        for (var r = 0; r < earthquake.MinuteCount; r++)
        {
            for (var s = 0; s < stations.Count; s++)
            {
                var i = (r * stations.Count) + s;
                times[i] = earthquake.Minutes[r];
                names[i] = stations.Names[s];
                for (var c = 0; c < 3; c++)
                {
                    var p = tables[c][r, s];
                    values[c][i] = float.IsNaN(p) ? null : p;
                }
            }
        }
        var timeField = new DateTimeDataField(Columns[0], DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis);
        var stationField = new DataField<string>(Columns[1]);
        var classFields = Columns.Skip(2).Select(name => new DataField<float?>(name)).ToArray();
        var schema = new ParquetSchema(new Field[] { timeField, stationField }.Concat(classFields).ToArray());
        // Parquet.Net is asynchronous only; off the caller's context so a UI thread cannot deadlock on it.
        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(timeField, times).ConfigureAwait(false);
            await group.WriteAsync(stationField, names).ConfigureAwait(false);
            for (var c = 0; c < 3; c++)
            {
                await group.WriteAsync<float>(classFields[c], values[c]).ConfigureAwait(false);
            }
        }).GetAwaiter().GetResult();
#else
        throw new PlatformNotSupportedException("writing Parquet needs the net10.0 build of Seismic.DietGrasp (Parquet.Net 6 targets .NET 8 and later)");
#endif
    }

    /// <summary>Writes the day's file atomically.</summary>
    public static void Write(string path, StationNetwork stations, ProbabilityTable earthquake, ProbabilityTable tremor, ProbabilityTable noise) =>
        AtomicFile.Write(path, stream => Write(stream, stations, earthquake, tremor, noise));
}
