namespace Seismic.DietGrasp.Cli;

/// <summary>What a command may use besides its arguments: the output streams and cancellation.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool errorIsTerminal, CancellationToken cancellation)
    {
        Output = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
        Cancellation = cancellation;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Progress is drawn only when stderr is a terminal (CLI.md: quiet otherwise).</summary>
    public bool ErrorIsTerminal { get; }

    public CancellationToken Cancellation { get; }

    /// <summary><c>--verbose</c>: every warning and the run's progress messages, not only the first few warnings.</summary>
    public bool Verbose { get; init; }
}
