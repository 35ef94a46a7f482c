namespace Seismic.DietGrasp.Synthetics;

/// <summary>The kind of a signal injected into a simulated probability table.</summary>
public enum ScenarioEventKind
{
    /// <summary>A compact tremor source: high tremor probability at the stations within its radius for several minutes.</summary>
    Tremor,

    /// <summary>Two simultaneous tremor sources joined by a thin chain of detecting stations (one station wide).</summary>
    ChainedTremor,

    /// <summary>A local earthquake: high earthquake probability near it for a minute, its coda looking like tremor the next minute.</summary>
    LocalEarthquake,

    /// <summary>A teleseism: most of the network detects, in both tables, for a few minutes.</summary>
    Teleseism,
}
