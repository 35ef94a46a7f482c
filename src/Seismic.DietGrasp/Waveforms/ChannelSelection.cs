namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// How a run chooses each station's three-component set when a station has several (<c>--channels</c>,
/// <c>--location</c>). By default every complete set of a station competes: a rate that can make a DiET
/// spectrogram (at least 40 Hz) first, then velocity over an unknown kind over acceleration, then the
/// highest rate, then a high-gain seismometer (SEED instrument H) over others; two sets still equal are an error.
/// A priority list keeps only the sets of its first pattern that has any; a location keeps only that location's sets.
/// </summary>
public sealed class ChannelSelection
{
    /// <summary>The default: every set competes, any location.</summary>
    public static readonly ChannelSelection Automatic = new(Array.Empty<string>(), null);

    private ChannelSelection(IReadOnlyList<string> priority, string? location)
    {
        Priority = priority;
        Location = location;
    }

    /// <summary>Channel-code patterns, most wanted first (<c>?</c> stands for one character, e.g. <c>HH?</c>); empty: automatic.</summary>
    public IReadOnlyList<string> Priority { get; }

    /// <summary>The only location code used (empty for none); <see langword="null"/>: any.</summary>
    public string? Location { get; }

    /// <summary>Creates a selection.</summary>
    /// <param name="priority">Comma-separated channel-code patterns, most wanted first, e.g. <c>HH?,EH?,BH?</c> (each 1 to 3 letters, digits or <c>?</c>); null or empty: automatic.</param>
    /// <param name="location">The only location code to use (at most 2 characters; <c>--</c> or empty for none); null: any.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="InvalidParameterException">A pattern or the location is malformed.</exception>
    public static ChannelSelection Create(string? priority, string? location)
    {
        var patterns = new List<string>();
        if (!string.IsNullOrWhiteSpace(priority))
        {
            foreach (var raw in priority!.Split(','))
            {
                var pattern = raw.Trim().ToUpperInvariant();
                if (pattern.Length is 0 or > 3 || pattern.Any(c => !(char.IsLetterOrDigit(c) && c < 128) && c != '?'))
                {
                    throw new InvalidParameterException("channelPriority",
                        $"'{raw.Trim()}' in '{priority}'; expected comma-separated channel codes of 1 to 3 letters or digits, '?' for any one character (e.g. HH?,EH?,BH?)");
                }
                patterns.Add(pattern);
            }
        }
        string? code = null;
        if (location is not null)
        {
            code = location.Trim() == "--" ? string.Empty : location.Trim();
            if (code.Length > 2 || code.Any(c => !(char.IsLetterOrDigit(c) && c < 128)))
            {
                throw new InvalidParameterException("location", $"'{location}'; expected a location code of at most 2 letters or digits ('--' or empty for none)");
            }
        }
        return new(patterns, code);
    }

    /// <summary>Whether every channel of <paramref name="set"/> matches <paramref name="pattern"/>.</summary>
    internal static bool Matches(string pattern, ChannelSet set) =>
        set.Channels.All(id => id.Channel.Length == pattern.Length
            && pattern.Select((p, i) => p == '?' || char.ToUpperInvariant(id.Channel[i]) == p).All(ok => ok));

    /// <summary>In words, for the log and the manifest.</summary>
    /// <returns>E.g. <c>priority HH?, EH?; location 00</c>, or <c>automatic</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Priority.Count > 0)
        {
            parts.Add($"priority {string.Join(", ", Priority)}");
        }
        if (Location is not null)
        {
            parts.Add($"location '{Location}'");
        }
        return parts.Count == 0 ? "automatic" : string.Join("; ", parts);
    }
}
