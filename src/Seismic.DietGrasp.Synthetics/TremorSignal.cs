namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Tectonic tremor as one station records it: emergent, sustained, band-limited energy
/// (<see cref="LowHz"/> to <see cref="HighHz"/>, typically 2-8 Hz) whose amplitude wanders slowly.
/// </summary>
public sealed record TremorSignal
{
    /// <summary>Start of the emergent rise, seconds after the buffer's first sample; may be negative or past the end.</summary>
    public double OnsetSeconds { get; init; }

    /// <summary>Duration from the start of the rise to the end of the decay, seconds.</summary>
    public double DurationSeconds { get; init; } = 120;

    /// <summary>RMS amplitude at full (unmodulated) strength, in the buffer's units.</summary>
    public double Amplitude { get; init; } = 1;

    /// <summary>Lower band edge in Hz.</summary>
    public double LowHz { get; init; } = 2;

    /// <summary>Upper band edge in Hz.</summary>
    public double HighHz { get; init; } = 8;

    /// <summary>Length of the emergent rise (and of the final decay), seconds.</summary>
    public double RiseSeconds { get; init; } = 10;

    /// <summary>Depth of the slow amplitude modulation, 0 (steady) to 1.</summary>
    public double ModulationDepth { get; init; } = 0.5;

    /// <summary>Main period of the amplitude modulation, seconds.</summary>
    public double ModulationPeriodSeconds { get; init; } = 10;

    internal void Validate()
    {
        SyntheticChecks.Finite(nameof(OnsetSeconds), OnsetSeconds);
        SyntheticChecks.Positive(nameof(DurationSeconds), DurationSeconds);
        SyntheticChecks.NonNegative(nameof(Amplitude), Amplitude);
        SyntheticChecks.Positive(nameof(LowHz), LowHz);
        SyntheticChecks.Positive(nameof(HighHz), HighHz);
        if (HighHz <= LowHz)
        {
            throw new InvalidParameterException(nameof(HighHz), $"must be above LowHz ({LowHz} Hz), got {HighHz} Hz");
        }
        SyntheticChecks.NonNegative(nameof(RiseSeconds), RiseSeconds);
        SyntheticChecks.Fraction(nameof(ModulationDepth), ModulationDepth);
        SyntheticChecks.Positive(nameof(ModulationPeriodSeconds), ModulationPeriodSeconds);
    }
}
