using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Processing;

/// <summary>What <see cref="ContinuousProcessing.Run"/> produced: the tables (also on disk), the GrASP groups, the catalogue and what went wrong with the data.</summary>
public sealed class RunResult
{
    internal RunResult(
        StationNetwork stations,
        DateTime startTime,
        DateTime endTime,
        ProbabilityTable earthquake,
        ProbabilityTable tremor,
        ProbabilityTable noise,
        IReadOnlyList<StationGroup> earthquakeGroups,
        IReadOnlyList<StationGroup> tremorGroups,
        IReadOnlyList<CategorizedGroup> categorizedTremor,
        IReadOnlyList<TremorEpisode> catalogue,
        int computedDays,
        int resumedDays,
        IReadOnlyList<string> files,
        IReadOnlyList<RunWarning> warnings,
        string modelDescription,
        StationMinuteSpectrogram? strongestTremor,
        string preprocessingDescription,
        IReadOnlyList<StationChannelChoice> channelChoices)
    {
        Stations = stations;
        StartTime = startTime;
        EndTime = endTime;
        Earthquake = earthquake;
        Tremor = tremor;
        Noise = noise;
        EarthquakeGroups = earthquakeGroups;
        TremorGroups = tremorGroups;
        CategorizedTremor = categorizedTremor;
        Catalogue = catalogue;
        ComputedDays = computedDays;
        ResumedDays = resumedDays;
        Files = files;
        Warnings = warnings;
        ModelDescription = modelDescription;
        StrongestTremor = strongestTremor;
        PreprocessingDescription = preprocessingDescription;
        ChannelChoices = channelChoices;
        var cells = (long)earthquake.MinuteCount * earthquake.StationCount;
        long empty = 0;
        for (var row = 0; row < earthquake.MinuteCount; row++)
        {
            for (var s = 0; s < earthquake.StationCount; s++)
            {
                empty += float.IsNaN(earthquake[row, s]) ? 1 : 0;
            }
        }
        EmptyStationMinutes = empty;
        CompleteStationMinutes = cells - empty;
    }

    /// <summary>The stations, in the column order of every table.</summary>
    public StationNetwork Stations { get; }

    /// <summary>The first minute processed (UTC).</summary>
    public DateTime StartTime { get; }

    /// <summary>The end of the processed range (UTC, excluded).</summary>
    public DateTime EndTime { get; }

    /// <summary>Earthquake probabilities (<c>Probability_EQ.csv</c>); NaN where a station-minute had no whole, gap-free, live minute of all three components.</summary>
    public ProbabilityTable Earthquake { get; }

    /// <summary>Tremor probabilities (<c>Probability_T.csv</c>); NaN as in <see cref="Earthquake"/>.</summary>
    public ProbabilityTable Tremor { get; }

    /// <summary>Noise probabilities (<c>Probability_N.csv</c>); NaN as in <see cref="Earthquake"/>.</summary>
    public ProbabilityTable Noise { get; }

    /// <summary>Apply_Nocut on the earthquake table (<c>EQ_candidate.csv</c>).</summary>
    public IReadOnlyList<StationGroup> EarthquakeGroups { get; }

    /// <summary>Apply_Tremor on the tremor table (<c>Tremor_candidate.csv</c>).</summary>
    public IReadOnlyList<StationGroup> TremorGroups { get; }

    /// <summary>The tremor groups with their category (<c>Tremor_category.csv</c>).</summary>
    public IReadOnlyList<CategorizedGroup> CategorizedTremor { get; }

    /// <summary>The tremor episodes (<c>Tremor_catalogue.csv</c>).</summary>
    public IReadOnlyList<TremorEpisode> Catalogue { get; }

    /// <summary>Station-minutes that were classified.</summary>
    public long CompleteStationMinutes { get; }

    /// <summary>Station-minutes left empty (gap, missing component, dead channel, no data at all).</summary>
    public long EmptyStationMinutes { get; }

    /// <summary>Days classified by this run.</summary>
    public int ComputedDays { get; }

    /// <summary>Days taken from an earlier run's finished per-day results.</summary>
    public int ResumedDays { get; }

    /// <summary>Every file written at the top of the output folder (tables, catalogue, warnings and run.json; the pictures are Seismic.DietGrasp.Plotting's), full paths.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Problems with the data that did not stop the run (unmatched stations, missing components, gaps and overlaps,
    /// rate changes, dead channels, non-finite samples, skipped files and records, recomputed days), in the order found,
    /// the days' in day order; also written to <see cref="RunLayout.WarningsFile"/>.
    /// </summary>
    public IReadOnlyList<RunWarning> Warnings { get; }

    /// <summary>Which model classified (and whether it is the bundled stand-in).</summary>
    public string ModelDescription { get; }

    /// <summary>The strongest tremor detection (the highest tremor probability in a tremor group, else in the table) with its spectrogram; null when no station-minute was classified.</summary>
    public StationMinuteSpectrogram? StrongestTremor { get; }

    /// <summary>What was done to the records before their spectrograms: the high-pass and the sampling rates resampled, e.g. "1 Hz high-pass (...); 128 Hz resampled to 125 Hz".</summary>
    public string PreprocessingDescription { get; }

    /// <summary>Each station's three-component set and why, in station-file order (also <c>Channels.csv</c>).</summary>
    public IReadOnlyList<StationChannelChoice> ChannelChoices { get; }
}
