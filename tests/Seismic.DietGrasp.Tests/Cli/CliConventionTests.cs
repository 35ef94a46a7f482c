using System.Reflection;
using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.IO;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary>The conventions every command shares: usage errors, --version, --quiet, response files, tab completion.</summary>
public sealed class CliConventionTests
{
    private static readonly string Stations = TestPaths.TestData("Grasp", "Station_info.csv");

    [Theory]
    [InlineData("dietgrasp spectrogram: option '--fs' is required (usage: dietgrasp spectrogram ", "spectrogram", "--input", "W.npy", "--out", "S.npy")]
    [InlineData("dietgrasp spectrogram: option --fs expects a number, got '1,5' (usage: ", "spectrogram", "--input", "W.npy", "--fs", "1,5", "--out", "S.npy")]
    [InlineData("dietgrasp spectrogram: unknown option '--fz'", "spectrogram", "--input", "W.npy", "--fz", "100", "--out", "S.npy")]
    [InlineData("dietgrasp grasp nocut: option --k expects an integer, got '2.5' (usage: ", "grasp", "nocut", "--stations", "S.csv", "--probabilities", "P.csv", "--k", "2.5", "--out", "C.csv")]
    [InlineData("dietgrasp grasp distances: option '--out' expects a single argument but 2 were provided", "grasp", "distances", "--stations", "S.csv", "--out", "a", "--out", "b")]
    [InlineData("dietgrasp run: option --start expects an ISO 8601 date and time like 2016-04-01T00:00:00Z (UTC), 2016-04-01T09:00+09:00 or '2016-04-01 09:00 JST', got 'yesterday'", "run", "--waveforms", "W", "--stations", "S.csv", "--out", "O", "--start", "yesterday")]
    [InlineData("dietgrasp waveform: unexpected argument 'extra'", "waveform", "--input", "F", "--out", "X.npy", "extra")]
    [InlineData("dietgrasp: unknown command 'frobnicate'; run 'dietgrasp --help'", "frobnicate")]
    [InlineData("dietgrasp grasp: unknown command 'grasp frob'; run 'dietgrasp grasp --help'", "grasp", "frob")]
    [InlineData("dietgrasp: response file not found 'missing.rsp'", "@missing.rsp")]
    [InlineData("dietgrasp: unknown option '--bogus'", "--bogus")]
    public void AUsageErrorIsOneLineOnStderrAndExitCode2(string expected, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void ACommandGroupOrNothingAtAllShowsItsHelpOnStderrWithExitCode2()
    {
        foreach (var args in new[] { Array.Empty<string>(), new[] { "grasp" } })
        {
            var result = CliRunner.Run(args);
            Assert.Equal(CliApp.UsageError, result.ExitCode);
            Assert.Equal(string.Empty, result.Output);
            Assert.Equal(CliRunner.Run(args.Append("--help").ToArray()).Output, result.Error);
        }
    }

    [Fact]
    public void VersionPrintsTheToolsVersion()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(CliApp.Success, result.ExitCode);
        var expected = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected + Environment.NewLine, result.Output);
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+", result.Output);
    }

    [Fact]
    public void QuietPrintsNothingButErrors()
    {
        var folder = TestPaths.NewScratchFolder();
        var loud = CliRunner.Run("grasp", "distances", "--stations", Stations, "--out", Path.Combine(folder, "loud.csv"));
        Assert.Contains("150 x 150", loud.Output, StringComparison.Ordinal);

        var quiet = CliRunner.Run("grasp", "distances", "--quiet", "--stations", Stations, "--out", Path.Combine(folder, "quiet.csv"));
        Assert.Equal(CliApp.Success, quiet.ExitCode);
        Assert.Equal(string.Empty, quiet.Output + quiet.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "loud.csv")), File.ReadAllBytes(Path.Combine(folder, "quiet.csv")));

        // The classify note about the stand-in model goes too; errors stay.
        var spectrograms = Path.Combine(folder, "S.npy");
        Npy.Write(spectrograms, new float[73 * 71 * 3], new[] { 73, 71, 3 });
        var classify = CliRunner.Run("-q", "classify", "--spectrograms", spectrograms, "--out", Path.Combine(folder, "P.csv"));
        Assert.Equal(CliApp.Success, classify.ExitCode);
        Assert.Equal(string.Empty, classify.Output + classify.Error);
        var failure = CliRunner.Run("grasp", "distances", "--quiet", "--stations", Path.Combine(folder, "missing.csv"), "--out", Path.Combine(folder, "D.csv"));
        Assert.Equal(CliApp.InputError, failure.ExitCode);
        Assert.Contains("missing.csv: file not found", Assert.Single(failure.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void AResponseFileGivesTheSameRunAsTheArgumentsItHolds()
    {
        var folder = TestPaths.NewScratchFolder();
        var direct = CliRunner.Run("grasp", "distances", "--stations", Stations, "--out", Path.Combine(folder, "direct.csv"));
        var response = Path.Combine(folder, "args.rsp");
        File.WriteAllLines(response, new[] { "# the station file and the output", "--stations " + Stations, "--out", Path.Combine(folder, "file.csv") });

        var fromFile = CliRunner.Run("grasp", "distances", "@" + response);

        Assert.True(fromFile.ExitCode == CliApp.Success, fromFile.Error);
        Assert.Equal(direct.Output.Replace("direct.csv", "file.csv", StringComparison.Ordinal), fromFile.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "direct.csv")), File.ReadAllBytes(Path.Combine(folder, "file.csv")));
    }

    [Fact]
    public void TheSuggestDirectiveCompletesCommandsAndOptions()
    {
        var options = CliRunner.Run("[suggest:17]", "grasp tremor --st");
        Assert.Equal(CliApp.Success, options.ExitCode);
        Assert.Equal(new[] { "--stations", "--std-thres" }, options.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var commands = CliRunner.Run("[suggest:8]", "grasp no");
        Assert.Equal(new[] { "nocut" }, commands.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
