using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What <see cref="ContinuousProcessing.Run"/> processes and how: immutable and checked on creation
/// (folders and files exist, the time range is not empty, parameters are in range). Change a copy with
/// the <c>With...</c> methods.
/// </summary>
public sealed class RunOptions
{
    /// <summary>Creates options with the defaults: the whole archive, the bundled model, S-net GrASP defaults, counts left as they are, a 1 Hz high-pass, one worker per processor, pictures drawn.</summary>
    /// <param name="waveformDirectory">Folder holding the SAC and/or miniSEED files (searched recursively).</param>
    /// <param name="stationFile">The station file (<c>Station_info.csv</c>: name, latitude, longitude).</param>
    /// <param name="outputDirectory">Where the tables, the per-day results and the pictures go (created when missing).</param>
    /// <exception cref="InvalidParameterException">The waveform folder or the station file does not exist, or the output path is empty.</exception>
    public RunOptions(string waveformDirectory, string stationFile, string outputDirectory)
        : this(CheckFolder(waveformDirectory), CheckFile(nameof(stationFile), stationFile), CheckOutput(outputDirectory), null, null, null, GraspParameters.Default, null, Environment.ProcessorCount, WaveformPreprocessing.DefaultHighPassCorner)
    {
    }

    private RunOptions(string waveformDirectory, string stationFile, string outputDirectory, DateTime? startTime, DateTime? endTime, string? modelPath, GraspParameters grasp, ChannelSensitivity? sensitivity, int maxDegreeOfParallelism, double highPass)
    {
        WaveformDirectory = waveformDirectory;
        StationFile = stationFile;
        OutputDirectory = outputDirectory;
        StartTime = startTime;
        EndTime = endTime;
        ModelPath = modelPath;
        Grasp = grasp;
        Sensitivity = sensitivity;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        HighPass = highPass;
    }

    /// <summary>The folder of waveform files.</summary>
    public string WaveformDirectory { get; }

    /// <summary>The station file; its row order is the column order of every table.</summary>
    public string StationFile { get; }

    /// <summary>The output folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>First minute processed (UTC, whole minute); <see langword="null"/>: the archive's first sample, rounded down to the minute.</summary>
    public DateTime? StartTime { get; }

    /// <summary>End of the processed range (UTC, whole minute, excluded); <see langword="null"/>: the archive's end, rounded up to the minute.</summary>
    public DateTime? EndTime { get; }

    /// <summary>An ONNX DiET model; <see langword="null"/>: the bundled stand-in model.</summary>
    public string? ModelPath { get; }

    /// <summary>The GrASP parameters (k, thresholds, EPSG, categorisation window).</summary>
    public GraspParameters Grasp { get; }

    /// <summary>Instrument sensitivities (counts per m/s) that turn counts into velocity; <see langword="null"/>: samples are used as they are.</summary>
    public ChannelSensitivity? Sensitivity { get; }

    /// <summary>Stations processed at once (default: the processor count).</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>
    /// The corner in Hz of the zero-phase Butterworth high-pass (order 4) applied to the continuous record
    /// before minutes are cut (default 1 Hz, what the bundled model expects); 0: none. Each station-hour is
    /// filtered with at least 20 s of record on each side (<see cref="ButterworthHighPass.SettlingSeconds"/>),
    /// so its minutes equal those of the whole record filtered at once.
    /// </summary>
    public double HighPass { get; }

