using System.Diagnostics;
using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// The demo: a <see cref="ContinuousScenario"/> on a real network written as SAC files, the whole
/// <see cref="ContinuousProcessing.Run"/> job on them, and the detected tremor episodes scored against
/// the injected ones (<see cref="TremorScore"/>).
/// </summary>
public static class SyntheticDemo
{
    /// <summary>The folder, inside the output folder, that holds the scenario (waveforms, station file, injected events).</summary>
    public const string ScenarioFolder = "scenario";

    /// <summary>The per-episode scoring table written into the output folder.</summary>
    public const string ScoreFile = "Tremor_score.csv";

    /// <summary>The 150 stations of NIED's S-net (name, WGS84 latitude and longitude; the seed's <c>Station_info.csv</c>), bundled with the library.</summary>
    /// <returns>A fresh network.</returns>
    public static StationNetwork SnetStations()
    {
        using var stream = typeof(SyntheticDemo).Assembly.GetManifestResourceStream("Seismic.DietGrasp.snet-stations.csv")
            ?? throw new InvalidOperationException("the bundled S-net station list is missing from the assembly");
        using var reader = new StreamReader(stream);
        var rows = reader.ReadToEnd().Split('\n').Skip(1).Where(line => line.Trim().Length > 0).Select(line => line.Trim().Split(',')).ToArray();
        return new StationNetwork(
            rows.Select(r => r[0]),
            rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)),
            rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Runs the demo. Writes <see cref="ScenarioFolder"/>/ (see <see cref="ContinuousScenario.WriteFiles"/>), everything
    /// <see cref="ContinuousProcessing.Run"/> writes, and <see cref="ScoreFile"/> (one row per injected tremor episode:
    /// start, end, latitude, longitude, expected stations, matching catalogue rows) into <paramref name="outputDirectory"/>.
    /// When the folder holds the results of a demo with other events, its per-day results are discarded first.
    /// </summary>
    /// <param name="outputDirectory">The output folder (created when missing).</param>
    /// <param name="stations">The network to build the scenario on (e.g. S-net's 150 stations).</param>
    /// <param name="scenario">The scenario's options; null for the defaults (60 minutes).</param>
    /// <param name="maxDegreeOfParallelism">Workers for generation and processing; -1 for one per core.</param>
    /// <param name="progress">Receives the processing's progress, or null.</param>
    /// <param name="cancellation">Stops the work.</param>
    /// <returns>The scenario, the run's result, the score and the time each half took.</returns>
    /// <exception cref="InvalidParameterException">No output folder, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static SyntheticDemoResult Run(string outputDirectory, StationNetwork stations, ContinuousScenarioOptions? scenario = null, int maxDegreeOfParallelism = -1, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new InvalidParameterException(nameof(outputDirectory), "the output folder must be named");
        }
        Parallelism.Check(maxDegreeOfParallelism);
        var clock = Stopwatch.StartNew();
        var plan = ContinuousScenario.Create(stations, scenario);
        var scenarioDirectory = Path.Combine(outputDirectory, ScenarioFolder);
        var eventFile = Path.Combine(scenarioDirectory, ContinuousScenario.EventFileName);
        var previousEvents = File.Exists(eventFile) ? File.ReadAllText(eventFile) : null;
        plan.WriteFiles(scenarioDirectory, maxDegreeOfParallelism, cancellation);
        var days = Path.Combine(outputDirectory, RunLayout.DaysFolder);
        if (previousEvents is not null && previousEvents != File.ReadAllText(eventFile) && Directory.Exists(days))
        {
            // Days made from other waveforms would otherwise be resumed as if they were these.
            Directory.Delete(days, recursive: true);
        }
        var generation = clock.Elapsed;

        clock.Restart();
        var options = new RunOptions(Path.Combine(scenarioDirectory, ContinuousScenario.WaveformFolderName), Path.Combine(scenarioDirectory, ContinuousScenario.StationFileName), outputDirectory);
        if (maxDegreeOfParallelism > 0)
        {
            options = options with { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        }
        var run = ContinuousProcessing.Run(options, progress, cancellation);
        var score = TremorScore.Compute(plan.Events, run.Catalogue);
        WriteScore(Path.Combine(outputDirectory, ScoreFile), plan, run, score);
        return new SyntheticDemoResult(plan, run, score, generation, clock.Elapsed);
    }

    private static void WriteScore(string path, ContinuousScenario plan, RunResult run, TremorScore score) =>
        CsvTable.Write(path, new[] { "start", "end", "latitude", "longitude", "expected_stations", "matched_episodes" },
            plan.TremorEpisodes.Select((e, i) => new[]
            {
                e.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                e.End.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                CsvTable.Format(e.Latitude),
                CsvTable.Format(e.Longitude),
                string.Join(";", e.ExpectedStations.Select(s => plan.Stations.Names[s])),
                string.Join(";", score.Matches[i].Select(d => run.Catalogue[d].ToString())),
            }));
}
