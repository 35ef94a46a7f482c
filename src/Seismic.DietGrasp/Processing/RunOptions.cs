using Microsoft.Extensions.Logging;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What <see cref="ContinuousProcessing.Run"/> processes and how: an immutable record, the library's one
/// options style. Set values with an object initializer or <c>with</c>, e.g.
/// <c>options with { HighPass = 0, MaxDegreeOfParallelism = 2 }</c>. Each value is checked as it is set;
/// what depends on several values or on the file system (folders and files exist, the time range is not
/// empty) is checked by <see cref="Validate"/>, which <see cref="ContinuousProcessing.Run"/> calls first:
/// building options never touches the disk.
/// </summary>
public sealed record RunOptions
{
    private readonly DateTime? _startTime;
    private readonly DateTime? _endTime;
    private readonly GraspParameters _grasp = GraspParameters.Default;
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly double _highPass = WaveformPreprocessing.DefaultHighPassCorner;
    private readonly Spectrogram.SpectrogramPrecision? _spectrogramPrecision;
    private readonly ChannelSelection _channels = ChannelSelection.Automatic;

    /// <summary>Creates options with the defaults: the whole archive, the bundled model, S-net GrASP defaults, counts left as they are, a 1 Hz high-pass, one worker per processor.</summary>
    /// <param name="waveformDirectory">Folder holding the SAC and/or miniSEED files (searched recursively).</param>
    /// <param name="stationFile">The station file: <c>Station_info.csv</c> (name, latitude, longitude), StationXML (stations as <c>NET.STA</c>) or NIED's channel table (<c>.ch</c>); see <see cref="Metadata.MetadataFile.ReadStations"/>.</param>
    /// <param name="outputDirectory">Where the tables and the per-day results go (created when missing).</param>
    /// <exception cref="InvalidParameterException">A path is empty.</exception>
    public RunOptions(string waveformDirectory, string stationFile, string outputDirectory)
    {
        WaveformDirectory = NotEmpty(nameof(waveformDirectory), waveformDirectory, "the waveform folder");
        StationFile = NotEmpty(nameof(stationFile), stationFile, "the station file");
        OutputDirectory = NotEmpty(nameof(outputDirectory), outputDirectory, "the output folder");
    }

    /// <summary>The folder of waveform files.</summary>
    public string WaveformDirectory { get; }

    /// <summary>The station file; its row order is the column order of every table.</summary>
    public string StationFile { get; }

    /// <summary>The output folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>
    /// First minute processed (UTC; an unspecified kind is read as UTC; a time inside a minute is widened
    /// down to the minute); <see langword="null"/>: the archive's first sample, rounded down to the minute.
    /// </summary>
    public DateTime? StartTime
    {
        get => _startTime;
        init => _startTime = value is { } s ? MinuteClock.Floor(MinuteClock.Utc(s)) : null;
    }

    /// <summary>
    /// End of the processed range (UTC, excluded; a time inside a minute is widened up to the next
    /// minute); <see langword="null"/>: the archive's end, rounded up to the minute.
    /// </summary>
    /// <exception cref="InvalidParameterException">The end is in the calendar's last minute.</exception>
    public DateTime? EndTime
    {
        get => _endTime;
        init
        {
            if (value is { } last && MinuteClock.Utc(last) > DateTime.MaxValue.AddMinutes(-1))
            {
                throw new InvalidParameterException("endTime", $"{last:o} is too close to the end of the calendar; expected a time before 9999-12-31T23:59Z");
            }
            _endTime = value is { } e ? MinuteClock.Ceiling(MinuteClock.Utc(e)) : null;
        }
    }

    /// <summary>An ONNX DiET model; <see langword="null"/>: the bundled stand-in model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The GrASP parameters (k, thresholds, EPSG, categorisation window).</summary>
    public GraspParameters Grasp
    {
        get => _grasp;
        init => _grasp = value ?? throw new ArgumentNullException(nameof(Grasp));
    }

    /// <summary>Instrument sensitivities (counts per m/s) that turn counts into velocity; <see langword="null"/>: samples are used as they are.</summary>
    public ChannelSensitivity? Sensitivity { get; init; }

