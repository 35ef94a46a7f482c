using System.Globalization;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// A problem with the data that did not stop a run (<see cref="RunResult.Warnings"/>, and
/// <see cref="RunOptions.Logger"/> as it happens): what kind, which station, channel and time when it
/// concerns one, and the message the command line prints. Immutable.
/// </summary>
public sealed class RunWarning : IEquatable<RunWarning>
{
    /// <summary>Creates a warning.</summary>
    /// <param name="kind">What it is about.</param>
    /// <param name="message">The text for people, whole (it names the station, channel and time itself).</param>
    /// <param name="station">The station's name as in the station file, or <see langword="null"/>.</param>
    /// <param name="channel">The channel, or <see langword="null"/>.</param>
    /// <param name="time">The (first) time concerned, UTC, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public RunWarning(RunWarningKind kind, string message, string? station = null, ChannelId? channel = null, DateTime? time = null)
    {
        Kind = kind;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Station = station;
        Channel = channel;
        Time = time is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;
    }

    /// <summary>What it is about.</summary>
    public RunWarningKind Kind { get; }

    /// <summary>The station (its name in the station file), or <see langword="null"/> when it concerns no one station.</summary>
    public string? Station { get; }

    /// <summary>The channel, or <see langword="null"/>.</summary>
    public ChannelId? Channel { get; }

    /// <summary>The (first) time concerned, UTC, or <see langword="null"/>.</summary>
    public DateTime? Time { get; }

    /// <summary>The text for people, as <c>dietgrasp run</c> prints it.</summary>
    public string Message { get; }

    /// <summary>The message.</summary>
    /// <returns><see cref="Message"/>.</returns>
    public override string ToString() => Message;

    /// <summary>Whether two warnings have the same kind, station, channel, time and message.</summary>
    /// <param name="other">The other warning.</param>
    /// <returns>True when all five are equal.</returns>
    public bool Equals(RunWarning? other) =>
        other is not null && Kind == other.Kind && Station == other.Station && Channel == other.Channel && Time == other.Time && Message == other.Message;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RunWarning);

    /// <inheritdoc/>
    public override int GetHashCode() => (Kind, Station, Channel, Time, Message).GetHashCode();

    /// <summary>One tab-separated line: kind, station, channel, time (ISO 8601, round-trip) and message (tabs and line breaks in it become spaces).</summary>
    internal string ToLine() => string.Join("\t",
        Kind.ToString(),
        Station ?? string.Empty,
        Channel?.ToString() ?? string.Empty,
        Time?.ToString("o", CultureInfo.InvariantCulture) ?? string.Empty,
        Message.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));

    /// <summary>The header of <see cref="ToLine"/>'s columns.</summary>
    internal const string LineHeader = "kind\tstation\tchannel\ttime\tmessage";

    /// <summary>Writes <paramref name="warnings"/> atomically as a tab-separated file: <see cref="LineHeader"/>, then one <see cref="ToLine"/> each.</summary>
    internal static void WriteFile(string path, IEnumerable<RunWarning> warnings) =>
        IO.AtomicFile.WriteText(path, writer =>
        {
            writer.Write(LineHeader);
            writer.Write('\n');
            foreach (var warning in warnings)
            {
                writer.Write(warning.ToLine());
                writer.Write('\n');
            }
        });

    /// <summary>Reads <see cref="WriteFile"/>'s lines back (a file of an earlier version, one message a line, too).</summary>
    internal static List<RunWarning> ReadFile(string path) =>
        File.ReadAllLines(path).Where(line => line != LineHeader).Select(FromLine).ToList();

    /// <summary>Reads <see cref="ToLine"/>'s format back; a line in another form (a day saved by an earlier version) is an <see cref="RunWarningKind.Other"/> warning with the line as its message.</summary>
    internal static RunWarning FromLine(string line)
    {
        var fields = line.Split(new[] { '\t' }, 5);
        if (fields.Length != 5 || !Enum.TryParse<RunWarningKind>(fields[0], out var kind) || int.TryParse(fields[0], out _))
        {
            return new RunWarning(RunWarningKind.Other, line);
        }
        var codes = fields[2].Split('.');
        ChannelId? channel = codes.Length == 4 ? new ChannelId(codes[0], codes[1], codes[2], codes[3]) : null;
        DateTime? time = DateTime.TryParse(fields[3], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;
        return new RunWarning(kind, fields[4], fields[1].Length == 0 ? null : fields[1], channel, time);
    }
}
