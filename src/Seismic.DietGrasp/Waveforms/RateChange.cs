namespace Seismic.DietGrasp.Waveforms;

/// <summary>Where one channel's sampling rate changes: the earlier rate's pieces end by <paramref name="EarlierEnd"/>, the next rate starts at <paramref name="LaterStart"/>.</summary>
/// <param name="Id">The channel.</param>
/// <param name="EarlierEnd">The latest end of the pieces at <paramref name="EarlierRate"/> before the change (UTC).</param>
/// <param name="LaterStart">The first sample at <paramref name="LaterRate"/> (UTC).</param>
/// <param name="EarlierRate">The rate before, Hz.</param>
/// <param name="LaterRate">The rate after, Hz.</param>
internal readonly record struct RateChange(ChannelId Id, DateTime EarlierEnd, DateTime LaterStart, double EarlierRate, double LaterRate);