    /// <summary>Stations processed at once (default: the processor count); at least 1.</summary>
    /// <exception cref="InvalidParameterException">Less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value >= 1 ? value : throw new InvalidParameterException("maxDegreeOfParallelism", $"{value}; expected at least 1 thread");
    }

    /// <summary>
    /// The corner in Hz of the zero-phase Butterworth high-pass (order 4) applied to the continuous record
    /// before minutes are cut (default 1 Hz, what the bundled model expects); 0: none. Each station-hour is
    /// filtered with at least 20 s of record on each side (<see cref="ButterworthHighPass.SettlingSeconds"/>),
    /// so its minutes equal those of the whole record filtered at once.
    /// </summary>
    /// <exception cref="InvalidParameterException">Negative, not finite, or between 0 and <see cref="WaveformPreprocessing.MinimumHighPassCorner"/> (0.01 Hz).</exception>
    public double HighPass
    {
        get => _highPass;
        init => _highPass = WaveformPreprocessing.CheckCorner(value);
    }

    /// <summary>
    /// The arithmetic of the spectrograms' Fourier transforms; null (the default): <see cref="Spectrogram.SpectrogramPrecision.Single"/>
    /// with the high-pass, <see cref="Spectrogram.SpectrogramPrecision.Double"/> without it (<see cref="EffectiveSpectrogramPrecision"/>).
    /// </summary>
    /// <remarks>
    /// Why single by default: the transforms are a third of an S-net day's CPU and float lanes are twice as many; after the
    /// high-pass a float32 spectrogram stays within 1e-5 of the double one (the bound issue #18 set), but without it the
    /// microseism's leakage leaves the quietest pixels of some minutes up to 2.4e-5 away (benchmarks/README.md).
    /// </remarks>
    /// <exception cref="InvalidParameterException">Not one of <see cref="Spectrogram.SpectrogramPrecision"/>'s values.</exception>
    public Spectrogram.SpectrogramPrecision? SpectrogramPrecision
    {
        get => _spectrogramPrecision;
        init => _spectrogramPrecision = value is { } chosen ? Spectrogram.DietSpectrogram.CheckPrecision(chosen, "spectrogramPrecision") : null;
    }

    /// <summary>The precision the run uses: <see cref="SpectrogramPrecision"/>, or its default for <see cref="HighPass"/>.</summary>
    public Spectrogram.SpectrogramPrecision EffectiveSpectrogramPrecision =>
        SpectrogramPrecision ?? RunPreprocessor.DefaultPrecision(HighPass);

    /// <summary>How each station's three-component set is chosen when it has several (<see cref="ChannelSelection"/>; default <see cref="ChannelSelection.Automatic"/>).</summary>
    public ChannelSelection Channels
    {
        get => _channels;
        init => _channels = value ?? throw new ArgumentNullException(nameof(Channels));
    }

    /// <summary>
    /// Receives the run's progress (information: the archive indexed, the range, each day computed or resumed) and each
    /// warning as it is found (warning level, event <c>RunWarning</c>, the kind and the message); <see langword="null"/>
    /// (the default): none. The warnings are in <see cref="RunResult.Warnings"/> either way.
    /// </summary>
    public ILogger? Logger { get; init; }

    /// <summary>
    /// What a corrupt miniSEED record or SAC file does: <see cref="CorruptRecordHandling.Fail"/> (the default) stops the
    /// run naming file, record and byte offset; <see cref="CorruptRecordHandling.Skip"/> leaves it out with a warning
    /// naming file, record, channel and time, and its minutes empty.
    /// </summary>
    public CorruptRecordHandling OnCorrupt { get; init; }

    /// <summary>
    /// Checks what no single value can: the waveform folder, the station file and the model exist, the
    /// output path is not a file, and the time range is not empty. <see cref="ContinuousProcessing.Run"/>
    /// calls it before anything else.
    /// </summary>
    /// <returns>This instance.</returns>
    /// <exception cref="InvalidParameterException">Naming the parameter at fault.</exception>
    public RunOptions Validate()
    {
        if (!Directory.Exists(WaveformDirectory))
        {
            throw new InvalidParameterException("waveformDirectory", $"waveform folder '{WaveformDirectory}' does not exist");
        }
        RequireFile("stationFile", StationFile);
        RequireNotAFile(OutputDirectory);
        if (ModelPath is not null)
        {
            RequireFile("modelPath", ModelPath);
        }
        if (StartTime is { } start && EndTime is { } end && start >= end)
        {
            throw new InvalidParameterException("endTime", $"the time range [{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}) is empty; the end must come after the start");
        }
        return this;
    }

    internal static string NotEmpty(string parameter, string path, string what) =>
        string.IsNullOrWhiteSpace(path) ? throw new InvalidParameterException(parameter, $"{what} is empty; expected a path") : path;

    /// <summary>An output folder may not exist yet, but it may not be a file.</summary>
    internal static void RequireNotAFile(string outputDirectory)
    {
        if (File.Exists(outputDirectory))
        {
            throw new InvalidParameterException("outputDirectory", $"'{outputDirectory}' is a file; expected a folder");
        }
    }

    internal static void RequireFile(string parameter, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidParameterException(parameter, $"file '{path}' does not exist");
        }
    }
}
