using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, item 10: an infinite sample in a run's minute was reported as "sample 0: NaN" (the mean removal
/// spread it over the whole minute before the spectrogram saw it); the warning now names the channel, the
/// minute, the sample within it and the sign. With the high-pass on, a non-finite sample is a gap in the record
/// before filtering: only its minute is lost, not every minute the filter's margins reach.
/// </summary>
public sealed class NonFiniteSampleTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void An_infinite_sample_is_named_with_its_index_and_sign_and_empties_only_its_minute(double highPass)
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name == "S04.HHX.sac");
        var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, "S04.HHX.sac"));
        var samples = trace.Samples.ToArray();
        samples[(3 * 6000) + 1234] = double.NegativeInfinity;
        SacFile.Write(Path.Combine(waveforms, "S04.HHX.sac"), new Trace(trace.Id, trace.StartTime, trace.SamplingRate, samples));

        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()) with { HighPass = highPass });
        Assert.Contains("SN.S04..HHX 2016-04-01 23:55: sample 1234 of the minute is -infinity; S04's cell left empty", result.Warnings.Select(w => w.ToString()));
        Assert.True(float.IsNaN(result.Tremor[3, 3]));
        for (var m = 0; m < Processing.RunScenario.Minutes; m++)
        {
            // The minutes around it are classified: the filter runs on each side of the sample as on each side of a gap.
            Assert.True(m == 3 || !float.IsNaN(result.Tremor[m, 3]), $"minute {m}");
        }
        Assert.DoesNotContain(result.Warnings, w => w.ToString().Contains("within the high-pass filter's margins", StringComparison.Ordinal));
    }

    [Fact]
    public void A_nan_stretch_with_the_high_pass_empties_only_the_minutes_it_touches()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name == "S04.HHZ.sac");
        var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, "S04.HHZ.sac"));
        var samples = trace.Samples.ToArray();
        // 23:56:50 to 23:57:10: two minutes touched.
        samples.AsSpan((4 * 6000) + 5000, 2000).Fill(double.NaN);
        SacFile.Write(Path.Combine(waveforms, "S04.HHZ.sac"), new Trace(trace.Id, trace.StartTime, trace.SamplingRate, samples));

        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()));
        Assert.Contains("SN.S04..HHZ 2016-04-01 23:56: sample 5000 of the minute is NaN; S04's cell left empty", result.Warnings.Select(w => w.ToString()));
        Assert.Contains("SN.S04..HHZ 2016-04-01 23:57: sample 0 of the minute is NaN; S04's cell left empty", result.Warnings.Select(w => w.ToString()));
        for (var m = 0; m < Processing.RunScenario.Minutes; m++)
        {
            Assert.Equal(m is 4 or 5, float.IsNaN(result.Tremor[m, 3]));
        }
    }
}
