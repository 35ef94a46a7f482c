namespace Seismic.DietGrasp.Synthetics;

/// <summary>The size and content of a <see cref="ContinuousScenario"/>. The defaults make the demo's hour.</summary>
public sealed record ContinuousScenarioOptions
{
    /// <summary>Seed of every random choice: the same seed and options give the same records, bit for bit.</summary>
    public ulong Seed { get; init; } = 2016;

    /// <summary>Time of the first sample (UTC, a whole minute).</summary>
    public DateTime Start { get; init; } = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Length of the records in minutes (at least 10).</summary>
    public int Minutes { get; init; } = 60;

    /// <summary>Samples per second (S-net: 100).</summary>
    public double SamplingRate { get; init; } = 100;

    /// <summary>Number of tremor episodes.</summary>
    public int TremorEpisodes { get; init; } = 6;

    /// <summary>Number of local earthquakes.</summary>
    public int LocalEarthquakes { get; init; } = 5;

    /// <summary>Number of teleseisms.</summary>
    public int Teleseisms { get; init; } = 2;

    /// <summary>Number of isolated single-station noise bursts.</summary>
    public int NoiseBursts { get; init; } = 10;

    /// <summary>Whether one station has a dead (constant) component.</summary>
    public bool DeadChannel { get; init; } = true;

    /// <summary>The background noise under the events (the demo's seafloor model or field-like ocean-bottom noise).</summary>
    public ScenarioNoise Noise { get; init; } = ScenarioNoise.Seafloor;

    /// <summary>
    /// With <see cref="ScenarioNoise.OceanBottom"/>: the share of stations (0-1) whose records carry persistent
    /// lines for the whole record, current-induced strumming (2-12 Hz and harmonics) or 3.5-5 Hz lines beating in
    /// packets (as some real ocean-bottom stations show); each station draws it alone. 0 (the default) for none.
    /// </summary>
    public double LineStations { get; init; }

    /// <summary>Length of every tremor episode's source; null draws 3-8 minutes for each.</summary>
    public TimeSpan? TremorDuration { get; init; }

    /// <summary>
    /// Issue 21's ocean-bottom test: 4 hours of 100 Hz records with <see cref="ScenarioNoise.OceanBottom"/> noise,
    /// one clear 40-minute tremor episode (about 2-8 Hz, seen at a signal-to-noise ratio of 2 by the stations
    /// 30-55 km from its source, 4-15 of them), 14 local earthquakes, no teleseism, no single-station burst,
    /// no dead channel. Seed 21.
    /// </summary>
    public static ContinuousScenarioOptions OceanBottomFourHours { get; } = new()
    {
        Seed = 21,
        Minutes = 240,
        Noise = ScenarioNoise.OceanBottom,
        TremorEpisodes = 1,
        TremorDuration = TimeSpan.FromMinutes(40),
        TremorDetectionSnr = 2,
        LocalEarthquakes = 14,
        Teleseisms = 0,
        NoiseBursts = 0,
        DeadChannel = false,
    };

    /// <summary>RMS of the 2-20 Hz background at a station of median noise, m/s (<see cref="ScenarioNoise.Seafloor"/> only).</summary>
    public double ReferenceNoise { get; init; } = 1e-7;

    /// <summary>
    /// Signal-to-noise ratio (tremor RMS over the station's 2-20 Hz noise RMS) from which a station is
    /// expected to detect a tremor episode; the footprint of an episode is drawn so that 4 to 15 stations reach it.
    /// The default, 1, is where the bundled stand-in model starts detecting every station-minute (measured on
    /// three demo scenarios: 100% of 0.5-probability detections at ratios of 1 and above, 70-90% at 0.75-1, 20-25% at 0.5-0.75).
    /// </summary>
    public double TremorDetectionSnr { get; init; } = 1.0;

    /// <summary>
    /// A copy lasting <paramref name="minutes"/>, with the number of each kind of event scaled from this one's
    /// in proportion (at least one of each kind this one has): the same density of events in a shorter or longer record.
    /// </summary>
    /// <param name="minutes">The new length in minutes (at least 10).</param>
    /// <returns>The scaled options.</returns>
    /// <exception cref="InvalidParameterException">Fewer than 10 minutes.</exception>
    public ContinuousScenarioOptions WithMinutes(int minutes)
    {
        if (minutes < 10)
        {
            throw new InvalidParameterException(nameof(Minutes), $"must be at least 10, got {minutes}");
        }
        int Scale(int count) => count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * minutes / Minutes, MidpointRounding.AwayFromZero));
        return this with
        {
            Minutes = minutes,
            TremorEpisodes = Scale(TremorEpisodes),
            LocalEarthquakes = Scale(LocalEarthquakes),
            Teleseisms = Scale(Teleseisms),
            NoiseBursts = Scale(NoiseBursts),
        };
    }

    internal void Validate()
    {
        if (Start.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new InvalidParameterException(nameof(Start), $"must be a whole minute, got {Start:O}");
        }
        if (Minutes < 10)
        {
            throw new InvalidParameterException(nameof(Minutes), $"must be at least 10, got {Minutes}");
        }
        SyntheticChecks.SamplingRate(SamplingRate);
        var perMinute = 60 * SamplingRate;
        if (SamplingRate < 40 || Math.Abs(perMinute - Math.Round(perMinute)) > 1e-9)
        {
            throw new InvalidParameterException(nameof(SamplingRate), $"must be at least 40 Hz with a whole number of samples in a minute, got {SamplingRate} Hz");
        }
        if (TremorEpisodes < 0 || LocalEarthquakes < 0 || Teleseisms < 0 || NoiseBursts < 0)
        {
            throw new InvalidParameterException(nameof(TremorEpisodes), $"event counts must not be negative, got {TremorEpisodes} tremor, {LocalEarthquakes} earthquakes, {Teleseisms} teleseisms, {NoiseBursts} bursts");
        }
        SyntheticChecks.Positive(nameof(ReferenceNoise), ReferenceNoise);
        if (Noise is not (ScenarioNoise.Seafloor or ScenarioNoise.OceanBottom))
        {
            throw new InvalidParameterException(nameof(Noise), $"unknown noise model {(int)Noise}");
        }
        SyntheticChecks.Fraction(nameof(LineStations), LineStations);
        if (TremorDuration is { } duration && !(duration.TotalSeconds >= 60 && duration.TotalSeconds <= (Minutes - 4) * 60))
        {
            throw new InvalidParameterException(nameof(TremorDuration), $"must be from 1 minute to the record's length less 4 minutes ({Minutes - 4} minutes), got {duration}");
        }
        SyntheticChecks.Positive(nameof(TremorDetectionSnr), TremorDetectionSnr);
    }
}
