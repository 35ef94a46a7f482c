using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Seismic.DietGrasp.Cli;

/// <summary><c>--version</c>: this assembly's informational version (System.CommandLine's own reads the entry assembly, which in-process tests replace).</summary>
internal sealed class CliVersionAction : SynchronousCommandLineAction
{
    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return CliApp.Success;
    }
}
