namespace Seismic.DietGrasp.Synthetics;

/// <summary>The kinds of signal a <see cref="ContinuousScenario"/> injects.</summary>
public enum InjectedEventKind
{
    /// <summary>A tectonic tremor episode: a source under the network, several minutes long, seen by a compact group of stations.</summary>
    Tremor,

    /// <summary>A local earthquake: a hypocentre under the network, P and S arriving by distance, seen out to about 100-150 km.</summary>
    LocalEarthquake,

    /// <summary>A teleseism: low-frequency P (and later S) arriving at every station within the same minute.</summary>
    Teleseism,

    /// <summary>An isolated noise burst: tremor-like band-limited energy at one station only (ship, biology, instrument).</summary>
    NoiseBurst,
}
