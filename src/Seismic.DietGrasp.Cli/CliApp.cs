using System.CommandLine;
using System.CommandLine.Invocation;
using Seismic.DietGrasp.Cli.Commands;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// Entry point of <c>dietgrasp</c>, callable in-process (tests pass their own writers). System.CommandLine
/// parses (options, <c>--help</c>, <c>--version</c>, <c>@response</c> files, the <c>[suggest]</c> directive for tab
/// completion); the commands run here, and every failure is reported as one stderr line.
/// Exit codes: 0 success; 1 bad input or a failure the library reports (<see cref="DietGraspException"/>),
/// or a file-system failure (<see cref="IOException"/>, no permission); 2 a usage error; 3 an unexpected bug (stack trace with <c>--verbose</c>); 130 cancelled (Ctrl+C); 143 stopped by SIGTERM (after the same clean stop).
/// </summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int InputError = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
    public const int Terminated = 143;

    // Listed, not discovered by reflection, so that the native (trimmed, ahead-of-time) build keeps them all.
    private static readonly ICliCommand[] Commands = new ICliCommand[]
        {
            new AssociateCommand(), new ClassifyCommand(), new ConvertKerasCommand(), new DayCommand(), new DemoArchiveCommand(), new DemoCommand(), new EvaluateCommand(), new GraspCategorizeCommand(), new GraspDistancesCommand(), new GraspNocutCommand(),
            new GraspTremorCommand(), new PlotCommand(), new RunCommand(), new SpectrogramCommand(), new WaveformCommand(),
        }
        .OrderBy(command => command.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The commands <c>dietgrasp</c> has, in help order.</summary>
    public static IReadOnlyList<ICliCommand> All => Commands;

    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        Run(args, output, error, Commands, cancellation);

    /// <summary>Runs with a given command set (tests use it to check how an unexpected bug is reported).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, IReadOnlyList<ICliCommand> commands, CancellationToken cancellation = default)
    {
        if (args.Length > 0 && args[0] == "help")
        {
            // `dietgrasp help grasp tremor`, as the tool has always answered, is `dietgrasp grasp tremor --help`.
            args = args.Skip(1).Append("--help").ToArray();
        }
        var tree = new CliCommandTree(commands);
        var parse = tree.Root.Parse(args);
        var verbose = parse.GetValue(tree.Verbose);
        var quiet = parse.GetValue(tree.Quiet);
        if (parse.Action is SynchronousCommandLineAction action and not ParseErrorAction && (parse.Errors.Count == 0 || action.ClearsParseErrors))
        {
            // --help, --version, [suggest]: System.CommandLine's (or our) actions, never an error.
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }

        var parsed = parse.CommandResult.Command;
        var command = tree.CommandOf(parsed);
        if (parse.Errors.Count > 0 || command is null)
        {
            return ReportUsage(tree, parse, command, error);
        }
        try
        {
            var arguments = tree.Arguments(command, parse);
            var context = quiet
                ? new CliContext(TextWriter.Null, TextWriter.Null, false, cancellation)
                : new CliContext(output, error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, cancellation) { Verbose = verbose };
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
            return Report(error, command, CliOptionNaming.Describe(command, e), e, verbose, InputError);
        }
        catch (Exception e) when (e is IOException and not EndOfStreamException or UnauthorizedAccessException)
        {
            // The file system refused (an output path that is a folder, a full disk, no permission): not a bug.
            // A reader running off the end of its data (EndOfStreamException) is a bug: the library reports truncation itself.
            return Report(error, command, e.Message, e, verbose, InputError);
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

    /// <summary>A command line the parser refused, or a group or no command at all: one line (help for a bare group), exit code 2.</summary>
    private static int ReportUsage(CliCommandTree tree, ParseResult parse, ICliCommand? command, TextWriter error)
    {
        var parsed = parse.CommandResult.Command;
        var path = CliCommandTree.PathOf(parsed);
        var prefix = path.Length == 0 ? "dietgrasp" : "dietgrasp " + path;
        if (command is null)
        {
            var unknown = parse.UnmatchedTokens.FirstOrDefault();
            if (unknown is not null && !unknown.StartsWith('-'))
            {
                error.WriteLine($"{prefix}: unknown command '{(path.Length == 0 ? unknown : path + " " + unknown)}'; run '{prefix} --help'");
                return UsageError;
            }
            // The group's own "required command" error says nothing that its help does not.
            var messages = Messages(parse).Where(m => !m.StartsWith("required command", StringComparison.Ordinal)).ToList();
            if (messages.Count > 0)
            {
                error.WriteLine($"{prefix}: {OneLine(string.Join("; ", messages))}; run '{prefix} --help'");
                return UsageError;
            }
            // `dietgrasp` or `dietgrasp grasp` alone: what can follow.
            CliHelp.Write(tree, parsed, error);
            return UsageError;
        }
        error.WriteLine($"{prefix}: {OneLine(string.Join("; ", Messages(parse)))} (usage: dietgrasp {OneLine(command.Usage)})");
        return UsageError;
    }

    /// <summary>The parser's errors, unknown options and stray words said once each.</summary>
    private static IEnumerable<string> Messages(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens;
        foreach (var token in unmatched)
        {
            yield return token.StartsWith('-') ? $"unknown option '{token}'" : $"unexpected argument '{token}'";
        }
        foreach (var error in parse.Errors.Where(e => !unmatched.Any(token => e.Message.Contains($"'{token}'", StringComparison.Ordinal))))
        {
            var message = error.Message.TrimEnd('.');
            yield return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message.Substring(1) : message;
        }
    }

    private static int Report(TextWriter error, ICliCommand command, string message, Exception e, bool verbose, int exitCode)
    {
        error.WriteLine($"dietgrasp {command.Name}: {OneLine(message)}");
        if (verbose)
        {
            error.WriteLine(e.ToString());
        }
        return exitCode;
    }

    private static string OneLine(string message) => message.Replace("\r", " ").Replace("\n", " ");
}
