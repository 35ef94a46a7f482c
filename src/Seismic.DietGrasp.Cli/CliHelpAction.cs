using System.CommandLine;
using System.CommandLine.Invocation;

namespace Seismic.DietGrasp.Cli;

/// <summary><c>--help</c>, <c>-h</c>: <see cref="CliHelp"/> for the command named before it, exit code 0 whatever else is wrong with the line.</summary>
internal sealed class CliHelpAction : SynchronousCommandLineAction
{
    private readonly CliCommandTree _tree;

    public CliHelpAction(CliCommandTree tree) => _tree = tree;

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        CliHelp.Write(_tree, parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return CliApp.Success;
    }
}
