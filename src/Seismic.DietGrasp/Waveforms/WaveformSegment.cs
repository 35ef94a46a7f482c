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
