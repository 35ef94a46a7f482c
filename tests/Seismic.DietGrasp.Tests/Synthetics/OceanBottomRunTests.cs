using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

/// <summary>
/// `run` with the bundled model and the default 1 Hz high-pass over a short cut of issue 21's ocean-bottom
/// scenario on the 150 S-net stations. The 4-hour scenario itself runs in tools/bench/OceanBottom
/// (benchmarks/README.md, "Ocean-bottom scenario").
/// </summary>
public sealed class OceanBottomRunTests
{
    [Fact]
    [Trait("Category", "Slow")] // 12 minutes of 150 stations, generated and run: 77 s on the shared machine (load about 35), 2026-12-03
    public void TheBundledModelFindsTheTremorAndTheEarthquakesAndInventsNoTremor()
    {
        var folder = TestPaths.NewScratchFolder();
        var options = ContinuousScenarioOptions.OceanBottomFourHours with { Minutes = 12, TremorDuration = TimeSpan.FromMinutes(7), LocalEarthquakes = 2, LineStations = 0.3 };
        var scenario = ContinuousScenario.Create(SyntheticDemo.SnetStations(), options);
        scenario.WriteFiles(Path.Combine(folder, "scenario"), maxDegreeOfParallelism: 2);

        var run = ContinuousProcessing.Run(new RunOptions(
            Path.Combine(folder, "scenario", ContinuousScenario.WaveformFolderName),
            Path.Combine(folder, "scenario", ContinuousScenario.StationFileName),
            Path.Combine(folder, "out")) { MaxDegreeOfParallelism = 2 });
        var score = DetectionScore.Compute(scenario, run);

        // Issue 21's targets: at most 2 false tremor episodes, half the tremor minutes, 12 of 14 earthquakes (here: all of 2).
        Assert.True(score.FalseTremorEpisodes <= 2, score.ToString());
        Assert.Equal(7, score.TremorMinutes);
        Assert.True(score.TremorMinutesFound >= 4, score.ToString());
        Assert.True(score.EarthquakesFound == 2, score.ToString());
        Assert.Equal(1, score.Tremor.RecalledCount);
    }
}
