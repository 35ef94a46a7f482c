using System.Text;
using System.Text.RegularExpressions;
using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Tests.Packaging;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary>
/// The drift test: docs/CLI.md holds every command's <c>--help</c> verbatim between
/// <c>&lt;!-- help: NAME --&gt;</c> and <c>&lt;!-- /help --&gt;</c>, names no option that does not exist,
/// and the README's command table gives each command's usage line. After changing a command, run
/// <c>DIETGRASP_UPDATE_DOCS=1 dotnet test --filter "FullyQualifiedName~CliDocsTests"</c> to rewrite the help
/// blocks (a new command's block is added at the end of the Commands section, ready for its prose).
/// </summary>
public sealed class CliDocsTests
{
    private const string UpdateVariable = "DIETGRASP_UPDATE_DOCS";
    private static readonly Regex Block = new("<!-- help: (?<name>[a-z -]*) -->\\n(?<body>.*?)<!-- /help -->", RegexOptions.Singleline);

    /// <summary>The root (empty name), the groups and the commands: everything that answers --help.</summary>
    private static IReadOnlyList<string> HelpNames =>
        new[] { string.Empty }
            .Concat(CliApp.All.SelectMany(c => c.Name.Contains(' ', StringComparison.Ordinal) ? new[] { c.Name.Split(' ')[0], c.Name } : new[] { c.Name }))
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void CliMdHoldsEveryCommandsHelpVerbatim()
    {
        var path = RepositoryLayout.PathOf("docs", "CLI.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var expected = Expected(text);
        if (expected != text && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
            text = expected;
        }
        var found = Block.Matches(text).Select(m => m.Groups["name"].Value).ToList();
        Assert.True(HelpNames.SequenceEqual(found.OrderBy(n => n, StringComparer.Ordinal)),
            $"docs/CLI.md has help blocks for [{string.Join(", ", found)}], dietgrasp has [{string.Join(", ", HelpNames)}]; run {UpdateVariable}=1 dotnet test --filter \"FullyQualifiedName~CliDocsTests\"");
        Assert.True(expected == text, $"docs/CLI.md's help blocks differ from dietgrasp's --help; run {UpdateVariable}=1 dotnet test --filter \"FullyQualifiedName~CliDocsTests\" and review the diff");
    }

    [Fact]
    public void CliMdAndReadmeNameOnlyOptionsThatExist()
    {
        var known = CliApp.All.SelectMany(c => c.Options).Select(o => o.Token)
            .Concat(new[] { "--help", "--verbose", "--quiet", "--version" })
            .Concat(new[] { "--filter", "--command-path" }) // dotnet test's and dotnet-suggest's, quoted in the docs
            .ToHashSet(StringComparer.Ordinal);
        foreach (var file in new[] { RepositoryLayout.PathOf("docs", "CLI.md"), RepositoryLayout.PathOf("README.md") })
        {
            var unknown = Regex.Matches(CliSection(file), "(?<![\\w-])--[a-z][a-z-]*").Select(m => m.Value).Where(t => !known.Contains(t)).Distinct().ToList();
            Assert.True(unknown.Count == 0, $"{Path.GetFileName(file)} names options dietgrasp does not have: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void ReadmeTableGivesEachCommandsUsage()
    {
        var readme = CliSection(RepositoryLayout.PathOf("README.md"));
        var rows = Regex.Matches(readme, "^\\| `dietgrasp (?<usage>[^`]*)` \\|", RegexOptions.Multiline)
            .Select(m => m.Groups["usage"].Value.Replace("\\|", "|", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(CliApp.All.Select(c => c.Usage).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Contains("exit code 2", readme, StringComparison.Ordinal);
    }

    /// <summary>The file's text, or for the README its command-line section only (the rest speaks of dotnet options).</summary>
    private static string CliSection(string file)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (Path.GetFileName(file) != "README.md")
        {
            return text;
        }
        var start = text.IndexOf("\n## The command line\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## The command line' section");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = text.Substring(start, (end < 0 ? text.Length : end) - start);
        // The native-command paragraph quotes `dotnet publish` options.
        var native = section.IndexOf("**The native command.**", StringComparison.Ordinal);
        return native < 0 ? section : section.Substring(0, native);
    }

    /// <summary>The file with every help block rendered afresh; a missing command's block appended to the Commands section.</summary>
    private static string Expected(string text)
    {
        var result = Block.Replace(text, m => Render(m.Groups["name"].Value));
        var present = Block.Matches(result).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var missing = HelpNames.Where(n => !present.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            var blocks = new StringBuilder();
            foreach (var name in missing)
            {
                blocks.Append("\n### `dietgrasp ").Append(name.Length == 0 ? string.Empty : name).Append("`\n\n").Append(Render(name)).Append('\n');
            }
            var end = result.IndexOf("\n## ", result.IndexOf("\n## Commands", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
            result = end < 0 ? result.TrimEnd('\n') + "\n" + blocks : result.Insert(end, blocks.ToString());
        }
        return result;
    }

    private static string Render(string name)
    {
        var args = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();
        var help = CliRunner.Run(args).Output.ReplaceLineEndings("\n").TrimEnd('\n');
        return $"<!-- help: {name} -->\n```text\n$ dietgrasp {string.Join(" ", args)}\n{help}\n```\n<!-- /help -->";
    }
}
