using System.Collections.Concurrent;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The probabilities of one day being computed: [minute of the day range, station] per class, NaN
/// until a station-minute is classified. Workers write disjoint cells.
/// </summary>
internal sealed class DayProbabilities
{
    public DayProbabilities(DateTime start, DateTime end, int stationCount)
    {
        Start = start;
        End = end;
        StationCount = stationCount;
        MinuteCount = MinuteClock.MinutesBetween(start, end);
        Earthquake = NewTable(MinuteCount * stationCount);
        Tremor = NewTable(MinuteCount * stationCount);
        Noise = NewTable(MinuteCount * stationCount);
    }

    public DateTime Start { get; }

    public DateTime End { get; }

    public int StationCount { get; }

    public int MinuteCount { get; }

    public float[] Earthquake { get; }

    public float[] Tremor { get; }

    public float[] Noise { get; }

    public ConcurrentQueue<RunWarning> Warnings { get; } = new();

    /// <summary>Dead minutes per station (its name in the station file) and channel.</summary>
    public ConcurrentDictionary<(string Station, ChannelId Channel), int> DeadMinutes { get; } = new();

    /// <summary>The day's warnings in a stable order: the workers' by message, then one per dead channel, then one per station called tremor most of the time (<see cref="PersistentTremorWarnings"/>).</summary>
    /// <param name="names">The stations' names, in table order.</param>
    public List<RunWarning> OrderedWarnings(IReadOnlyList<string> names)
    {
        var warnings = Warnings.OrderBy(w => w.Message, StringComparer.Ordinal).ToList();
        var span = End <= Start.Date.AddDays(1) ? $"of {Start:yyyy-MM-dd}" : $"between {Start:yyyy-MM-ddTHH:mm:ssZ} and {End:yyyy-MM-ddTHH:mm:ssZ}";
        warnings.AddRange(DeadMinutes.OrderBy(pair => pair.Key.Channel.ToString(), StringComparer.Ordinal)
            .Select(pair => new RunWarning(RunWarningKind.DeadChannel, $"{pair.Key.Channel}: dead (constant) in {pair.Value} minute(s) {span}; those station-minutes are left empty",
                pair.Key.Station, pair.Key.Channel, Start)));
        warnings.AddRange(PersistentTremorWarnings.For(this, names, span));
        return warnings;
    }

    private static float[] NewTable(int length)
    {
        var values = new float[length];
        values.AsSpan().Fill(float.NaN);
        return values;
    }
}
