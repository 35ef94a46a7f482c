using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, item 10: an infinite sample in a run's minute was reported as "sample 0: NaN" (the mean removal
/// spread it over the whole minute before the spectrogram saw it); the warning now names the channel, the
/// minute, the sample within it and the sign.
/// </summary>
public sealed class NonFiniteSampleTests
{
    [Fact]
    public void An_infinite_sample_is_named_with_its_index_and_sign_and_empties_only_its_minute()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name == "S04.HHX.sac");
        var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, "S04.HHX.sac"));
        var samples = trace.Samples.ToArray();
        samples[(3 * 6000) + 1234] = double.NegativeInfinity;
        SacFile.Write(Path.Combine(waveforms, "S04.HHX.sac"), new Trace(trace.Id, trace.StartTime, trace.SamplingRate, samples));

        // Without the high-pass: with it, the filter spreads the infinity over the stretch its margins reach.
        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()) with { HighPass = 0 });
        Assert.Contains("SN.S04..HHX 2016-04-01 23:55: sample 1234 of the minute is -infinity; S04's cell left empty", result.Warnings);
        Assert.True(float.IsNaN(result.Tremor[3, 3]));
        Assert.False(float.IsNaN(result.Tremor[2, 3]));
        Assert.False(float.IsNaN(result.Tremor[4, 3]));
    }
}
