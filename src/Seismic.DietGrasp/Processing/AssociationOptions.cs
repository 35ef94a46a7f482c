using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What <see cref="ContinuousProcessing.Associate"/> reads and writes: the folder of day partitions, the station
/// file they were made with, the output folder, the range and the GrASP parameters. An immutable record in the
/// library's one options style (as <see cref="RunOptions"/>): set <see cref="Grasp"/> with an object initializer
/// or <c>with</c>; what depends on the file system is checked by <see cref="Validate"/>, which
/// <see cref="ContinuousProcessing.Associate"/> calls first.
/// </summary>
public sealed record AssociationOptions
{
    private readonly GraspParameters _grasp = GraspParameters.Default;

    /// <summary>Creates options with the S-net GrASP defaults.</summary>
    /// <param name="daysDirectory">The folder of the day partitions (<c>OUT/days</c> of <c>day</c> or <c>run</c>), each a <c>YYYY-MM-DD</c> folder.</param>
    /// <param name="stationFile">The station file the days were made with (its row order is the tables' column order).</param>
    /// <param name="outputDirectory">Where the tables and the catalogue go (created when missing).</param>
    /// <param name="startTime">The first minute (UTC; unspecified kind is read as UTC; widened down to a whole minute).</param>
    /// <param name="endTime">The end of the range, excluded (widened up to a whole minute).</param>
    /// <exception cref="InvalidParameterException">An empty path or an empty range.</exception>
    public AssociationOptions(string daysDirectory, string stationFile, string outputDirectory, DateTime startTime, DateTime endTime)
    {
        DaysDirectory = RunOptions.NotEmpty(nameof(daysDirectory), daysDirectory, "the folder of day partitions");
        StationFile = RunOptions.NotEmpty(nameof(stationFile), stationFile, "the station file");
        OutputDirectory = RunOptions.NotEmpty(nameof(outputDirectory), outputDirectory, "the output folder");
        StartTime = MinuteClock.Floor(MinuteClock.Utc(startTime));
        EndTime = MinuteClock.Ceiling(MinuteClock.Utc(endTime));
        if (StartTime >= EndTime)
        {
            throw new InvalidParameterException(nameof(endTime), $"the time range [{StartTime:yyyy-MM-ddTHH:mm:ssZ}, {EndTime:yyyy-MM-ddTHH:mm:ssZ}) is empty; the end must come after the start");
        }
    }

    /// <summary>The folder of day partitions.</summary>
    public string DaysDirectory { get; }

    /// <summary>The station file.</summary>
    public string StationFile { get; }

    /// <summary>The output folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The first minute (UTC).</summary>
    public DateTime StartTime { get; }

    /// <summary>The end of the range (UTC, excluded).</summary>
    public DateTime EndTime { get; }

    /// <summary>The GrASP parameters (k, thresholds, EPSG, categorisation window); <see cref="GraspParameters.Default"/> unless set.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public GraspParameters Grasp
    {
        get => _grasp;
        init => _grasp = value ?? throw new ArgumentNullException(nameof(Grasp));
    }

    /// <summary>Checks what no single value can: the folder of day partitions and the station file exist, and the output path is not a file.</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="InvalidParameterException">Naming the parameter at fault.</exception>
    public AssociationOptions Validate()
    {
        if (!Directory.Exists(DaysDirectory))
        {
            throw new InvalidParameterException("daysDirectory", $"the folder of day partitions '{DaysDirectory}' does not exist");
        }
        RunOptions.RequireFile("stationFile", StationFile);
        RunOptions.RequireNotAFile(OutputDirectory);
        Grasp.Validate();
        return this;
    }
}
