// Writes continuous 100 Hz three-component Steim2 miniSEED (4096-byte records, one file per channel)
// for every station of an S-net style station file: the input of the `dietgrasp run` benchmark.
// Usage: SnetDay OUT_DIR HOURS [STATIONS.csv] [START (default 2016-04-01T00:00:00Z)]
// Also writes OUT_DIR.stations.csv: the station file with codes that fit miniSEED's 5-character station
// field (a longer code, e.g. S2N13A, becomes Z0123 after its row index; positions unchanged). Run `run` with it.
// Samples are integer counts: seafloor noise from a pool of distinct synthetic hours (SyntheticWaveforms),
// plus tremor and earthquakes on some station-hours, so that decode, spectrogram and ONNX costs are realistic.
// About 1.6 bytes a sample (6.2 GB for 150 stations x 24 h): write them under /tmp, never into the repository.
using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Waveforms;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SnetDay OUT_DIR HOURS [STATIONS.csv] [START]");
    return 2;
}
var output = args[0];
var hours = int.Parse(args[1], CultureInfo.InvariantCulture);
var stations = StationNetworkCsv.Read(args.Length > 2 ? args[2] : "/work/shared/data/snet_stations.csv");
var start = args.Length > 3 ? DateTime.Parse(args[3], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);
const double rate = 100;
const int perHour = 360_000;
const int poolSize = 12;
Directory.CreateDirectory(output);

// A pool of distinct hours: noise everywhere, tremor in a third of them (used only by the cluster), an earthquake in a quarter.
var pool = new int[poolSize][][];
Parallel.For(0, poolSize, p =>
{
    var components = new[] { new double[perHour], new double[perHour], new double[perHour] };
    SyntheticWaveforms.FillNoise(components[0], components[1], components[2], rate, new NoiseSettings { Amplitude = 400 }, (ulong)(1000 + p));
    if (p % 3 == 0)
    {
        SyntheticWaveforms.AddTremor(components[0], components[1], components[2], rate, new TremorSignal { OnsetSeconds = 600, DurationSeconds = 1200, Amplitude = 1500 }, (ulong)(2000 + p));
    }
    if (p % 4 == 1)
    {
        SyntheticWaveforms.AddEarthquake(components[0], components[1], components[2], rate, new EarthquakeSignal { OnsetSeconds = 1800, Amplitude = 30000 }, (ulong)(3000 + p));
    }
    pool[p] = components.Select(c => c.Select(x => (int)Math.Round(x)).ToArray()).ToArray();
});

var names = Enumerable.Range(0, stations.Count).Select(s =>
{
    var name = stations.Names[s];
    var dot = name.IndexOf('.', StringComparison.Ordinal);
    return dot > 0 && name.Length - dot - 1 > 5 ? $"{name.Substring(0, dot)}.Z{s:D4}" : name;
}).ToArray();
File.WriteAllLines(output.TrimEnd('/') + ".stations.csv", new[] { "name,latitude,longitude" }.Concat(
    names.Select((name, s) => string.Create(CultureInfo.InvariantCulture, $"{name},{stations.Latitudes[s]:R},{stations.Longitudes[s]:R}"))));
var distances = GraspAssociator.DistanceMatrix(stations);
var cluster = new HashSet<int>(Enumerable.Range(0, stations.Count).OrderBy(s => distances[65, s]).Take(8));
var quiet = Enumerable.Range(0, poolSize).Where(p => p % 3 != 0).ToArray();
var channels = new[] { "HHX", "HHY", "HHZ" };
long bytes = 0;
Parallel.For(0, stations.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, s =>
{
    var name = names[s];
    var dot = name.IndexOf('.', StringComparison.Ordinal);
    var network = dot > 0 ? name.Substring(0, dot) : "XX";
    var station = dot > 0 ? name.Substring(dot + 1) : name;
    for (var c = 0; c < 3; c++)
    {
        var samples = new int[hours * perHour];
        for (var h = 0; h < hours; h++)
        {
            // A compact cluster shares a tremor hour every 8 hours: coherent episodes for GrASP.
            var tremorHour = cluster.Contains(s) && h % 8 == 2;
            pool[tremorHour ? 3 * (h / 8 % 4) : quiet[((s * 7) + (h * 5)) % quiet.Length]][c].CopyTo(samples, h * perHour);
        }
        var data = Steim2Writer.Write(samples, start, rate, network, station, channels[c]);
        File.WriteAllBytes(Path.Combine(output, $"{name}.{channels[c]}.mseed"), data);
        Interlocked.Add(ref bytes, data.Length);
    }
});
Console.WriteLine($"{stations.Count} stations x 3 channels x {hours} h at {rate} Hz: {bytes / 1e9:F2} GB in {output}");
return 0;
