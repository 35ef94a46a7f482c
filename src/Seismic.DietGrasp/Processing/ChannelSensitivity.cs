using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// Instrument sensitivities in counts per (m/s): a run divides each channel's samples by its value
/// to get velocity. One value for every channel, or a table by channel (<c>NET.STA.LOC.CHAN</c>),
/// station (<c>NET.STA</c> or <c>STA</c>) or <c>*</c> (every other channel); the most specific entry wins.
/// </summary>
/// <remarks>
/// The DiET spectrogram is normalised per station-minute, so a sensitivity shared by the three
/// components changes a probability only through the spectrogram's fixed floor (log10(PSD + 1e-30)):
/// velocities must stay well above about 1e-14 m/s, so never convert data that are already in m/s.
/// Sensitivities matter when components differ, and they make the samples physical.
/// </remarks>
public sealed class ChannelSensitivity
{
    private const string Wildcard = "*";
    private readonly Dictionary<string, double> _entries;

    private ChannelSensitivity(Dictionary<string, double> entries, string description)
    {
        _entries = entries;
        Description = description;
    }

    /// <summary>What the sensitivities are, in words (one value, or the file and its entry count).</summary>
    public string Description { get; }

    /// <summary>One sensitivity for every channel.</summary>
    /// <param name="countsPerMeterPerSecond">Counts per m/s, positive and finite.</param>
    /// <returns>The sensitivities.</returns>
    /// <exception cref="InvalidParameterException">Not a positive finite number.</exception>
    public static ChannelSensitivity Uniform(double countsPerMeterPerSecond)
    {
        Check(countsPerMeterPerSecond, () => new InvalidParameterException(nameof(countsPerMeterPerSecond), $"{countsPerMeterPerSecond}; expected a positive, finite number of counts per m/s"));
        return new(new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { [Wildcard] = countsPerMeterPerSecond }, $"{countsPerMeterPerSecond.ToString("R", CultureInfo.InvariantCulture)} counts per m/s for every channel");
    }

    /// <summary>
    /// Reads a table with the header <c>channel,sensitivity</c>: one row per <c>NET.STA.LOC.CHAN</c>,
    /// <c>NET.STA</c>, <c>STA</c> or <c>*</c>, with counts per m/s.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The sensitivities.</returns>
    /// <exception cref="InvalidTableException">A wrong header, field count, repeated name, or a value that is not a positive number.</exception>
    public static ChannelSensitivity Read(string path)
    {
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
        if (header.Length != 2 || !string.Equals(header[0], "channel", StringComparison.OrdinalIgnoreCase) || !string.Equals(header[1], "sensitivity", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidTableException(path, 1, 0, $"header '{string.Join(",", header)}'; expected 'channel,sensitivity'");
        }
        var entries = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            CsvTable.RequireFieldCount(path, row, 2, "channel and sensitivity");
            var name = row.Fields[0];
            var value = CsvTable.ParseDouble(path, row, 1, "sensitivity, counts per m/s");
            Check(value, () => new InvalidTableException(path, row.Line, 2, $"sensitivity {row.Fields[1]} of '{name}'; expected a positive number of counts per m/s"));
            if (name.Length == 0 || entries.ContainsKey(name))
            {
                throw new InvalidTableException(path, row.Line, 1, name.Length == 0 ? "empty channel name" : $"'{name}' appears twice");
            }
            entries[name] = value;
        }
        return new(entries, $"{entries.Count} sensitivities from {path}");
    }

    /// <summary>Sensitivities keyed by channel (<c>NET.STA.LOC.CHAN</c>), station or <c>*</c>, as the metadata readers build them.</summary>
    internal static ChannelSensitivity FromEntries(IReadOnlyDictionary<string, double> entries, string description)
    {
        var copy = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            Check(entry.Value, () => new InvalidParameterException("sensitivity", $"{entry.Value} for '{entry.Key}'; expected a positive, finite number of counts per m/s"));
            copy[entry.Key] = entry.Value;
        }
        return new(copy, description);
    }

    /// <summary>
    /// The sensitivity of a channel: its own entry (<c>NET.STA.LOC.CHAN</c>; for a SAC file whose KSTNM holds NIED's
    /// <c>N.S1N01</c> and no network, also <c>N.S1N01..VX</c>), else its station's (<c>NET.STA</c>, then <c>STA</c>), else <c>*</c>.
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <returns>Counts per m/s, or <see langword="null"/> when nothing matches (the samples stay in counts).</returns>
    public double? For(ChannelId channel)
    {
        foreach (var key in new[] { channel.ToString(), $"{channel.StationKey}.{channel.Location}.{channel.Channel}", channel.StationKey, channel.Station, Wildcard })
        {
            if (_entries.TryGetValue(key, out var value))
            {
                return value;
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static void Check(double value, Func<Exception> error)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw error();
        }
    }
}
