namespace Seismic.DietGrasp.Synthetics;

/// <summary>The kind of site whose background noise <see cref="SyntheticTrainingWindow"/> draws.</summary>
public enum FieldNoiseKind
{
    /// <summary>
    /// Seafloor station: a 1-5 um/s secondary microseism, infragravity and tilt noise 2-10 times
    /// stronger on the horizontals below 0.12 Hz, a 1/f floor of 15-80 nm/s, and in some minutes
    /// current-induced strumming lines or persistent 3.5-5 Hz lines that beat in packets.
    /// </summary>
    OceanBottom,

    /// <summary>Quiet land station: a weaker microseism, a red-to-pink 1-20 Hz background with a slowly varying level, rarely a faint machinery line.</summary>
    Land,

    /// <summary>Land station in a town: the land background plus traffic, footsteps, machinery with harmonic lines (2-30 Hz) and wind gusts.</summary>
    Cultural,
}