    /// <summary>A copy limited to [<paramref name="startTime"/>, <paramref name="endTime"/>); a bound that is not a whole minute is widened to one (start down, end up).</summary>
    /// <param name="startTime">First minute (UTC; unspecified kind is read as UTC), or <see langword="null"/> for the archive's start.</param>
    /// <param name="endTime">End (excluded), or <see langword="null"/> for the archive's end.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="InvalidParameterException">Both are given and the start is not before the end, or the end is in the calendar's last minute.</exception>
    public RunOptions WithTimeRange(DateTime? startTime, DateTime? endTime)
    {
        if (endTime is { } last && MinuteClock.Utc(last) > DateTime.MaxValue.AddMinutes(-1))
        {
            throw new InvalidParameterException("endTime", $"{last:o} is too close to the end of the calendar; expected a time before 9999-12-31T23:59Z");
        }
        var start = startTime is { } s ? MinuteClock.Floor(MinuteClock.Utc(s)) : (DateTime?)null;
        var end = endTime is { } e ? MinuteClock.Ceiling(MinuteClock.Utc(e)) : (DateTime?)null;
        if (start is not null && end is not null && start >= end)
        {
            throw new InvalidParameterException("endTime", $"the time range [{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}) is empty; the end must come after the start");
        }
        return new(WaveformDirectory, StationFile, OutputDirectory, start, end, ModelPath, Grasp, Sensitivity, MaxDegreeOfParallelism, HighPass);
    }

    /// <summary>A copy that classifies with the ONNX model at <paramref name="modelPath"/> (<see langword="null"/>: the bundled stand-in).</summary>
    /// <param name="modelPath">The model file.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="InvalidParameterException">The file does not exist.</exception>
    public RunOptions WithModel(string? modelPath) =>
        new(WaveformDirectory, StationFile, OutputDirectory, StartTime, EndTime, modelPath is null ? null : CheckFile("modelPath", modelPath), Grasp, Sensitivity, MaxDegreeOfParallelism, HighPass);

    /// <summary>A copy with other GrASP parameters.</summary>
    /// <param name="grasp">The parameters.</param>
    /// <returns>The new options.</returns>
    public RunOptions WithGrasp(GraspParameters grasp) =>
        new(WaveformDirectory, StationFile, OutputDirectory, StartTime, EndTime, ModelPath, grasp ?? throw new ArgumentNullException(nameof(grasp)), Sensitivity, MaxDegreeOfParallelism, HighPass);

    /// <summary>A copy that divides each channel's counts by its sensitivity (<see langword="null"/>: no conversion).</summary>
    /// <param name="sensitivity">The sensitivities.</param>
    /// <returns>The new options.</returns>
    public RunOptions WithSensitivity(ChannelSensitivity? sensitivity) =>
        new(WaveformDirectory, StationFile, OutputDirectory, StartTime, EndTime, ModelPath, Grasp, sensitivity, MaxDegreeOfParallelism, HighPass);

    /// <summary>A copy processing at most <paramref name="maxDegreeOfParallelism"/> stations at once.</summary>
    /// <param name="maxDegreeOfParallelism">At least 1.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="InvalidParameterException">Less than 1.</exception>
    public RunOptions WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism < 1)
        {
            throw new InvalidParameterException(nameof(maxDegreeOfParallelism), $"{maxDegreeOfParallelism}; expected at least 1 thread");
        }
        return new(WaveformDirectory, StationFile, OutputDirectory, StartTime, EndTime, ModelPath, Grasp, Sensitivity, maxDegreeOfParallelism, HighPass);
    }

    /// <summary>A copy with another high-pass corner (<see cref="HighPass"/>).</summary>
    /// <param name="cornerFrequency">In Hz; 0 turns the filter off.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="InvalidParameterException">Negative, not finite, or between 0 and <see cref="WaveformPreprocessing.MinimumHighPassCorner"/> (0.01 Hz).</exception>
    public RunOptions WithHighPass(double cornerFrequency) =>
        new(WaveformDirectory, StationFile, OutputDirectory, StartTime, EndTime, ModelPath, Grasp, Sensitivity, MaxDegreeOfParallelism, WaveformPreprocessing.CheckCorner(cornerFrequency));

    private static string CheckFolder(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path))
        {
            throw new InvalidParameterException("waveformDirectory", $"waveform folder '{path}' does not exist");
        }
        return path;
    }

    internal static string CheckFile(string parameter, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidParameterException(parameter, $"file '{path}' does not exist");
        }
        return path;
    }

    internal static string CheckOutput(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidParameterException("outputDirectory", "the output folder is empty; expected a path");
        }
        if (File.Exists(path))
        {
            throw new InvalidParameterException("outputDirectory", $"'{path}' is a file; expected a folder");
        }
        return path;
    }
}
