namespace Seismic.DietGrasp.Synthetics;

/// <summary>What <see cref="ProbabilityScenario.Simulate"/> puts into a simulated stretch of time.</summary>
public sealed class ScenarioOptions
{
    /// <summary>The seed: the same seed and options give the same tables.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The first minute (UTC).</summary>
    public DateTime Start { get; init; } = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Number of minutes (rows).</summary>
    public int Minutes { get; init; } = 1440;

    /// <summary>Compact tremor episodes.</summary>
    public int TremorEpisodes { get; init; } = 6;

    /// <summary>Pairs of simultaneous tremor sources joined by a chain of stations.</summary>
    public int ChainedTremorEpisodes { get; init; } = 2;

    /// <summary>Local earthquakes.</summary>
    public int LocalEarthquakes { get; init; } = 8;

    /// <summary>Teleseisms.</summary>
    public int Teleseisms { get; init; } = 2;

    /// <summary>Chance per station-minute of an isolated false detection (probability above 0.5 with no signal).</summary>
    public double FalseDetectionRate { get; init; } = 0.003;

    /// <summary>Chance per station-minute of a missing minute (an empty cell).</summary>
    public double MissingRate { get; init; } = 0.002;

    /// <summary>Smallest and largest tremor source radius, km.</summary>
    public double MinTremorRadiusKm { get; init; } = 30;

    /// <summary>Largest tremor source radius, km.</summary>
    public double MaxTremorRadiusKm { get; init; } = 70;
}
