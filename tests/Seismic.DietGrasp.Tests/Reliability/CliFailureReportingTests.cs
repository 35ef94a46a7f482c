using Seismic.DietGrasp.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// How <c>dietgrasp</c> reports failures: an expected one (the exception family) is one stderr line and
/// exit code 1; a bug is exit code 3 with one line, and its stack trace only under <c>--verbose</c>.
/// </summary>
public class CliFailureReportingTests
{
    [Fact]
    public void AnUnexpectedBugIsOneLineWithoutVerbose()
    {
        var (exitCode, error) = Run(new InvalidOperationException("the index went wrong"), "explode");
        Assert.Equal(CliApp.InternalError, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Equal("dietgrasp explode: unexpected error (InvalidOperationException): the index went wrong (run with --verbose for details)", line);
    }

    [Fact]
    public void AnUnexpectedBugShowsItsStackTraceUnderVerbose()
    {
        var (exitCode, error) = Run(new InvalidOperationException("the index went wrong"), "explode", "--verbose");
        Assert.Equal(CliApp.InternalError, exitCode);
        var lines = Lines(error);
        Assert.Equal("dietgrasp explode: unexpected error (InvalidOperationException): the index went wrong", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("   at ", StringComparison.Ordinal) && line.Contains($"{nameof(ThrowingCommand)}.{nameof(ThrowingCommand.Fail)}()", StringComparison.Ordinal));
    }

    [Fact]
    public void AnExpectedFailureIsOneLineAndItsTraceOnlyUnderVerbose()
    {
        var failure = new InvalidTableException("/data/Station_info.csv", 5, 2, "latitude 123 is outside [-90, 90]");
        var (exitCode, error) = Run(failure, "explode");
        Assert.Equal(CliApp.InputError, exitCode);
        Assert.Equal("dietgrasp explode: /data/Station_info.csv, row 5, column 2: latitude 123 is outside [-90, 90]", Assert.Single(Lines(error)));

        (exitCode, error) = Run(failure, "explode", "--verbose");
        Assert.Equal(CliApp.InputError, exitCode);
        Assert.True(Lines(error).Length > 1);
        Assert.Contains(nameof(ThrowingCommand.Fail), error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileSystemRefusalIsAnInputErrorNotABug()
    {
        var (exitCode, error) = Run(new IOException("No space left on device : '/data/out/P.csv'"), "explode");
        Assert.Equal(CliApp.InputError, exitCode);
        Assert.Equal("dietgrasp explode: No space left on device : '/data/out/P.csv'", Assert.Single(Lines(error)));
    }

    [Fact]
    public void AReaderRunningOffTheEndOfItsDataIsABug()
    {
        var (exitCode, error) = Run(new EndOfStreamException("Unable to read beyond the end of the stream."), "explode");
        Assert.Equal(CliApp.InternalError, exitCode);
        Assert.Contains("unexpected error (EndOfStreamException)", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grasp", "nocut", "--stations", "S.csv", "--probabilities", "P.csv", "--out", "C.csv", "--k", "twelve")]
    [InlineData("spectrogram", "--input", "W.npy", "--fs", "100", "--out", "S.npy", "--fz", "100")]
    [InlineData("run", "--waveforms", "DIR", "--stations", "S.csv", "--out", "OUT", "--start", "2024-02-30T00:00:00Z")]
    [InlineData("waveform", "--input")]
    public void AUsageErrorIsOneLineWithTheUsage(params string[] args)
    {
        var result = Cli.CliRunner.Run(args);
        Assert.Equal(CliApp.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(" (usage: dietgrasp ", line, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Error) Run(Exception failure, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error, new ICliCommand[] { new ThrowingCommand(failure) });
        return (exitCode, error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private sealed class ThrowingCommand : ICliCommand
    {
        private readonly Exception _failure;

        public ThrowingCommand(Exception failure) => _failure = failure;

        public string Name => "explode";

        public string Description => "Fails as it is told.";

        public IReadOnlyList<CliOption> Options { get; } = Array.Empty<CliOption>();

        public int Run(CliArguments arguments, CliContext context)
        {
            arguments.EnsureAllUsed();
            Fail();
            return CliApp.Success;
        }

        public void Fail() => throw _failure;
    }
}
