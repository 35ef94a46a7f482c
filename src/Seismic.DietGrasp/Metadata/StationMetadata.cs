using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Metadata;

/// <summary>
/// Stations and channel responses read from a metadata file (<see cref="StationXml"/>, <see cref="NiedChannelTable"/>):
/// a station list for GrASP and the sensitivities a run divides the counts by.
/// </summary>
public sealed class StationMetadata
{
    /// <summary>The largest ripple in 2-20 Hz (largest over smallest magnitude) a flat response may have: 1 dB, about 12 % (a 1 Hz geophone damped at 0.7 has 0.26 dB, a 4.5 Hz one 14 dB).</summary>
    public const double MaximumRippleDb = 1.0;

    internal StationMetadata(string source, IReadOnlyList<ChannelResponse> channels, IReadOnlyList<(string Name, double Latitude, double Longitude)> stations)
    {
        Source = source;
        Channels = channels;
        StationList = stations;
    }

    /// <summary>Where the metadata came from (a path, or the name given for a stream).</summary>
    public string Source { get; }

    /// <summary>Every channel, one epoch each (the latest the file gives), in file order.</summary>
    public IReadOnlyList<ChannelResponse> Channels { get; }

    internal IReadOnlyList<(string Name, double Latitude, double Longitude)> StationList { get; }

    /// <summary>The stations as a network for GrASP, named <c>NET.STA</c>, in file order.</summary>
    /// <returns>The network.</returns>
    /// <exception cref="InvalidParameterException">Fewer than two stations.</exception>
    public StationNetwork ToStationNetwork() =>
        new(StationList.Select(s => s.Name), StationList.Select(s => s.Latitude), StationList.Select(s => s.Longitude));

    /// <summary>
    /// The ground-motion channels' sensitivities for a run. A response not flat in 2-20 Hz (ripple above
    /// <see cref="MaximumRippleDb"/>) is refused unless <paramref name="allowNonFlatResponse"/>; then its geometric
    /// mean over the band is used. A flat one gives the file's stated sensitivity.
    /// </summary>
    /// <param name="allowNonFlatResponse">Use responses that are not flat in the band (their band mean).</param>
    /// <returns>The sensitivities, keyed by channel.</returns>
    /// <exception cref="InvalidFileException">A response is not flat in the band and <paramref name="allowNonFlatResponse"/> is false (the message names each such channel and its ripple), or no channel measures ground motion.</exception>
    public ChannelSensitivity ToSensitivity(bool allowNonFlatResponse = false)
    {
        var motion = Channels.Where(c => c.Sensitivity is not null).ToList();
        if (motion.Count == 0)
        {
            throw new InvalidFileException(Source, "no channel measures ground velocity or acceleration (input units m/s or m/s**2), so there is no sensitivity to use");
        }
        var bent = motion.Where(c => c.RippleDb is { } ripple && ripple > MaximumRippleDb).ToList();
        if (bent.Count > 0 && !allowNonFlatResponse)
        {
            throw new InvalidFileException(Source,
                $"{bent.Count} channel(s) have a response that is not flat in 2-20 Hz (ripple above {MaximumRippleDb} dB), so one sensitivity cannot stand for the band: {string.Join("; ", bent.Take(5).Select(c => c.ToString()))}{(bent.Count > 5 ? "; ..." : string.Empty)}; allow them explicitly (--allow-non-flat-response) to use each one's mean over the band");
        }
        var entries = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in motion)
        {
            entries[channel.Id.ToString()] = channel.IsFlat || channel.BandSensitivity is null ? channel.Sensitivity!.Value : channel.BandSensitivity.Value;
        }
        var unevaluated = motion.Count(c => c.RippleDb is null);
        return ChannelSensitivity.FromEntries(entries,
            $"{entries.Count} sensitivities from {Source}{(bent.Count > 0 ? $" ({bent.Count} not flat in 2-20 Hz: their band mean)" : string.Empty)}{(unevaluated > 0 ? $" ({unevaluated} without response stages: flatness not checked)" : string.Empty)}");
    }

    /// <summary>One entry per station key, at its last coordinates, in first-appearance order.</summary>
    internal static List<(string Name, double Latitude, double Longitude)> StationsOf(IEnumerable<(string Key, double Latitude, double Longitude)> stations) =>
        stations.GroupBy(s => s.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Last().Latitude, g.Last().Longitude)).ToList();
}
