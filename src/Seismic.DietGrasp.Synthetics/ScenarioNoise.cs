namespace Seismic.DietGrasp.Synthetics;

/// <summary>The background noise a <see cref="ContinuousScenario"/> puts under its events.</summary>
public enum ScenarioNoise
{
    /// <summary>
    /// The demo's seafloor noise (<see cref="NoiseSettings"/>): a red 2-20 Hz background of about
    /// <see cref="ContinuousScenarioOptions.ReferenceNoise"/>, a microseism 3-30 x louder, spikes,
    /// glitches and steps.
    /// </summary>
    Seafloor,

    /// <summary>
    /// Ocean-bottom noise as seafloor stations record it (issue 21): a 1-5 um/s secondary microseism
    /// (0.1-0.35 Hz), infragravity and tilt noise below 0.12 Hz at 0.3-3 x the microseism on the
    /// horizontals and 2-10 x weaker on the vertical, and a 1/f floor of 15-80 nm/s, drawn per station.
    /// The low-frequency energy is 30-300 x the 2-20 Hz floor: without the pipeline's high-pass it leaks
    /// into the spectrogram's low rows. <see cref="ContinuousScenarioOptions.ReferenceNoise"/> is not used.
    /// </summary>
    OceanBottom,
}
