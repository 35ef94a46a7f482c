using System.CommandLine;
using System.CommandLine.Help;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// The System.CommandLine tree built from the commands' declarations: one <see cref="Command"/> per
/// <see cref="ICliCommand"/> (under its group for two-word names such as <c>grasp tremor</c>), one option per
/// <see cref="CliOption"/>, and the options every command takes (<c>--verbose</c>, <c>--quiet</c>, <c>--help</c>).
/// </summary>
internal sealed class CliCommandTree
{
    /// <summary>The width help is wrapped at, fixed so that help reads the same in a terminal, a pipe and docs/CLI.md.</summary>
    public const int HelpWidth = 100;

    public const string RootDescription = "DiET tremor/earthquake classification and GrASP station association on seismic records.";

    // A group's description (its commands bring their own).
    private static readonly Dictionary<string, string> GroupDescriptions = new(StringComparer.Ordinal)
    {
        ["grasp"] = "GrASP steps on the original's tables, one at a time: distances, nocut, tremor, categorize.",
    };

    private readonly Dictionary<Command, ICliCommand> _commands = new();
    private readonly Dictionary<ICliCommand, Dictionary<string, (CliOption Declared, Option Parsed)>> _options = new();

    public CliCommandTree(IReadOnlyList<ICliCommand> commands)
    {
        Commands = commands;
        Root = new RootCommand(RootDescription);
        Verbose = new Option<bool>("--verbose") { Description = "On an error, also print the exception's stack trace; run also prints its progress and every warning (not only the first 20).", Recursive = true, Arity = ArgumentArity.Zero };
        Quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors: no summary, progress, notes or warnings (the output files are the result).", Recursive = true, Arity = ArgumentArity.Zero };
        Root.Options.Add(Verbose);
        Root.Options.Add(Quiet);
        foreach (var option in Root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new CliHelpAction(this);
            }
            else if (option is VersionOption version)
            {
                version.Action = new CliVersionAction();
            }
        }
        foreach (var command in commands)
        {
            Add(command);
        }
    }

    public RootCommand Root { get; }

    /// <summary>The declared commands, in the order help lists them.</summary>
    public IReadOnlyList<ICliCommand> Commands { get; }

    public Option<bool> Verbose { get; }

    public Option<bool> Quiet { get; }

    /// <summary>The declared command behind a parsed command; null for the root and the groups.</summary>
    public ICliCommand? CommandOf(Command command) => _commands.TryGetValue(command, out var found) ? found : null;

    /// <summary>The arguments of <paramref name="command"/> in <paramref name="parse"/>.</summary>
    public CliArguments Arguments(ICliCommand command, ParseResult parse) => new(parse, _options[command]);

    /// <summary>The words that select <paramref name="command"/>, e.g. <c>grasp tremor</c>; empty for the root.</summary>
    public static string PathOf(Command command)
    {
        var words = new List<string>();
        for (Symbol? symbol = command; symbol is Command { } current and not RootCommand; symbol = current.Parents.FirstOrDefault())
        {
            words.Insert(0, current.Name);
        }
        return string.Join(" ", words);
    }

    private void Add(ICliCommand declared)
    {
        var words = declared.Name.Split(' ');
        Command parent = Root;
        foreach (var word in words.Take(words.Length - 1))
        {
            parent = parent.Subcommands.FirstOrDefault(c => c.Name == word) ?? AddGroup(parent, word);
        }
        var command = new Command(words[^1], declared.Description);
        var options = new Dictionary<string, (CliOption, Option)>(StringComparer.Ordinal);
        foreach (var option in declared.Options)
        {
            var parsed = Build(option);
            command.Options.Add(parsed);
            options.Add(option.Name, (option, parsed));
        }
        parent.Subcommands.Add(command);
        _commands.Add(command, declared);
        _options.Add(declared, options);
    }

    private static Command AddGroup(Command parent, string word)
    {
        var group = new Command(word, GroupDescriptions.TryGetValue(word, out var description) ? description : $"The {word} commands.");
        parent.Subcommands.Add(group);
        return group;
    }

    private static Option Build(CliOption declared)
    {
        if (declared.Kind == CliValueKind.Flag)
        {
            return new Option<bool>(declared.Token) { Description = declared.Description, Arity = ArgumentArity.Zero };
        }
        var option = new Option<string>(declared.Token)
        {
            Description = declared.Description,
            HelpName = declared.Placeholder,
            Required = declared.Required,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && CliValues.Check(declared, result.Tokens[^1].Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }
}
