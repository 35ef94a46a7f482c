namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Seafloor background noise: a red spectrum (power falling as f^-2) above about 2 Hz, microseism
/// energy below 2 Hz, a white instrument floor, a slowly changing level, and occasional spikes,
/// glitches (short ringing transients) and steps.
/// </summary>
public sealed record NoiseSettings
{
    /// <summary>RMS of the red 2-20 Hz background, in the buffer's units (the reference for signal-to-noise ratios).</summary>
    public double Amplitude { get; init; } = 1;

    /// <summary>RMS of the microseism (0.1-1 Hz) relative to <see cref="Amplitude"/>.</summary>
    public double MicroseismRatio { get; init; } = 10;

    /// <summary>RMS of the white instrument floor relative to <see cref="Amplitude"/>.</summary>
    public double WhiteFloorRatio { get; init; } = 0.05;

    /// <summary>Relative swing of the background level over tens of seconds, 0 (stationary) to 1.</summary>
    public double Variability { get; init; } = 0.3;

    /// <summary>Mean number of one-sample spikes per minute.</summary>
    public double SpikesPerMinute { get; init; } = 0.5;

    /// <summary>Mean number of glitches (0.2-2 s decaying ringing) per minute.</summary>
    public double GlitchesPerMinute { get; init; } = 0.3;

    /// <summary>Mean number of steps (sudden offsets) per minute.</summary>
    public double StepsPerMinute { get; init; } = 0.1;

    /// <summary>Typical size of spikes, glitches and steps relative to <see cref="Amplitude"/>.</summary>
    public double TransientRatio { get; init; } = 20;

    internal void Validate()
    {
        SyntheticChecks.NonNegative(nameof(Amplitude), Amplitude);
        SyntheticChecks.NonNegative(nameof(MicroseismRatio), MicroseismRatio);
        SyntheticChecks.NonNegative(nameof(WhiteFloorRatio), WhiteFloorRatio);
        SyntheticChecks.Fraction(nameof(Variability), Variability);
        SyntheticChecks.NonNegative(nameof(SpikesPerMinute), SpikesPerMinute);
        SyntheticChecks.NonNegative(nameof(GlitchesPerMinute), GlitchesPerMinute);
        SyntheticChecks.NonNegative(nameof(StepsPerMinute), StepsPerMinute);
        SyntheticChecks.NonNegative(nameof(TransientRatio), TransientRatio);
    }
}
