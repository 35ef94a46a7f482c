using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// One tremor episode of the catalogue: tremor groups of consecutive minutes that share stations,
/// merged (see <see cref="TremorCatalogue.Build"/>).
/// </summary>
public sealed class TremorEpisode
{
    private readonly int[] _stations;

    /// <summary>Creates an episode.</summary>
    /// <param name="start">First minute (UTC, whole minute).</param>
    /// <param name="end">End, excluded: the last minute plus one minute.</param>
    /// <param name="minuteCount">Minutes with a tremor group of the episode (at most the span in minutes).</param>
    /// <param name="stations">Station indices that detected the tremor in any minute (stored ascending).</param>
    /// <param name="latitude">Probability-weighted centroid latitude, degrees.</param>
    /// <param name="longitude">Probability-weighted centroid longitude, degrees.</param>
    /// <param name="peakProbability">Largest station tremor probability in the episode, (0, 1].</param>
    /// <param name="category">Probable when any of its minutes is probable tremor, else possible.</param>
    /// <exception cref="InvalidParameterException">An empty or reversed span, a bad minute count, no stations, or an out-of-range value.</exception>
    public TremorEpisode(DateTime start, DateTime end, int minuteCount, IReadOnlyList<int> stations, double latitude, double longitude, float peakProbability, TremorCategory category)
    {
        if (end <= start || start.Ticks % TimeSpan.TicksPerMinute != 0 || end.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new InvalidParameterException(nameof(end), $"episode [{start:O}, {end:O}) is not a non-empty span of whole minutes");
        }
        if (minuteCount < 1 || minuteCount > MinuteClock.MinutesBetween(start, end))
        {
            throw new InvalidParameterException(nameof(minuteCount), $"{minuteCount}; expected 1 to {MinuteClock.MinutesBetween(start, end)} minutes");
        }
        if (stations is null || stations.Count == 0 || stations.Any(s => s < 0) || stations.Distinct().Count() != stations.Count)
        {
            throw new InvalidParameterException(nameof(stations), "expected at least one station, no negative or repeated index");
        }
        if (!(latitude is >= -90 and <= 90) || !(longitude is >= -180 and <= 360))
        {
            throw new InvalidParameterException(nameof(latitude), $"centroid ({latitude}, {longitude}) is not a position");
        }
        if (!(peakProbability is > 0 and <= 1))
        {
            throw new InvalidParameterException(nameof(peakProbability), $"{peakProbability}; expected a probability in (0, 1]");
        }
        if (category is not (TremorCategory.Probable or TremorCategory.Possible))
        {
            throw new InvalidParameterException(nameof(category), $"{(int)category}; expected 1 (probable) or 2 (possible)");
        }
        Start = start;
        End = end;
        MinuteCount = minuteCount;
        _stations = stations.OrderBy(s => s).ToArray();
        Latitude = latitude;
        Longitude = longitude;
        PeakProbability = peakProbability;
        Category = category;
    }

    /// <summary>First minute of the episode (UTC).</summary>
    public DateTime Start { get; }

    /// <summary>End of the episode (UTC, excluded): its last minute plus one minute.</summary>
    public DateTime End { get; }

    /// <summary><see cref="End"/> minus <see cref="Start"/>.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Minutes in which the episode has a tremor group.</summary>
    public int MinuteCount { get; }

    /// <summary>Station indices (ascending) that detected the tremor in any of its minutes.</summary>
    public IReadOnlyList<int> Stations => _stations;

    /// <summary>Probability-weighted centroid latitude of the detecting stations over all minutes, degrees.</summary>
    public double Latitude { get; }

    /// <summary>Probability-weighted centroid longitude, degrees.</summary>
    public double Longitude { get; }

    /// <summary>The largest station tremor probability in the episode.</summary>
    public float PeakProbability { get; }

    /// <summary>Probable when any minute of the episode is probable tremor; possible when every minute is.</summary>
    public TremorCategory Category { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Start:yyyy-MM-dd HH:mm}-{End:HH:mm} {Category} [{string.Join(",", _stations)}] ({Latitude:F3}, {Longitude:F3}) peak {PeakProbability:F2}";
}
