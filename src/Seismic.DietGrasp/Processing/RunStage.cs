namespace Seismic.DietGrasp.Processing;

/// <summary>The stages of a run, in order.</summary>
public enum RunStage
{
    /// <summary>Indexing the waveform files (headers only).</summary>
    Scanning,

    /// <summary>Cutting, spectrograms and classification, day by day.</summary>
    Classifying,

    /// <summary>GrASP association, categorisation and the catalogue on the assembled tables.</summary>
    Associating,

    /// <summary>Everything is written.</summary>
    Finished,
}
