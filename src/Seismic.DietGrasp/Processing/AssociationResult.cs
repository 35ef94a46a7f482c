namespace Seismic.DietGrasp.Processing;

/// <summary>What <see cref="ContinuousProcessing.Associate"/> wrote: counts and files (the groups and episodes themselves are in the files).</summary>
public sealed class AssociationResult
{
    internal AssociationResult(DateTime startTime, DateTime endTime, int dayCount, long completeStationMinutes, long emptyStationMinutes,
        int earthquakeGroupCount, int tremorGroupCount, int episodeCount, IReadOnlyList<string> files, IReadOnlyList<RunWarning> warnings)
    {
        StartTime = startTime;
        EndTime = endTime;
        DayCount = dayCount;
        CompleteStationMinutes = completeStationMinutes;
        EmptyStationMinutes = emptyStationMinutes;
        EarthquakeGroupCount = earthquakeGroupCount;
        TremorGroupCount = tremorGroupCount;
        EpisodeCount = episodeCount;
        Files = files;
        Warnings = warnings;
    }

    /// <summary>The first minute associated (UTC).</summary>
    public DateTime StartTime { get; }

    /// <summary>The end of the range (UTC, excluded).</summary>
    public DateTime EndTime { get; }

    /// <summary>Day partitions read.</summary>
    public int DayCount { get; }

    /// <summary>Station-minutes with probabilities.</summary>
    public long CompleteStationMinutes { get; }

    /// <summary>Station-minutes left empty.</summary>
    public long EmptyStationMinutes { get; }

    /// <summary>Rows of EQ_candidate.csv.</summary>
    public int EarthquakeGroupCount { get; }

    /// <summary>Rows of Tremor_candidate.csv (and Tremor_category.csv).</summary>
    public int TremorGroupCount { get; }

    /// <summary>Rows of Tremor_catalogue.csv.</summary>
    public int EpisodeCount { get; }

    /// <summary>Every file written at the top of the output folder (tables, catalogue, run.json), full paths; manifest.sha256 lists them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The day partitions' warnings about their data, in day order.</summary>
    public IReadOnlyList<RunWarning> Warnings { get; }
}
