using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, item 10: a sampling-rate change inside an hour aborted the whole run, then (a first fix) emptied the
/// whole station-hour; now it is that channel's gap: the minutes that straddle it are lost, and the record on each
/// side is used at its own rate.
/// </summary>
public sealed class RateChangeTests
{
    [Fact]
    public void A_rate_change_on_one_component_empties_only_the_minutes_where_the_components_disagree()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name == "S02.HHZ.sac");
        Halve(waveforms, "S02.HHZ.sac", TimeSpan.FromMinutes(5));

        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()));
        var warnings = result.Warnings.Select(w => w.ToString()).ToList();
        Assert.Contains(warnings, w => w.StartsWith("SN.S02..HHZ: the sampling rate changes from 100 to 50 Hz at 2016-04-01T23:57:00.000Z", StringComparison.Ordinal));
        for (var m = 0; m < Processing.RunScenario.Minutes; m++)
        {
            // Before the change all three are at 100 Hz; after it S02's VZ is at 50 Hz, its VX and VY at 100 Hz.
            Assert.Equal(m >= 5, float.IsNaN(result.Tremor[m, 1]));
            Assert.False(float.IsNaN(result.Tremor[m, 0]), $"minute {m}");
        }
        Assert.Contains(warnings, w => w.StartsWith("S02: components sampled at 100, 100 and 50 Hz", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_change_on_all_three_components_costs_only_the_minute_it_falls_in()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name.StartsWith("S02.", StringComparison.Ordinal));
        foreach (var component in new[] { "HHX", "HHY", "HHZ" })
        {
            Halve(waveforms, $"S02.{component}.sac", TimeSpan.FromSeconds(210));
        }

        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()));
        var warnings = result.Warnings.Select(w => w.ToString()).ToList();
        Assert.Equal(3, warnings.Count(w => w.Contains("the sampling rate changes from 100 to 50 Hz at 2016-04-01T23:55:30.000Z", StringComparison.Ordinal)));
        for (var m = 0; m < Processing.RunScenario.Minutes; m++)
        {
            // The 50 Hz record after the change makes spectrograms as any 50 Hz record does.
            Assert.Equal(m == 3, float.IsNaN(result.Tremor[m, 1]));
        }
        // The tremor on S02 (minutes 2..5) is still seen at 50 Hz.
        Assert.True(result.Tremor[4, 1] > 0.5, $"tremor probability {result.Tremor[4, 1]}");
    }

    /// <summary>Replaces a scenario file by two: 100 Hz up to <paramref name="after"/>, every other sample (50 Hz) from there.</summary>
    private static void Halve(string waveforms, string name, TimeSpan after)
    {
        var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, name));
        var samples = trace.Samples.ToArray();
        var cut = (int)(after.TotalSeconds * 100);
        var stem = Path.GetFileNameWithoutExtension(name);
        SacFile.Write(Path.Combine(waveforms, $"{stem}.a.sac"), new Trace(trace.Id, trace.StartTime, 100, samples.AsSpan(0, cut).ToArray()));
        var halved = samples.Skip(cut).Where((_, i) => i % 2 == 0).ToArray();
        SacFile.Write(Path.Combine(waveforms, $"{stem}.b.sac"), new Trace(trace.Id, trace.StartTime + after, 50, halved));
    }
}
