using System.Diagnostics;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.Benchmarks.Processing;

/// <summary>
/// The input of the network-year measurement of <c>dietgrasp associate</c> (benchmarks/README.md): 365 day
/// partitions of simulated probabilities for the 150 S-net stations (<see cref="SyntheticDayPartitions"/>),
/// and the station file, written under a folder:
/// <c>dotnet run -c Release --project benchmarks/Seismic.DietGrasp.Benchmarks -- network-year DIR</c>.
/// Then <c>/usr/bin/time -v dietgrasp associate --days DIR/days --stations DIR/stations.csv --out DIR
/// --start 2016-01-01T00:00:00Z --end 2016-12-31T00:00:00Z</c> gives the time and the peak memory.
/// </summary>
internal static class NetworkYear
{
    public static void Write(string folder, int days)
    {
        var stations = SyntheticDemo.SnetStations();
        Directory.CreateDirectory(folder);
        StationNetworkCsv.Write(Path.Combine(folder, "stations.csv"), stations);
        var watch = Stopwatch.StartNew();
        SyntheticDayPartitions.Write(Path.Combine(folder, "days"), stations, new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc), days);
        Console.WriteLine($"wrote {days} day partitions of {stations.Count} stations in {watch.Elapsed.TotalSeconds:F0} s under {Path.GetFullPath(folder)}");
    }
}
