namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// A local or regional earthquake as one station records it: a P arrival, an S arrival
/// <see cref="SMinusPSeconds"/> later, and an exponential coda. Energy is broadband (1 Hz up to
/// <see cref="HighCutHz"/>); the higher frequencies decay faster in the coda, as attenuation makes them.
/// </summary>
public sealed record EarthquakeSignal
{
    /// <summary>P arrival, seconds after the buffer's first sample; may be negative (coda entering from earlier) or past the end.</summary>
    public double OnsetSeconds { get; init; }

    /// <summary>Peak of the S-wave envelope (RMS of the horizontal components at the peak), in the buffer's units.</summary>
    public double Amplitude { get; init; } = 1;

    /// <summary>S minus P time in seconds (under 1 s for a nearby event, 20 s at about 160 km).</summary>
    public double SMinusPSeconds { get; init; } = 5;

    /// <summary>e-folding time of the coda envelope after the S arrival, seconds (tens of seconds for a large event).</summary>
    public double CodaDecaySeconds { get; init; } = 15;

    /// <summary>Upper corner of the radiated spectrum in Hz (20 or more for a nearby event, lower far away).</summary>
    public double HighCutHz { get; init; } = 20;

    /// <summary>
    /// Lower corner of the radiated spectrum in Hz (default 1). A micro-earthquake radiates little
    /// below a few hertz: raising this keeps only the upper coda bands (1-4, 4-10, 10 Hz to
    /// <see cref="HighCutHz"/>), so its energy sits at 10-40 Hz as in real records of such events.
    /// </summary>
    public double LowCutHz { get; init; } = 1;

    /// <summary>Peak P envelope over peak S envelope (0 to 1).</summary>
    public double PToSRatio { get; init; } = 0.3;

    internal void Validate()
    {
        SyntheticChecks.Finite(nameof(OnsetSeconds), OnsetSeconds);
        SyntheticChecks.NonNegative(nameof(Amplitude), Amplitude);
        SyntheticChecks.Positive(nameof(SMinusPSeconds), SMinusPSeconds);
        SyntheticChecks.Positive(nameof(CodaDecaySeconds), CodaDecaySeconds);
        SyntheticChecks.Positive(nameof(HighCutHz), HighCutHz);
        SyntheticChecks.Positive(nameof(LowCutHz), LowCutHz);
        SyntheticChecks.NonNegative(nameof(PToSRatio), PToSRatio);
    }
}
