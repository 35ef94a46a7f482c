using System.Globalization;
using System.Text.RegularExpressions;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

public sealed class SyntheticDemoTests
{
    [Fact]
    [Trait("Category", "Slow")] // 26 s on an idle machine, 235 s in the full run of 2026-12-03 (load about 50)
    public void ReducedDemoFindsTheInjectedTremorOnTheRealGeometry()
    {
        var folder = TestPaths.NewScratchFolder();

        var result = CliRunner.Run("demo", "--out", folder, "--minutes", "15", "--threads", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        var last = result.Output.TrimEnd().Split('\n').Last();
        var match = Regex.Match(last, @"^tremor episodes: 2 injected, (\d+) detected, recall ([01]\.\d\d), precision ([01]\.\d\d)$");
        Assert.True(match.Success, result.Output);
        Assert.True(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) >= 0.9, result.Output);
        Assert.True(double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) >= 0.9, result.Output);
        Assert.Contains("dead channel: N.", result.Output, StringComparison.Ordinal);

        Assert.Equal(450, Directory.GetFiles(Path.Combine(folder, SyntheticDemo.ScenarioFolder, ContinuousScenario.WaveformFolderName), "*.sac").Length);
        foreach (var name in new[] { RunLayout.TremorProbabilityFile, RunLayout.EarthquakeProbabilityFile, RunLayout.NoiseProbabilityFile, RunLayout.TremorCatalogueFile, RunLayout.TremorCategoryFile, SyntheticDemo.ScoreFile })
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), name);
        }
        var score = File.ReadAllLines(Path.Combine(folder, SyntheticDemo.ScoreFile));
        Assert.Equal(3, score.Length);
        Assert.All(score.Skip(1), row => Assert.False(row.EndsWith(",", StringComparison.Ordinal), row));
    }

    [Theory]
    [InlineData("--minutes", "5", "dietgrasp demo: --minutes: must be at least 10", 1)]
    [InlineData("--bogus", "1", "dietgrasp demo: unknown option '--bogus'", 2)]
    public void BadOptionsFailWithOneLineAndNoOutput(string option, string value, string named, int exitCode)
    {
        var folder = Path.Combine(TestPaths.NewScratchFolder(), "demo");

        var result = CliRunner.Run("demo", "--out", folder, option, value);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(named, result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
