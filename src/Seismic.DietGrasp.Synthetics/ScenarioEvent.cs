namespace Seismic.DietGrasp.Synthetics;

/// <summary>One injected signal: what, when, where and which stations carry it.</summary>
public sealed class ScenarioEvent
{
    internal ScenarioEvent(ScenarioEventKind kind, DateTime start, int durationMinutes, int[] stations, int[] centres, double radiusKm)
    {
        Kind = kind;
        Start = start;
        DurationMinutes = durationMinutes;
        Stations = stations;
        CentreStations = centres;
        RadiusKm = radiusKm;
    }

    /// <summary>What was injected.</summary>
    public ScenarioEventKind Kind { get; }

    /// <summary>The first minute.</summary>
    public DateTime Start { get; }

    /// <summary>How many minutes it lasts.</summary>
    public int DurationMinutes { get; }

    /// <summary>The stations in its footprint, ascending (not every one detects in every minute).</summary>
    public IReadOnlyList<int> Stations { get; }

    /// <summary>The station(s) at the centre of the source(s): one, or two for <see cref="ScenarioEventKind.ChainedTremor"/>.</summary>
    public IReadOnlyList<int> CentreStations { get; }

    /// <summary>The source radius, km (0 for a teleseism).</summary>
    public double RadiusKm { get; }
}
