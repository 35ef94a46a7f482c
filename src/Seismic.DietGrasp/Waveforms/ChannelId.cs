namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// A SEED channel name: network, station, location and channel codes, trimmed of padding
/// (an empty location is <see cref="string.Empty"/>).
/// </summary>
/// <param name="Network">Network code, e.g. <c>IU</c>.</param>
/// <param name="Station">Station code, e.g. <c>COLA</c>.</param>
/// <param name="Location">Location code, e.g. <c>00</c>, or empty.</param>
/// <param name="Channel">Channel code, e.g. <c>HHZ</c>.</param>
public readonly record struct ChannelId(string Network, string Station, string Location, string Channel)
{
    /// <summary>Network code, e.g. <c>IU</c>.</summary>
    public string Network { get; init; } = Network ?? throw new ArgumentNullException(nameof(Network));

    /// <summary>Station code, e.g. <c>COLA</c>.</summary>
    public string Station { get; init; } = Station ?? throw new ArgumentNullException(nameof(Station));

    /// <summary>Location code, e.g. <c>00</c>, or empty.</summary>
    public string Location { get; init; } = Location ?? throw new ArgumentNullException(nameof(Location));

    /// <summary>Channel code, e.g. <c>HHZ</c>.</summary>
    public string Channel { get; init; } = Channel ?? throw new ArgumentNullException(nameof(Channel));

    /// <summary>The station as <c>NET.STA</c> (just <c>STA</c> when the network is empty).</summary>
    public string StationKey => Network.Length == 0 ? Station : $"{Network}.{Station}";

    /// <summary>
    /// The DiET component from the channel code's last letter (X/E/1 = VX, Y/N/2 = VY, Z = VZ; and the
    /// one-letter code <c>U</c>, NIED Hi-net's vertical, = VZ), or <see langword="null"/> for any other channel.
    /// </summary>
    public Component? Component => Channel.Length == 0 ? null : Channel.Length == 1 && char.ToUpperInvariant(Channel[0]) == 'U' ? Waveforms.Component.VZ : char.ToUpperInvariant(Channel[Channel.Length - 1]) switch
    {
        'X' or 'E' or '1' => Waveforms.Component.VX,
        'Y' or 'N' or '2' => Waveforms.Component.VY,
        'Z' => Waveforms.Component.VZ,
        _ => null,
    };

    /// <summary>Whether this channel belongs to <paramref name="station"/>, given as <c>NET.STA</c> or <c>STA</c> (case-insensitive).</summary>
    /// <param name="station">The station name from a station list.</param>
    /// <returns><see langword="true"/> when the name matches <see cref="StationKey"/> or <see cref="Station"/>.</returns>
    public bool IsStation(string station) =>
        Guard.NotNull(station, nameof(station)) is var name && (string.Equals(name, StationKey, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, Station, StringComparison.OrdinalIgnoreCase));

    /// <summary>The SEED identifier <c>NET.STA.LOC.CHAN</c>.</summary>
    /// <returns>The four codes joined by dots.</returns>
    public override string ToString() => $"{Network}.{Station}.{Location}.{Channel}";
}
