// Issue 21's ocean-bottom test: ContinuousScenarioOptions.OceanBottomFourHours on the 150 S-net stations
// (4 h, 100 Hz; 1-5 um/s microseism, tilt noise below 0.12 Hz, 15-80 nm/s 1/f floor; one 40-minute tremor
// episode, 14 local earthquakes), written once as Steim2 miniSEED (4096-byte records, one file per channel,
// 1 count = 0.1 nm/s), then `ContinuousProcessing.Run` over it once per configuration, scored with
// DetectionScore. Usage:
//   OceanBottom OUT_DIR LABEL=MODEL@HIGHPASS [LABEL=MODEL@HIGHPASS ...] [--minutes M] [--lines SHARE]
// (--lines: the share of stations with persistent strumming or beating lines, ContinuousScenarioOptions.LineStations).
// MODEL is an .onnx path or "bundled" (the library's default); HIGHPASS the corner in Hz (0 = off). E.g.
//   OceanBottom /tmp/ob v1-unfiltered=onnx/diet-standin-v1.onnx@0 v2-highpass=bundled@1
// Writes OUT_DIR/scenario/ (waveforms, Station_info.csv with codes that fit miniSEED's 5-character station
// field, Injected_events.csv), OUT_DIR/runs/LABEL/ (the run's tables) and appends to OUT_DIR/scores.csv.
// The records take about 1.9 GB: keep OUT_DIR under /tmp, never in the repository.
using System.Diagnostics;
using System.Globalization;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Waveforms;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: OceanBottom OUT_DIR LABEL=MODEL@HIGHPASS[:double|:single] [...] [--minutes M] [--lines SHARE]");
    return 2;
}
var output = args[0];
var options = ContinuousScenarioOptions.OceanBottomFourHours;
// HIGHPASS may carry the spectrogram's arithmetic (":double" or ":single"); without it, run's default for that high-pass.
var configurations = new List<(string Label, string? Model, double HighPass, SpectrogramPrecision? Precision)>();
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--minutes")
    {
        options = options with { Minutes = int.Parse(args[++i], CultureInfo.InvariantCulture) };
        continue;
    }
    if (args[i] == "--lines")
    {
        options = options with { LineStations = double.Parse(args[++i], CultureInfo.InvariantCulture) };
        continue;
    }
    var equals = args[i].IndexOf('=', StringComparison.Ordinal);
    var at = args[i].LastIndexOf('@');
    var model = args[i].Substring(equals + 1, at - equals - 1);
    var filter = args[i].Substring(at + 1).Split(':');
    SpectrogramPrecision? precision = filter.Length > 1 ? Enum.Parse<SpectrogramPrecision>(filter[1], ignoreCase: true) : null;
    configurations.Add((args[i].Substring(0, equals), model == "bundled" ? null : Path.GetFullPath(model), double.Parse(filter[0], CultureInfo.InvariantCulture), precision));
}

var stations = SyntheticDemo.SnetStations();
var plan = ContinuousScenario.Create(stations, options);
var scenarioFolder = Path.Combine(output, SyntheticDemo.ScenarioFolder);
var waveforms = Path.Combine(scenarioFolder, ContinuousScenario.WaveformFolderName);
var stationFile = Path.Combine(scenarioFolder, ContinuousScenario.StationFileName);
var complete = Path.Combine(scenarioFolder, "complete");
var describe = $"{options}";
if (!File.Exists(complete) || File.ReadAllText(complete) != describe)
{
    var clock = Stopwatch.StartNew();
    if (Directory.Exists(scenarioFolder))
    {
        Directory.Delete(scenarioFolder, recursive: true);
    }
    Directory.CreateDirectory(waveforms);
    // S-net codes of five letters (N.S1N01) fit; the few of six become Z#### after their row (positions unchanged).
    var names = Enumerable.Range(0, stations.Count).Select(s =>
    {
        var name = stations.Names[s];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && name.Length - dot - 1 > 5 ? $"{name.Substring(0, dot)}.Z{s:D4}" : name;
    }).ToArray();
    StationNetworkCsv.Write(stationFile, new StationNetwork(names, stations.Latitudes, stations.Longitudes));
    long bytes = 0;
    Parallel.For(0, stations.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, s =>
    {
        var dot = names[s].IndexOf('.', StringComparison.Ordinal);
        var network = dot > 0 ? names[s].Substring(0, dot) : "XX";
        var code = dot > 0 ? names[s].Substring(dot + 1) : names[s];
        foreach (var trace in plan.GenerateStation(s))
        {
            var counts = new int[trace.Samples.Length];
            var span = trace.Samples.Span;
            for (var k = 0; k < counts.Length; k++)
            {
                counts[k] = (int)Math.Round(span[k] * 1e10);
            }
            var data = Steim2Writer.Write(counts, plan.Start, options.SamplingRate, network, code, trace.Id.Channel);
            File.WriteAllBytes(Path.Combine(waveforms, $"{names[s]}.{trace.Id.Channel}.mseed"), data);
            Interlocked.Add(ref bytes, data.Length);
        }
    });
    File.WriteAllLines(Path.Combine(scenarioFolder, ContinuousScenario.EventFileName), plan.Events.Select(e => e.ToString()));
    File.WriteAllText(complete, describe);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario: {stations.Count} stations x {options.Minutes} min, {bytes / 1e9:F2} GB Steim2, {clock.Elapsed.TotalSeconds:F0} s"));
}
foreach (var e in plan.Events)
{
    Console.WriteLine($"injected: {e}, peak signal-to-noise {e.PeakSignalToNoise:F1}");
}

var scores = Path.Combine(output, "scores.csv");
if (!File.Exists(scores))
{
    File.WriteAllText(scores, "label,model,highpass_hz,false_tremor_episodes,tremor_episodes,tremor_minutes_found,tremor_minutes,earthquakes_found,earthquakes,unexplained_earthquake_groups,tremor_station_minutes_outside,seconds\n");
}
foreach (var (label, model, highPass, precision) in configurations)
{
    var folder = Path.Combine(output, "runs", label);
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
    var clock = Stopwatch.StartNew();
    var run = ContinuousProcessing.Run(new RunOptions(waveforms, stationFile, folder) { ModelPath = model, HighPass = highPass, SpectrogramPrecision = precision, MaxDegreeOfParallelism = 2 });
    var seconds = clock.Elapsed.TotalSeconds;
    var score = DetectionScore.Compute(plan, run);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} ({run.ModelDescription}; {run.PreprocessingDescription}): {score}; {seconds:F0} s"));
    foreach (var episode in run.Catalogue)
    {
        Console.WriteLine($"  episode {episode}");
    }
    File.AppendAllText(scores, string.Create(CultureInfo.InvariantCulture,
        $"{label},{model ?? "bundled"},{highPass},{score.FalseTremorEpisodes},{score.Tremor.DetectedCount},{score.TremorMinutesFound},{score.TremorMinutes},{score.EarthquakesFound},{score.Earthquakes},{score.UnexplainedEarthquakeGroups},{score.TremorStationMinutesOutside},{seconds:F1}\n"));
}
return 0;
