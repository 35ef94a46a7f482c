namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// One signal a <see cref="ContinuousScenario"/> injects, with what a detector should find: its time
/// span, where it comes from, and the stations expected to see it above their noise.
/// </summary>
public sealed class InjectedEvent
{
    internal InjectedEvent(InjectedEventKind kind, DateTime start, DateTime end, double latitude, double longitude, double depthKm, double[] signalToNoise, int[] expectedStations)
    {
        Kind = kind;
        Start = start;
        End = end;
        Latitude = latitude;
        Longitude = longitude;
        DepthKm = depthKm;
        SignalToNoise = signalToNoise;
        PeakSignalToNoise = signalToNoise.Max();
        ExpectedStations = expectedStations;
    }

    /// <summary>What was injected.</summary>
    public InjectedEventKind Kind { get; }

    /// <summary>Origin time (tremor: start of the source; earthquake: origin; teleseism: first P arrival; burst: its start), UTC.</summary>
    public DateTime Start { get; }

    /// <summary>End of the source (tremor, burst), or the time the signal has decayed into the noise at the farthest expected station, UTC.</summary>
    public DateTime End { get; }

    /// <summary>Source latitude in degrees (the station's, for a noise burst; NaN for a teleseism).</summary>
    public double Latitude { get; }

    /// <summary>Source longitude in degrees (the station's, for a noise burst; NaN for a teleseism).</summary>
    public double Longitude { get; }

    /// <summary>Source depth in km below the stations (0 for a noise burst, NaN for a teleseism).</summary>
    public double DepthKm { get; }

    /// <summary>The largest signal-to-noise ratio over the stations (signal RMS over the station's 2-20 Hz noise RMS).</summary>
    public double PeakSignalToNoise { get; }

    /// <summary>Each station's signal-to-noise ratio (signal RMS at full strength over the station's 2-20 Hz noise RMS), in station order; 0 where the signal was not added.</summary>
    public IReadOnlyList<double> SignalToNoise { get; }

    /// <summary>Station indices (ascending) whose signal-to-noise ratio reaches the scenario's detection level; the dead-channel station is never among them.</summary>
    public IReadOnlyList<int> ExpectedStations { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} {Start:yyyy-MM-dd HH:mm:ss}-{End:HH:mm:ss} ({Latitude:F2}, {Longitude:F2}) {ExpectedStations.Count} stations";
}
