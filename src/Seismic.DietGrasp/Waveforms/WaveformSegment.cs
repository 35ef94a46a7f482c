namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// A stretch of time a channel covers without a gap, possibly joined from several files or
/// records (overlaps inside it are listed in <see cref="WaveformArchive.Discontinuities"/>).
/// Known from headers only.
/// </summary>
/// <param name="Id">The channel.</param>
/// <param name="StartTime">Time of the first sample, UTC.</param>
/// <param name="EndTime">Time just after the last sample, UTC.</param>
/// <param name="SamplingRate">Samples per second.</param>
public readonly record struct WaveformSegment(ChannelId Id, DateTime StartTime, DateTime EndTime, double SamplingRate);

/// <summary>How a channel's record breaks between two pieces.</summary>
public enum DiscontinuityKind
{
    /// <summary>No data between <see cref="Discontinuity.StartTime"/> and <see cref="Discontinuity.EndTime"/>.</summary>
    Gap,

    /// <summary>
    /// Two pieces both cover <see cref="Discontinuity.StartTime"/> to <see cref="Discontinuity.EndTime"/>;
    /// whether their samples agree is known once read (<see cref="WaveformWindow.ConflictRanges"/>).
    /// </summary>
    Overlap,

    /// <summary>The next piece has another sampling rate.</summary>
    SamplingRateChange,
}

/// <summary>A gap, an overlap or a sampling-rate change in one channel, found from headers.</summary>
/// <param name="Id">The channel.</param>
/// <param name="Kind">What kind of break.</param>
/// <param name="StartTime">Start of the missing or doubly covered time (for a rate change: where the new rate starts), UTC.</param>
/// <param name="EndTime">End of the missing or doubly covered time (for a rate change: the same as <paramref name="StartTime"/>), UTC.</param>
/// <param name="FilePath">The file whose piece starts the break (the later piece).</param>
public readonly record struct Discontinuity(ChannelId Id, DiscontinuityKind Kind, DateTime StartTime, DateTime EndTime, string FilePath)
{
    /// <summary>The file where the later piece begins.</summary>
    public string FilePath { get; init; } = FilePath ?? throw new ArgumentNullException(nameof(FilePath));
}

/// <summary>A run of sample indices [<paramref name="Start"/>, <paramref name="Start"/> + <paramref name="Count"/>).</summary>
/// <param name="Start">First index.</param>
/// <param name="Count">Number of indices.</param>
public readonly record struct SampleRange(int Start, int Count)
{
    /// <summary>One past the last index.</summary>
    public int End => Start + Count;
}
