using Seismic.DietGrasp.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary><c>dietgrasp COMMAND --help</c> and <c>-h</c> for every command and group: exit code 0, every option listed with its description.</summary>
public sealed class CliHelpTests
{
    public static IEnumerable<object[]> Commands => CliApp.All.Select(c => new object[] { c.Name });

    /// <summary>Every command, every group (<c>grasp</c>) and the root (empty), each with --help and -h.</summary>
    public static IEnumerable<object[]> HelpLines =>
        CliApp.All.Select(c => c.Name)
            .Concat(CliApp.All.Where(c => c.Name.Contains(' ', StringComparison.Ordinal)).Select(c => c.Name.Split(' ')[0]).Distinct())
            .Append(string.Empty)
            .SelectMany(name => new[] { "--help", "-h" }.Select(flag => new object[] { name, flag }));

    [Theory]
    [MemberData(nameof(HelpLines))]
    public void HelpAnswersForEveryCommandAndGroup(string name, string flag)
    {
        var result = CliRunner.Run(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(flag).ToArray());
        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith("Description:", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Usage:{Environment.NewLine}  dietgrasp {name}".TrimEnd(), result.Output, StringComparison.Ordinal);
        var options = OptionRows(result.Output);
        Assert.Contains("--help", options.Keys);
        Assert.Contains("--verbose", options.Keys);
        Assert.Contains("--quiet", options.Keys);
        if (CliApp.All.SingleOrDefault(c => c.Name == name) is { } command)
        {
            foreach (var option in command.Options)
            {
                Assert.True(options.TryGetValue(option.Token, out var description), $"dietgrasp {name} {flag} does not list {option.Token}");
                Assert.StartsWith((option.Required ? "Required. " : string.Empty) + option.Description.Split(' ')[0], description, StringComparison.Ordinal);
            }
        }
        else
        {
            // A group or the root lists its commands, each described.
            var commands = CliApp.All.Where(c => name.Length == 0 || c.Name.StartsWith(name + " ", StringComparison.Ordinal))
                .Select(c => c.Name.Split(' ')[name.Length == 0 ? 0 : 1]).Distinct();
            foreach (var word in commands)
            {
                Assert.Matches($"(?m)^  {word} +[A-Z]", result.Output);
            }
        }
    }

    [Fact]
    public void HelpWinsOverWhatIsMissingOrWrong()
    {
        // Issue #14: `run --help` used to answer "option --waveforms is required", `grasp --help` "unknown command".
        foreach (var args in new[] { new[] { "run", "--help" }, new[] { "run", "--k", "x", "--help" }, new[] { "grasp", "--help" }, new[] { "demo", "--help" }, new[] { "help", "demo" } })
        {
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == CliApp.Success, $"{string.Join(" ", args)}: {result.Error}");
            Assert.Equal(string.Empty, result.Error);
            Assert.Equal(CliRunner.Run(args.Where(a => a != "help").Where(a => a is not ("--k" or "x")).Append("--help").Distinct().ToArray()).Output, result.Output);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandAndOptionIsDescribed(string name)
    {
        var command = CliApp.All.Single(c => c.Name == name);
        Assert.False(string.IsNullOrWhiteSpace(command.Description), name);
        Assert.Equal(command.Options.Count, command.Options.Select(o => o.Name).Distinct().Count());
        foreach (var option in command.Options)
        {
            Assert.True(option.Description.Length > 10 && option.Description.EndsWith('.'), $"dietgrasp {name} {option.Token}: '{option.Description}'");
            Assert.DoesNotContain(option.Name, new[] { "help", "verbose", "quiet", "version" });
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void TheUsageLineNamesExactlyTheDeclaredOptions(string name)
    {
        // A hand-written Usage (classify's) may not drift from the declared options.
        var command = CliApp.All.Single(c => c.Name == name);
        var inUsage = System.Text.RegularExpressions.Regex.Matches(command.Usage, "--[a-z-]+").Select(m => m.Value).ToHashSet();
        Assert.Equal(command.Options.Select(o => o.Token).OrderBy(t => t, StringComparer.Ordinal), inUsage.OrderBy(t => t, StringComparer.Ordinal));
        Assert.StartsWith(name + " ", command.Usage, StringComparison.Ordinal);
    }

    /// <summary>The Options section's rows: the long option name to its description (continuation lines joined).</summary>
    internal static Dictionary<string, string> OptionRows(string help)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = help.Split(Environment.NewLine);
        var start = Array.IndexOf(lines, "Options:");
        string? last = null;
        var column = 0;
        for (var i = start + 1; i < lines.Length && lines[i].Length > 0; i++)
        {
            var line = lines[i];
            if (last is not null && line.Length > column && line[..column].Trim().Length == 0)
            {
                rows[last] += " " + line.Trim();
                continue;
            }
            var match = System.Text.RegularExpressions.Regex.Match(line, "^  (?:-[a-z?], )?(--[a-z-]+)(?: [^ ]+)? +(.*)$");
            Assert.True(match.Success, $"not an option row: '{line}'");
            last = match.Groups[1].Value;
            column = match.Groups[2].Index;
            rows[last] = match.Groups[2].Value;
        }
        return rows;
    }
}
