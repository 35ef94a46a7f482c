using Seismic.DietGrasp.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

public class CliAppTests
{
    [Fact]
    public void UnknownCommandIsAUsageError()
    {
        var result = CliRunner.Run("frobnicate");
        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsCommands()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("Commands:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsEveryCommandClass()
    {
        // The command list is written out (the native build trims what reflection alone would find): none may be left off.
        var help = CliRunner.Run("--help").Output;
        var commandClasses = typeof(CliApp).Assembly.GetTypes()
            .Where(type => typeof(ICliCommand).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .ToList();
        Assert.NotEmpty(commandClasses);
        foreach (var type in commandClasses)
        {
            var command = (ICliCommand)Activator.CreateInstance(type)!;
            Assert.Contains($"  dietgrasp {command.Usage.Split('\n')[0]}", help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OptionsParseNamesValuesAndFlags()
    {
        var probe = new ProbeCommand();
        var result = CliRunner.Run(new ICliCommand[] { probe }, "probe", "--input", "a.npy", "--fs=100", "--png", "p.png", "--force");
        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.Equal(("a.npy", 100.0, true, "p.png"), probe.Read);
    }

    [Fact]
    public void UnknownOptionIsRefused()
    {
        var result = CliRunner.Run(new ICliCommand[] { new ProbeCommand() }, "probe", "--inptu", "a.npy", "--fs", "1");
        Assert.Equal(CliApp.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("dietgrasp probe: unknown option '--inptu'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNumericValueIsRefused()
    {
        var result = CliRunner.Run(new ICliCommand[] { new ProbeCommand() }, "probe", "--input", "a.npy", "--fs", "fast");
        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.StartsWith("dietgrasp probe: option --fs expects a number, got 'fast' (usage: dietgrasp probe --input IN --fs HZ [--png PNG] [--force])", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void ADeclaredOptionTheCommandNeverReadsIsABug()
    {
        var result = CliRunner.Run(new ICliCommand[] { new ProbeCommand(readPng: false) }, "probe", "--input", "a.npy", "--fs", "1");
        Assert.Equal(CliApp.InternalError, result.ExitCode);
        Assert.Contains("declares --png but never reads it", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A command that reads its options and keeps what it read.</summary>
    private sealed class ProbeCommand : ICliCommand
    {
        private readonly bool _readPng;

        public ProbeCommand(bool readPng = true) => _readPng = readPng;

        public (string Input, double Fs, bool Force, string? Png) Read { get; private set; }

        public string Name => "probe";

        public string Description => "Reads its options.";

        public IReadOnlyList<CliOption> Options { get; } = new[]
        {
            new CliOption("input", CliValueKind.Text, "In.") { Value = "IN", Required = true },
            new CliOption("fs", CliValueKind.Number, "Rate.") { Value = "HZ", Required = true },
            new CliOption("png", CliValueKind.Text, "Picture."),
            new CliOption("force", CliValueKind.Flag, "Force."),
        };

        public int Run(CliArguments arguments, CliContext context)
        {
            var input = arguments.Required("input");
            var fs = arguments.RequiredDouble("fs");
            var force = arguments.Flag("force");
            var png = _readPng ? arguments.Optional("png") : null;
            arguments.EnsureAllUsed();
            Read = (input, fs, force, png);
            return CliApp.Success;
        }
    }
}
