namespace Seismic.DietGrasp.Processing;

/// <summary>What <see cref="ContinuousProcessing.RunDay"/> did with one day.</summary>
public sealed class DayTaskResult
{
    internal DayTaskResult(DateTime date, string directory, bool computed, IReadOnlyList<string> inputs, IReadOnlyList<RunWarning> warnings, string preprocessingDescription)
    {
        Date = date;
        Directory = directory;
        Computed = computed;
        Inputs = inputs;
        Warnings = warnings;
        PreprocessingDescription = preprocessingDescription;
    }

    /// <summary>The day (midnight UTC).</summary>
    public DateTime Date { get; }

    /// <summary>The day partition's folder (OUT/days/YYYY-MM-DD), full path.</summary>
    public string Directory { get; }

    /// <summary>True when the day was classified now; false when a finished partition with the same settings and input files was already there.</summary>
    public bool Computed { get; }

    /// <summary>The waveform files the day's minutes read (relative to the waveform folder): the day's own, and the neighbouring days' where a record runs past midnight or the filter's margin reaches.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Problems with the data that did not stop the task.</summary>
    public IReadOnlyList<RunWarning> Warnings { get; }

    /// <summary>What was done to the records before their spectrograms (high-pass, resampling).</summary>
    public string PreprocessingDescription { get; }
}
