namespace Seismic.DietGrasp;

/// <summary>An output folder that another run (this process or another) is writing to at the same time.</summary>
public sealed class OutputInUseException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outputDirectory">The folder.</param>
    /// <param name="holderProcessId">The process id of the run holding it, when known.</param>
    public OutputInUseException(string outputDirectory, int? holderProcessId)
        : base($"{outputDirectory}: another dietgrasp run {(holderProcessId is { } pid ? $"(PID {pid}) " : string.Empty)}is writing to this output folder; wait for it to finish, stop it, or choose another --out")
    {
        OutputDirectory = outputDirectory;
        HolderProcessId = holderProcessId;
    }

    /// <summary>The folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The process id of the run holding the folder, when known.</summary>
    public int? HolderProcessId { get; }
}
