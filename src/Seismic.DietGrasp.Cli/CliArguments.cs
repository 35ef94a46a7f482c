using System.Globalization;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// The <c>--name value</c> options and <c>--flag</c> switches after a command's name. Every option
/// a command reads is marked as used; <see cref="EnsureAllUsed"/> then refuses any the command does
/// not know, so a typo never passes silently.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new CliUsageException($"unexpected argument '{token}'");
            }
            var name = token.Substring(2);
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name.Substring(equals + 1);
                name = name.Substring(0, equals);
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = tokens[++i];
            }
            if (_options.ContainsKey(name))
            {
                throw new CliUsageException($"option --{name} is given twice");
            }
            _options[name] = value;
        }
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var value))
        {
            return false;
        }
        if (value is not null)
        {
            throw new CliUsageException($"option --{name} takes no value (got '{value}')");
        }
        return true;
    }

    public string? Optional(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var value))
        {
            return null;
        }
        return value ?? throw new CliUsageException($"option --{name} needs a value");
    }

    public string Required(string name) =>
        Optional(name) ?? throw new CliUsageException($"option --{name} is required");

    public double? OptionalDouble(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"option --{name} expects a number, got '{text}'");
        }
        return value;
    }

    public double RequiredDouble(string name) =>
        OptionalDouble(name) ?? throw new CliUsageException($"option --{name} is required");

    public int? OptionalInt(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"option --{name} expects an integer, got '{text}'");
        }
        return value;
    }

    public int RequiredInt(string name) =>
        OptionalInt(name) ?? throw new CliUsageException($"option --{name} is required");

    /// <summary>Fails on any option the command did not read.</summary>
    public void EnsureAllUsed()
    {
        foreach (var name in _options.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new CliUsageException($"unknown option --{name}");
            }
        }
    }
}
