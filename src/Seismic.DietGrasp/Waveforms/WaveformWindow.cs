namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// The samples of one channel on a fixed time grid [<see cref="StartTime"/>, <see cref="EndTime"/>):
/// sample i belongs to <see cref="StartTime"/> + i / <see cref="SamplingRate"/>. Where the channel
/// has no data, or where overlapping pieces disagree, the window says so instead of inventing values.
/// </summary>
public sealed class WaveformWindow
{
    internal WaveformWindow(ChannelId id, DateTime startTime, double samplingRate, ReadOnlyMemory<double> samples, IReadOnlyList<SampleRange> missing, IReadOnlyList<SampleRange> conflicts, bool onlyIntegers = false)
    {
        OnlyIntegers = onlyIntegers;
        Id = id;
        StartTime = startTime;
        SamplingRate = samplingRate;
        Samples = samples;
        MissingRanges = missing;
        ConflictRanges = conflicts;
    }

    /// <summary>The channel.</summary>
    public ChannelId Id { get; }

    /// <summary>Time of sample 0, UTC.</summary>
    public DateTime StartTime { get; }

    /// <summary>The end of the window (exclusive), UTC.</summary>
    public DateTime EndTime => SampleClock.Offset(StartTime, Samples.Length, SamplingRate);

    /// <summary>Samples per second (the channel's, or 0 when the channel has no data near the window).</summary>
    public double SamplingRate { get; }

    /// <summary>The samples; <see cref="double.NaN"/> where missing.</summary>
    public ReadOnlyMemory<double> Samples { get; }

    /// <summary>Sample ranges without data (gaps, or beyond the channel's first or last sample), in order.</summary>
    public IReadOnlyList<SampleRange> MissingRanges { get; }

    /// <summary>
    /// Sample ranges where overlapping pieces (files or records) hold different values, in order.
    /// <see cref="Samples"/> keeps the value of the piece that starts first there.
    /// </summary>
    public IReadOnlyList<SampleRange> ConflictRanges { get; }

    /// <summary>
    /// Whether every sample read came from integer encodings (<see cref="WaveformExtent.HoldsOnlyIntegers"/>): then no
    /// sample outside <see cref="MissingRanges"/> is NaN or infinite, and the run need not look for such.
    /// </summary>
    internal bool OnlyIntegers { get; }

    /// <summary>Whether every sample is present and no overlap disagrees.</summary>
    public bool IsComplete => MissingRanges.Count == 0 && ConflictRanges.Count == 0;

    /// <summary>Whether samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) are all present and free of conflicts (e.g. one minute of an hour's window).</summary>
    /// <param name="start">First sample index.</param>
    /// <param name="count">Number of samples.</param>
    /// <returns><see langword="true"/> when no missing or conflicting sample lies in the range.</returns>
    public bool IsCompleteBetween(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Samples.Length)
        {
            throw new InvalidParameterException(nameof(start), $"range [{start}, {start + count}) lies outside the window's {Samples.Length} samples");
        }
        static bool Touches(IReadOnlyList<SampleRange> ranges, int start, int end) =>
            ranges.Any(range => range.Start < end && range.End > start);
        return !Touches(MissingRanges, start, start + count) && !Touches(ConflictRanges, start, start + count);
    }
}
