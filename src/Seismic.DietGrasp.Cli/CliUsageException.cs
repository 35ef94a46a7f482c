namespace Seismic.DietGrasp.Cli;

/// <summary>The command line itself is wrong: an unknown command or option, a missing value.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }
}
