using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Plotting;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

public sealed class PlotCommandTests
{
    [Fact]
    public void RedrawsTheOutputFolderForARange()
    {
        var scenario = PictureScenario.Simulate(PictureScenario.Snet, 120, 3);
        var layout = scenario.WriteOutputFolder();
        var folder = layout.OutputDirectory;
        var stations = Path.Combine(folder, "stations.csv");
        StationNetworkCsv.Write(stations, scenario.Stations);

        var result = CliRunner.Run("plot", "--out", folder, "--stations", stations, "--start", "2016-04-01T00:30:00Z", "--end", "2016-04-01T01:00:00Z", "--strike", "20", "--minute", scenario.Groups[0].Minute.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var picture in new[] { RunLayout.TremorMapFile, RunLayout.TremorMigrationFile, RunLayout.TremorTimelineFile, RunLayout.TremorMinuteMapFile })
        {
            Assert.Contains($"wrote {layout.PathOf(picture)}", result.Output, StringComparison.Ordinal);
            Assert.True(new FileInfo(layout.PathOf(picture)).Length > 5000);
        }
        Assert.Contains("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutTablesIsAnInputErrorAndABadTimeAUsageError()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Path.Combine(folder, "stations.csv");
        StationNetworkCsv.Write(stations, PictureScenario.Snet);
        var missing = CliRunner.Run("plot", "--out", folder, "--stations", stations);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains(RunLayout.TremorProbabilityFile, missing.Error, StringComparison.Ordinal);
        var badTime = CliRunner.Run("plot", "--out", folder, "--stations", stations, "--start", "yesterday");
        Assert.Equal(2, badTime.ExitCode);
    }
}
