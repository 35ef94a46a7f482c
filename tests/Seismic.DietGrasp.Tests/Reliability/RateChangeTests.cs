using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>Issue 15, item 10: a sampling-rate change inside an hour aborted the whole run; now it is that channel's gap, with a warning.</summary>
public sealed class RateChangeTests
{
    [Fact]
    public void A_rate_change_inside_an_hour_leaves_that_station_hour_empty_and_the_rest_classified()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name == "S02.HHZ.sac");
        var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, "S02.HHZ.sac"));
        var samples = trace.Samples.ToArray();
        var cut = 5 * 60 * 100;
        SacFile.Write(Path.Combine(waveforms, "S02.HHZ.a.sac"), new Trace(trace.Id, trace.StartTime, 100, samples.AsSpan(0, cut).ToArray()));
        var halved = samples.Skip(cut).Where((_, i) => i % 2 == 0).ToArray();
        SacFile.Write(Path.Combine(waveforms, "S02.HHZ.b.sac"), new Trace(trace.Id, trace.StartTime.AddMinutes(5), 50, halved));

        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()));
        Assert.Contains(result.Warnings, w => w.StartsWith("SN.S02..HHZ: the sampling rate changes in [2016-04-01 23:51:40, 00:00:20)", StringComparison.Ordinal));
        for (var m = 0; m < 8; m++)
        {
            Assert.True(float.IsNaN(result.Tremor[m, 1]), $"minute {m}");
            Assert.False(float.IsNaN(result.Tremor[m, 0]), $"minute {m}");
        }
        // After midnight S02's VZ is at 50 Hz throughout, its VX and VY at 100 Hz: empty, with the components' warning.
        Assert.True(float.IsNaN(result.Tremor[8, 1]));
        Assert.Contains(result.Warnings, w => w.StartsWith("S02: components sampled at 100, 100 and 50 Hz", StringComparison.Ordinal));
        Assert.False(float.IsNaN(result.Tremor[8, 0]));
    }
}
