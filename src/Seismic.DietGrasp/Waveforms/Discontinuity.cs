namespace Seismic.DietGrasp.Waveforms;

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
