using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>The three components' channels of one station (index = <see cref="Component"/>).</summary>
internal sealed record StationChannels(int Station, string Name, ChannelId[] Channels);
