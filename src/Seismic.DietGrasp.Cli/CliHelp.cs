using System.CommandLine;
using System.CommandLine.Help;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// Writes <c>--help</c>: the description, the usage line, every option with its description, the commands
/// of a group, and for the root the exit codes. Written here rather than by System.CommandLine's help
/// builder (internal in 3.0) so that the usage line is the declared one and the text is the same at any
/// terminal width (docs/CLI.md holds it verbatim).
/// </summary>
internal static class CliHelp
{
    private const string Indent = "  ";

    public static void Write(CliCommandTree tree, Command command, TextWriter output)
    {
        var declared = tree.CommandOf(command);
        var path = CliCommandTree.PathOf(command);
        output.WriteLine("Description:");
        WrapTo(output, Indent, command.Description ?? string.Empty);
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine(Indent + "dietgrasp " + (declared?.Usage ?? (path.Length == 0 ? "COMMAND [options]" : path + " COMMAND [options]")));
        output.WriteLine();

        var rows = new List<(string Name, string Description)>();
        if (declared is not null)
        {
            rows.AddRange(declared.Options.Select(o => (Label(o), (o.Required ? "Required. " : string.Empty) + o.Description)));
        }
        foreach (var option in CommonOptions(command))
        {
            rows.Add((string.Join(", ", option.Aliases.Where(a => !a.StartsWith('/') && a != "-?").OrderBy(a => a.Length).Append(option.Name)), option.Description ?? string.Empty));
        }
        output.WriteLine("Options:");
        WriteColumns(output, rows);

        if (command.Subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Commands:");
            WriteColumns(output, command.Subcommands.Select(c => (c.Name, c.Description ?? string.Empty)).ToList());
        }
        if (command is RootCommand)
        {
            output.WriteLine();
            output.WriteLine("Command lines ('dietgrasp COMMAND --help' describes each option):");
            foreach (var line in tree.Commands.Select(c => c.Usage))
            {
                output.WriteLine(Indent + "dietgrasp " + line);
            }
            output.WriteLine();
            output.WriteLine("Exit codes: 0 success; 1 bad input (one line on stderr naming the file, row, record or option);");
            output.WriteLine("2 a bad command line (usage error); 3 an unexpected bug (add --verbose for its stack trace); 130 cancelled.");
            output.WriteLine("Arguments may come from a response file: dietgrasp run @run.rsp (one or more arguments a line).");
        }
    }

    /// <summary>The options every command inherits from the root (help, verbose, quiet), and the root's own.</summary>
    private static IEnumerable<Option> CommonOptions(Command command)
    {
        var root = command;
        while (root is not RootCommand && root.Parents.FirstOrDefault() is Command parent)
        {
            root = parent;
        }
        return ReferenceEquals(root, command)
            ? root.Options.OrderBy(o => o is HelpOption or VersionOption)
            : root.Options.Where(o => o.Recursive).OrderBy(o => o is HelpOption);
    }

    private static string Label(CliOption option) => option.Placeholder is { } value ? $"{option.Token} {value}" : option.Token;

    private static void WriteColumns(TextWriter output, IReadOnlyList<(string Name, string Description)> rows)
    {
        var width = rows.Max(r => r.Name.Length) + 2;
        foreach (var (name, description) in rows)
        {
            var first = Indent + name.PadRight(width);
            WrapTo(output, new string(' ', first.Length), description, first);
        }
    }

    /// <summary>Writes <paramref name="text"/> word-wrapped at <see cref="CliCommandTree.HelpWidth"/>, every line indented.</summary>
    private static void WrapTo(TextWriter output, string indent, string text, string? firstIndent = null)
    {
        var line = firstIndent ?? indent;
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > CliCommandTree.HelpWidth)
            {
                output.WriteLine(line);
                line = indent;
                empty = true;
            }
            line += (empty ? string.Empty : " ") + word;
            empty = false;
        }
        output.WriteLine(line.TrimEnd());
    }
}
