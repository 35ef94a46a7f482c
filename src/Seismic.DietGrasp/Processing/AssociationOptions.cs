using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What <see cref="ContinuousProcessing.Associate"/> reads and writes: the folder of day partitions, the station
/// file they were made with, the output folder, the range and the GrASP parameters. Immutable; change a copy with
/// <see cref="WithGrasp"/>.
/// </summary>
public sealed class AssociationOptions
{
    /// <summary>Creates options with the S-net GrASP defaults.</summary>
    /// <param name="daysDirectory">The folder of the day partitions (<c>OUT/days</c> of <c>day</c> or <c>run</c>), each a <c>YYYY-MM-DD</c> folder.</param>
    /// <param name="stationFile">The station file the days were made with (its row order is the tables' column order).</param>
    /// <param name="outputDirectory">Where the tables and the catalogue go (created when missing).</param>
    /// <param name="startTime">The first minute (UTC; unspecified kind is read as UTC; widened down to a whole minute).</param>
    /// <param name="endTime">The end of the range, excluded (widened up to a whole minute).</param>
    /// <exception cref="InvalidParameterException">A folder or file that does not exist, an empty output path, or an empty range.</exception>
    public AssociationOptions(string daysDirectory, string stationFile, string outputDirectory, DateTime startTime, DateTime endTime)
        : this(CheckFolder(daysDirectory), RunOptions.CheckFile(nameof(stationFile), stationFile), RunOptions.CheckOutput(outputDirectory), MinuteClock.Floor(MinuteClock.Utc(startTime)), MinuteClock.Ceiling(MinuteClock.Utc(endTime)), GraspParameters.Default)
    {
        if (StartTime >= EndTime)
        {
            throw new InvalidParameterException(nameof(endTime), $"the time range [{StartTime:yyyy-MM-ddTHH:mm:ssZ}, {EndTime:yyyy-MM-ddTHH:mm:ssZ}) is empty; the end must come after the start");
        }
    }

    private AssociationOptions(string daysDirectory, string stationFile, string outputDirectory, DateTime startTime, DateTime endTime, GraspParameters grasp)
    {
        DaysDirectory = daysDirectory;
        StationFile = stationFile;
        OutputDirectory = outputDirectory;
        StartTime = startTime;
        EndTime = endTime;
        Grasp = grasp;
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

    /// <summary>The GrASP parameters (k, thresholds, EPSG, categorisation window).</summary>
    public GraspParameters Grasp { get; }

    /// <summary>A copy with other GrASP parameters.</summary>
    /// <param name="grasp">The parameters.</param>
    /// <returns>The new options.</returns>
    public AssociationOptions WithGrasp(GraspParameters grasp) =>
        new(DaysDirectory, StationFile, OutputDirectory, StartTime, EndTime, grasp ?? throw new ArgumentNullException(nameof(grasp)));

    private static string CheckFolder(string daysDirectory) =>
        Directory.Exists(daysDirectory ?? throw new ArgumentNullException(nameof(daysDirectory)))
            ? daysDirectory
            : throw new InvalidParameterException(nameof(daysDirectory), $"the folder of day partitions '{daysDirectory}' does not exist");
}
