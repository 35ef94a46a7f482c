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
        var arguments = new CliArguments(new[] { "--input", "a.npy", "--fs=100", "--png", "p.png", "--force" });
        Assert.Equal("a.npy", arguments.Required("input"));
        Assert.Equal(100.0, arguments.RequiredDouble("fs"));
        Assert.True(arguments.Flag("force"));
        Assert.Equal("p.png", arguments.Optional("png"));
        arguments.EnsureAllUsed();
    }

    [Fact]
    public void UnreadOptionIsRefused()
    {
        var arguments = new CliArguments(new[] { "--inptu", "a.npy" });
        Assert.Null(arguments.Optional("input"));
        var error = Assert.Throws<CliUsageException>(arguments.EnsureAllUsed);
        Assert.Contains("--inptu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNumericValueIsRefused()
    {
        var arguments = new CliArguments(new[] { "--fs", "fast" });
        Assert.Throws<CliUsageException>(() => arguments.RequiredDouble("fs"));
    }
}
