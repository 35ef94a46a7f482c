using System.Globalization;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The layout of a run's output folder, in one place: the tables, the catalogue and the pictures at the
/// top, and the per-day results under <see cref="DaysFolder"/>. The pipeline, the day store, the demo and
/// the pictures all take their file names and paths from here.
/// </summary>
public sealed class RunLayout
{
    /// <summary>Earthquake probability table.</summary>
    public const string EarthquakeProbabilityFile = "Probability_EQ.csv";

    /// <summary>Tremor probability table.</summary>
    public const string TremorProbabilityFile = "Probability_T.csv";

    /// <summary>Noise probability table.</summary>
    public const string NoiseProbabilityFile = "Probability_N.csv";

    /// <summary>Apply_Nocut on the earthquake table.</summary>
    public const string EarthquakeCandidateFile = "EQ_candidate.csv";

    /// <summary>Apply_Tremor on the tremor table.</summary>
    public const string TremorCandidateFile = "Tremor_candidate.csv";

    /// <summary>The tremor candidates with their category (1 probable, 2 possible).</summary>
    public const string TremorCategoryFile = "Tremor_category.csv";

    /// <summary>The tremor episodes (<see cref="TremorCatalogue"/>).</summary>
    public const string TremorCatalogueFile = "Tremor_catalogue.csv";

    /// <summary>Picture: the catalogue map (every episode at its centroid, coloured by time, sized by duration, on coastlines).</summary>
    public const string TremorMapFile = "Tremor_map.png";

    /// <summary>Picture (drawn on request, <c>dietgrasp plot --minute T</c>): the station map of one minute with its tremor groups.</summary>
    public const string TremorMinuteMapFile = "Tremor_map_minute.png";

    /// <summary>Picture: the space-time migration plot (distance along the network's strike against time, one mark per tremor group-minute).</summary>
    public const string TremorMigrationFile = "Tremor_migration.png";

    /// <summary>Picture: stations (along strike) x time tremor probabilities with the catalogue's episodes outlined.</summary>
    public const string TremorTimelineFile = "Tremor_timeline.png";

    /// <summary>Picture: the spectrogram of the strongest tremor detection (<see cref="RunResult.StrongestTremor"/>).</summary>
    public const string TremorSpectrogramFile = "Tremor_spectrogram.png";

    /// <summary>The SHA-256 of every table written at the top of the output folder, written last: a folder without it holds an incomplete set (docs/RELIABILITY.md).</summary>
    public const string ManifestFile = "manifest.sha256";

    /// <summary>The strongest tremor detection's DiET spectrogram, [73, 71, 3] float32 (what <see cref="TremorSpectrogramFile"/> is drawn from, kept so the picture can be redrawn without the waveforms).</summary>
    public const string StrongestTremorSpectrogramFile = "Tremor_strongest.npy";

    /// <summary>Which station-minute <see cref="StrongestTremorSpectrogramFile"/> is: one row <c>station,minute,tremor_probability</c>.</summary>
    public const string StrongestTremorFile = "Tremor_strongest.csv";

    /// <summary>
    /// Every warning of the run (<see cref="RunResult.Warnings"/>), tab-separated with a header row: kind, station, channel,
    /// time and message. The command line prints the first few and names this file for the rest.
    /// </summary>
    public const string WarningsFile = "warnings.tsv";

    /// <summary>Each station's chosen three-component set and why (<see cref="StationChannelChoice"/>): <c>station,network,location,code,vx,vy,vz,sampling_rate,motion,reason</c>.</summary>
    public const string ChannelChoiceFile = "Channels.csv";

    /// <summary>The catalogue in tidy form: one row per episode with <c>episode_id</c> (its row in <see cref="TremorCatalogueFile"/>, from 1), ISO start and end, duration in seconds, stations, centroid, spread (Graph std, km) and the category as a word.</summary>
    public const string TremorEpisodesFile = "Tremor_episodes.csv";

    /// <summary>Which station-minutes make each episode: <c>episode_id,time,station,tremor_probability</c>, one row per station-minute of its tremor groups.</summary>
    public const string TremorAssignmentsFile = "Tremor_assignments.csv";

    /// <summary>In each day folder: the day's probabilities in long form (<c>time, station, earthquake, tremor, noise</c>) as Parquet, for pandas, Polars and DuckDB (net10.0 build only).</summary>
    public const string DayProbabilityParquetFile = "probabilities.parquet";

    /// <summary>Provenance of the finished set (written by <c>associate</c>, and so by <c>run</c>): the package version, the model's SHA-256 and card, every parameter, and each day's inputs.</summary>
    public const string RunManifestFile = "run.json";

    /// <summary>A day partition's provenance: version, model, parameters, its minutes and its input files (<see cref="DaysFolder"/>/YYYY-MM-DD/day.json).</summary>
    public const string DayManifestFile = "day.json";

    /// <summary>A day partition's warnings about its data, in <see cref="WarningsFile"/>'s tab-separated form.</summary>
    public const string DayWarningsFile = "warnings.tsv";

    /// <summary>A day partition's completion marker, written last: what made it and the SHA-256 of each of its files.</summary>
    public const string DayMarkerFile = "complete";

    /// <summary>The folder of per-day results inside the output folder.</summary>
    public const string DaysFolder = "days";

    /// <summary>The three probability tables in class order (earthquake, tremor, noise), as each day folder holds them too.</summary>
    internal static readonly string[] ProbabilityFiles = { EarthquakeProbabilityFile, TremorProbabilityFile, NoiseProbabilityFile };

    /// <summary>A layout rooted at an output folder.</summary>
    /// <param name="outputDirectory">The run's output folder (need not exist yet).</param>
    /// <exception cref="ArgumentNullException"><paramref name="outputDirectory"/> is null.</exception>
    public RunLayout(string outputDirectory)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory ?? throw new ArgumentNullException(nameof(outputDirectory)));
    }

    /// <summary>The output folder, as a full path.</summary>
    public string OutputDirectory { get; }

    /// <summary>The full path of a file at the top of the output folder.</summary>
    /// <param name="fileName">One of this type's file names (or any name).</param>
    /// <returns>The full path.</returns>
    public string PathOf(string fileName) => Path.Combine(OutputDirectory, fileName ?? throw new ArgumentNullException(nameof(fileName)));

    /// <summary>The folder that holds all per-day results.</summary>
    public string DaysDirectory => Path.Combine(OutputDirectory, DaysFolder);

    /// <summary>The folder of one UTC day's results (<c>days/YYYY-MM-DD</c>).</summary>
    /// <param name="day">Any time in the day.</param>
    /// <returns>The full path.</returns>
    public string DayDirectory(DateTime day) => Path.Combine(DaysDirectory, DayFolderName(day));

    /// <summary>The name of a day's folder inside <see cref="DaysDirectory"/>: <c>YYYY-MM-DD</c> (UTC).</summary>
    /// <param name="day">Any time in the day.</param>
    /// <returns>The folder name.</returns>
    public static string DayFolderName(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
