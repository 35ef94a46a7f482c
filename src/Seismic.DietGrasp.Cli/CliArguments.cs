using System.CommandLine;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// The options given to one command, read from System.CommandLine's parse result by their names without
/// dashes. The parser has already refused unknown options, missing required ones and values of the wrong
/// kind (exit code 2); a command reading an option it did not declare is a bug, and so is a declared option
/// the command never reads (<see cref="EnsureAllUsed"/>): either would let a user's option pass silently.
/// </summary>
internal sealed class CliArguments
{
    private readonly ParseResult _parse;
    private readonly IReadOnlyDictionary<string, (CliOption Declared, Option Parsed)> _options;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CliArguments(ParseResult parse, IReadOnlyDictionary<string, (CliOption Declared, Option Parsed)> options)
    {
        _parse = parse;
        _options = options;
    }

    public bool Flag(string name) => _parse.GetValue((Option<bool>)Find(name, CliValueKind.Flag));

    public string? Optional(string name) => Text(name, CliValueKind.Text);

    public string Required(string name) =>
        Optional(name) ?? throw new CliUsageException($"option --{name} is required");

    public double? OptionalDouble(string name) =>
        Text(name, CliValueKind.Number) is { } text && CliValues.TryNumber(text, out var value) ? value : null;

    public double RequiredDouble(string name) =>
        OptionalDouble(name) ?? throw new CliUsageException($"option --{name} is required");

    public int? OptionalInt(string name) =>
        Text(name, CliValueKind.Integer) is { } text && CliValues.TryInteger(text, out var value) ? value : null;

    public int RequiredInt(string name) =>
        OptionalInt(name) ?? throw new CliUsageException($"option --{name} is required");

    /// <summary>A UTC time (<see cref="CliValueKind.Time"/>), or null when absent.</summary>
    public DateTime? OptionalTime(string name) =>
        Text(name, CliValueKind.Time) is { } text && CliValues.TryTime(text, out var value) ? value : null;

    /// <summary>Fails (as a bug) when the command declared an option it has not read.</summary>
    public void EnsureAllUsed()
    {
        var unread = _options.Keys.Where(name => !_used.Contains(name)).ToList();
        if (unread.Count > 0)
        {
            throw new InvalidOperationException($"the command declares {string.Join(", ", unread.Select(n => "--" + n))} but never reads it");
        }
    }

    private string? Text(string name, CliValueKind kind) => _parse.GetValue((Option<string>)Find(name, kind));

    private Option Find(string name, CliValueKind kind)
    {
        if (!_options.TryGetValue(name, out var option))
        {
            throw new InvalidOperationException($"the command reads --{name} but does not declare it");
        }
        if (option.Declared.Kind != kind && !(kind == CliValueKind.Text && option.Declared.Kind != CliValueKind.Flag))
        {
            throw new InvalidOperationException($"the command reads --{name} as {kind} but declares it {option.Declared.Kind}");
        }
        _used.Add(name);
        return option.Parsed;
    }
}
