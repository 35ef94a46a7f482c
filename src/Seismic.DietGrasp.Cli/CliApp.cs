using System.Reflection;
using Seismic.DietGrasp.Cli.Commands;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// Entry point of <c>dietgrasp</c>, callable in-process (tests pass their own writers).
/// Exit codes: 0 success; 1 bad input or a failure the library reports (<see cref="DietGraspException"/>),
/// or a file-system failure (<see cref="IOException"/>, no permission); 2 a usage error; 3 an unexpected bug (stack trace with <c>--verbose</c>); 130 cancelled.
/// </summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int InputError = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;

    // Listed, not discovered by reflection, so that the native (trimmed, ahead-of-time) build keeps them all.
    private static readonly ICliCommand[] Commands = new ICliCommand[]
        {
            new ClassifyCommand(), new DemoCommand(), new GraspCategorizeCommand(), new GraspDistancesCommand(), new GraspNocutCommand(),
            new GraspTremorCommand(), new PlotCommand(), new RunCommand(), new SpectrogramCommand(), new WaveformCommand(),
        }
        .OrderBy(command => command.Name, StringComparer.Ordinal)
        .ToArray();

    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        Run(args, output, error, Commands, cancellation);

    /// <summary>Runs with a given command set (tests use it to check how an unexpected bug is reported).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, IReadOnlyList<ICliCommand> commands, CancellationToken cancellation = default)
    {
        var verbose = args.Contains("--verbose");
        var tokens = args.Where(arg => arg != "--verbose").ToList();
        if (tokens.Count == 0 || tokens[0] is "--help" or "-h" or "help")
        {
            WriteHelp(output, commands);
            return tokens.Count == 0 ? UsageError : Success;
        }
        if (tokens[0] == "--version")
        {
            output.WriteLine(typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
            return Success;
        }

        var command = FindCommand(commands, tokens);
        if (command is null)
        {
            error.WriteLine($"dietgrasp: unknown command '{string.Join(" ", tokens.TakeWhile(t => !t.StartsWith("--", StringComparison.Ordinal)))}'; run 'dietgrasp --help'");
            return UsageError;
        }
        var commandWordCount = command.Name.Split(' ').Length;
        try
        {
            var arguments = new CliArguments(tokens.Skip(commandWordCount).ToList());
            var context = new CliContext(output, error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, cancellation);
            return command.Run(arguments, context);
        }
        catch (CliUsageException e)
        {
            // One line, as every failure (CLI.md); the usage goes at its end.
            error.WriteLine($"dietgrasp {command.Name}: {e.Message} (usage: dietgrasp {OneLine(command.Usage)})");
            return UsageError;
        }
        catch (DietGraspException e)
        {
            return Report(error, command, e, verbose, InputError);
        }
        catch (Exception e) when (e is IOException and not EndOfStreamException or UnauthorizedAccessException)
        {
            // The file system refused (an output path that is a folder, a full disk, no permission): not a bug.
            // A reader running off the end of its data (EndOfStreamException) is a bug: the library reports truncation itself.
            return Report(error, command, e, verbose, InputError);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine($"dietgrasp {command.Name}: cancelled");
            return Cancelled;
        }
        catch (Exception e)
        {
            error.WriteLine($"dietgrasp {command.Name}: unexpected error ({e.GetType().Name}): {OneLine(e.Message)}" +
                (verbose ? string.Empty : " (run with --verbose for details)"));
            if (verbose)
            {
                error.WriteLine(e.ToString());
            }
            return InternalError;
        }
    }

    private static int Report(TextWriter error, ICliCommand command, Exception e, bool verbose, int exitCode)
    {
        error.WriteLine($"dietgrasp {command.Name}: {OneLine(e.Message)}");
        if (verbose)
        {
            error.WriteLine(e.ToString());
        }
        return exitCode;
    }

    private static string OneLine(string message) => message.Replace("\r", " ").Replace("\n", " ");

    private static ICliCommand? FindCommand(IReadOnlyList<ICliCommand> commands, IReadOnlyList<string> tokens) =>
        commands
            .Where(command =>
            {
                var words = command.Name.Split(' ');
                return words.Length <= tokens.Count && words.Select((word, i) => word == tokens[i]).All(match => match);
            })
            .OrderByDescending(command => command.Name.Split(' ').Length)
            .FirstOrDefault();

    private static void WriteHelp(TextWriter output, IReadOnlyList<ICliCommand> commands)
    {
        output.WriteLine("dietgrasp: DiET tremor/earthquake classification and GrASP station association");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (var command in commands)
        {
            output.WriteLine($"  dietgrasp {command.Usage}");
        }
        output.WriteLine();
        output.WriteLine("Add --verbose to any command for a stack trace on errors.");
    }
}
