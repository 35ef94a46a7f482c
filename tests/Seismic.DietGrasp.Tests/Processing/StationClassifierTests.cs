using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>Issue 14: the station classifier is public, so in-memory traces are classified as <c>run</c> classifies files.</summary>
public sealed class StationClassifierTests
{
    private static readonly Lazy<RunResult> Run = new(() => ContinuousProcessing.Run(ContinuousProcessingTests.Options(TestPaths.NewSharedFolder())));

    [Theory]
    [InlineData(0)] // tremor in minutes 2..5
    [InlineData(RunScenario.DeadStation)]
    public void In_memory_traces_get_the_runs_probabilities_and_empty_minutes(int s)
    {
        var traces = new[] { "HHX", "HHY", "HHZ" }.Select(c => WaveformFile.ReadSingleTrace(Path.Combine(RunScenario.WaveformFolder, $"S{s + 1:D2}.{c}.sac"))).ToArray();
        using var model = DietModel.LoadBundled();
        var result = new StationClassifier(model).Classify(traces[0], traces[1], traces[2]);

        Assert.Equal(Enumerable.Range(0, RunScenario.Minutes).Select(m => RunScenario.Start.AddMinutes(m)), result.Minutes);
        for (var m = 0; m < RunScenario.Minutes; m++)
        {
            var expected = Run.Value.Tremor[m, s];
            Assert.Equal(float.IsNaN(expected), result.Probabilities[m] is null);
            if (result.Probabilities[m] is { } p)
            {
                Assert.Equal((Run.Value.Earthquake[m, s], expected, Run.Value.Noise[m, s]), (p.Earthquake, p.Tremor, p.Noise));
            }
        }
        if (s == 0)
        {
            Assert.Equal(RunScenario.Minutes, result.ClassifiedMinutes);
            Assert.True(result.Probabilities[3]!.Value.Tremor > 0.5);
            Assert.Empty(result.Warnings);
        }
        else
        {
            // The run says it per day; here one warning for the span.
            Assert.Equal(0, result.ClassifiedMinutes);
            var dead = Assert.Single(result.Warnings);
            Assert.Equal((RunWarningKind.DeadChannel, "SN.S11", "SN.S11..HHY"), (dead.Kind, dead.Station, dead.Channel.ToString()));
            Assert.Equal("SN.S11..HHY: dead (constant) in 10 minute(s) between 2016-04-01T23:52:00Z and 2016-04-02T00:02:00Z; those station-minutes are left empty", dead.Message);
        }
    }

    [Fact]
    public void Arrays_with_a_nan_lose_only_that_minute_and_say_so()
    {
        var samples = new[] { "HHX", "HHY", "HHZ" }.Select(c => WaveformFile.ReadSingleTrace(Path.Combine(RunScenario.WaveformFolder, $"S02.{c}.sac")).Samples.ToArray()).ToArray();
        samples[2][(4 * 6000) + 17] = double.NaN;
        using var model = DietModel.LoadBundled();
        var result = new StationClassifier(model).Classify(samples[0], samples[1], samples[2], RunScenario.Start, 100);

        Assert.Equal(RunScenario.Minutes - 1, result.ClassifiedMinutes);
        Assert.Null(result.Probabilities[4]);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(RunWarningKind.NonFiniteSample, warning.Kind);
        Assert.Equal(".STA..HHZ 2016-04-01 23:56: sample 17 of the minute is NaN; STA's cell left empty", warning.Message);
        Assert.Equal(RunScenario.Start.AddMinutes(4), warning.Time);
    }

    [Fact]
    public void Misuse_is_refused_with_the_librarys_exceptions()
    {
        using var model = DietModel.LoadBundled();
        var classifier = new StationClassifier(model);
        var trace = new Trace(new ChannelId("SN", "S01", string.Empty, "HHZ"), RunScenario.Start, 100, new double[12_000]);
        Assert.Throws<ArgumentNullException>(() => new StationClassifier(null!));
        Assert.Throws<ArgumentNullException>(() => classifier.Classify(trace, trace, null!));
        Assert.Throws<InvalidParameterException>(() => classifier.Classify(trace, trace, trace));
        Assert.Throws<InvalidParameterException>(() => classifier.Classify(new double[3000], new double[3000], new double[3000], RunScenario.Start, 100));
        Assert.Throws<InvalidParameterException>(() => new StationClassifier(model, 60).Classify(new double[12_000], new double[12_000], new double[12_000], RunScenario.Start, 100));
    }
}
