namespace Seismic.DietGrasp.Cli;

/// <summary>One <c>dietgrasp</c> command. Implementations are found by reflection, so adding a command is adding a class.</summary>
internal interface ICliCommand
{
    /// <summary>The words that select the command, e.g. <c>spectrogram</c> or <c>grasp tremor</c>.</summary>
    string Name { get; }

    /// <summary>The usage line(s) shown by <c>dietgrasp --help</c> and on a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the command and returns the process exit code.</summary>
    int Run(CliArguments arguments, CliContext context);
}
