namespace Seismic.DietGrasp.Cli;

/// <summary>
/// One <c>dietgrasp</c> command: what it is called, what it takes, and what it does.
/// </summary>
/// <remarks>
/// <para>
/// To add a command: write a class implementing this interface in <c>Commands/</c> (one file), give it its
/// <see cref="Name"/>, a one-sentence <see cref="Description"/> and its <see cref="Options"/>, read them in
/// <see cref="Run"/> with <see cref="CliArguments"/> (<c>Required("out")</c>, <c>OptionalDouble("highpass")</c>,
/// <c>Flag("no-pictures")</c>, ...) and call <see cref="CliArguments.EnsureAllUsed"/>, then add one instance to
/// the list in <see cref="CliApp"/> (written out, not found by reflection, so that the native build keeps it).
/// Nothing else: the parser, <c>--help</c>, the usage line, exit code 2 for a bad command line, tab completion
/// and the docs/CLI.md drift test all come from <see cref="Options"/>; add the command's section to docs/CLI.md
/// (the drift test prints what to paste).
/// </para>
/// <para>
/// A command written for the old hand-made parser (<c>Name</c>, <c>Usage</c>, <c>Run</c>) needs only its
/// <see cref="Description"/> and <see cref="Options"/> added; its <c>Usage</c> then replaces the generated one.
/// Where the library reports a bad value of an option as an <see cref="InvalidParameterException"/>, declare the
/// library's parameter name on the option (<see cref="CliOption.ReportedAs"/>) so that the error names the
/// option the user typed; CliOptionNamingTests check it.
/// </para>
/// </remarks>
internal interface ICliCommand
{
    /// <summary>The words that select the command, e.g. <c>spectrogram</c> or <c>grasp tremor</c> (a group and its command).</summary>
    string Name { get; }

    /// <summary>One sentence for <c>dietgrasp --help</c> and the command's own help.</summary>
    string Description { get; }

    /// <summary>The options, in the order help lists them. <c>--help</c>, <c>--verbose</c> and <c>--quiet</c> are added to every command.</summary>
    IReadOnlyList<CliOption> Options { get; }

    /// <summary>The usage line without <c>dietgrasp</c>, shown by help and on a usage error: by default made from <see cref="Options"/>.</summary>
    string Usage => CliUsage.Of(Name, Options);

    /// <summary>Runs the command and returns the process exit code (<see cref="CliApp.Success"/>); failures are thrown.</summary>
    /// <param name="arguments">The options given, already checked against <see cref="Options"/> by the parser.</param>
    /// <param name="context">The output streams and cancellation.</param>
    /// <returns>The exit code.</returns>
    int Run(CliArguments arguments, CliContext context);
}
