using Seismic.DietGrasp.Cli;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary>A real command that keeps the library failure it let through, so that a test can see the exception behind a stderr line.</summary>
internal sealed class RecordingCommand : ICliCommand
{
    private readonly ICliCommand _inner;

    public RecordingCommand(ICliCommand inner) => _inner = inner;

    public DietGraspException? Failure { get; private set; }

    public string Name => _inner.Name;

    public string Description => _inner.Description;

    public IReadOnlyList<CliOption> Options => _inner.Options;

    public string Usage => _inner.Usage;

    public ICliCommand Inner => _inner;

    /// <summary>Every command of <c>dietgrasp</c>, recording.</summary>
    public static IReadOnlyList<RecordingCommand> All() => CliApp.All.Select(c => new RecordingCommand(c)).ToList();

    /// <summary>Runs <paramref name="args"/> with every command recording; returns the result and the failure of the command that ran.</summary>
    public static (CliResult Result, RecordingCommand? Command) Run(params string[] args)
    {
        var commands = All();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error, commands);
        var ran = commands.FirstOrDefault(c => c.Failure is not null);
        return (new CliResult(exitCode, output.ToString(), error.ToString()), ran);
    }

    public int Run(CliArguments arguments, CliContext context)
    {
        try
        {
            return _inner.Run(arguments, context);
        }
        catch (DietGraspException e)
        {
            Failure = e;
            throw;
        }
    }
}
