namespace Seismic.DietGrasp.Waveforms;

/// <summary>How a channel's record breaks between two pieces.</summary>
public enum DiscontinuityKind
{
    /// <summary>No data between <see cref="Discontinuity.StartTime"/> and <see cref="Discontinuity.EndTime"/>.</summary>
    Gap,

    /// <summary>
    /// Two pieces both cover <see cref="Discontinuity.StartTime"/> to <see cref="Discontinuity.EndTime"/>;
    /// whether their samples agree is known once read (<see cref="WaveformWindow.ConflictRanges"/>).
    /// </summary>
    Overlap,

    /// <summary>The next piece has another sampling rate.</summary>
    SamplingRateChange,
}
