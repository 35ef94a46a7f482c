using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

public class SyntheticTrainingWindowTests
{
    [Theory]
    [InlineData(DietClass.Earthquake, 50)]
    [InlineData(DietClass.Tremor, 125)]
    [InlineData(DietClass.Noise, 200)]
    public void WindowIsDeterministicPerSeedWithMarginsAroundTheMinute(DietClass kind, double fs)
    {
        var a = SyntheticTrainingWindow.Generate(kind, 7, fs);
        var b = SyntheticTrainingWindow.Generate(kind, 7, fs);
        var c = SyntheticTrainingWindow.Generate(kind, 8, fs);
        Assert.Equal((int)(100 * fs), a.SamplesPerComponent);
        Assert.Equal((int)(20 * fs), a.MinuteStart);
        Assert.True(a.Samples.Span.SequenceEqual(b.Samples.Span));
        Assert.False(a.Samples.Span.SequenceEqual(c.Samples.Span));
        Assert.Equal(kind, a.Kind);
        Assert.Equal(a.Scenario, b.Scenario);
        foreach (var value in a.Samples.Span)
        {
            Assert.True(double.IsFinite(value));
        }
    }

    [Fact]
    public void WithoutSignalKeepsTheNoiseAndTheGlitchesWhereTheLabelledWindowHasThem()
    {
        var noise = SyntheticTrainingWindow.Generate(DietClass.Noise, 11, 100);
        Assert.True(noise.Samples.Span.SequenceEqual(SyntheticTrainingWindow.GenerateWithoutSignal(DietClass.Noise, 11, 100).Samples.Span));
        var glitchy = 0;
        var aligned = 0;
        for (ulong seed = 1; seed <= 120; seed++)
        {
            foreach (var kind in new[] { DietClass.Earthquake, DietClass.Tremor })
            {
                var labelled = SyntheticTrainingWindow.Generate(kind, seed, 50);
                var background = SyntheticTrainingWindow.GenerateWithoutSignal(kind, seed, 50);
                Assert.Equal(labelled.Scenario, background.Scenario);
                Assert.Equal(labelled.NoiseKind, background.NoiseKind);
                Assert.False(labelled.Samples.Span.SequenceEqual(background.Samples.Span));
                if (!labelled.Scenario.Contains("glitches", StringComparison.Ordinal) || labelled.Scenario.Contains("(clipped)", StringComparison.Ordinal))
                {
                    continue;
                }
                // The background's sharpest sample-to-sample jump is a glitch's; drawn with the same random
                // choices, the labelled window jumps there too (same sign, at least half as far, unless the
                // event happens to be as sharp at that sample).
                var a = labelled.Samples.Span;
                var b = background.Samples.Span;
                var at = 1;
                for (var i = 1; i < b.Length; i++)
                {
                    if (i % labelled.SamplesPerComponent != 0 && Math.Abs(b[i] - b[i - 1]) > Math.Abs(b[at] - b[at - 1]))
                    {
                        at = i;
                    }
                }
                glitchy++;
                var jump = b[at] - b[at - 1];
                if (Math.Sign(a[at] - a[at - 1]) == Math.Sign(jump) && Math.Abs(a[at] - a[at - 1]) >= 0.5 * Math.Abs(jump))
                {
                    aligned++;
                }
            }
        }
        Assert.True(glitchy >= 15, $"only {glitchy} glitchy events among the seeds");
        Assert.True(aligned >= 0.9 * glitchy, $"{aligned} of {glitchy} glitchy events keep their background's sharpest jump");
    }

    [Fact]
    public void SeedsCoverEveryNoiseKindAndTheScenariosTheIssueNames()
    {
        var scenarios = new List<string>();
        var kinds = new HashSet<FieldNoiseKind>();
        for (ulong seed = 1; seed <= 60; seed++)
        {
            foreach (var kind in new[] { DietClass.Earthquake, DietClass.Tremor, DietClass.Noise })
            {
                var window = SyntheticTrainingWindow.Generate(kind, seed, 50, 5);
                scenarios.Add(window.Scenario);
                kinds.Add(window.NoiseKind);
            }
        }
        Assert.Equal(3, kinds.Count);
        foreach (var part in new[] { "micro-earthquake", "strong near earthquake", "(clipped)", "coda from the previous minute", "continuous tremor", "bursty tremor", "with a small earthquake", "noise with glitches", "ocean-bottom", "town", "land" })
        {
            Assert.Contains(scenarios, s => s.Contains(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OceanBottomNoiseHasAMicroseismOfMicrometresPerSecondAndTiltOnTheHorizontals()
    {
        // The first ocean-bottom noise window without glitches among the first seeds.
        var window = Enumerable.Range(1, 200).Select(s => SyntheticTrainingWindow.Generate(DietClass.Noise, (ulong)s))
            .First(w => w.NoiseKind == FieldNoiseKind.OceanBottom && !w.Scenario.Contains("glitches", StringComparison.Ordinal));
        var n = window.SamplesPerComponent;
        var rms = new double[3];
        for (var c = 0; c < 3; c++)
        {
            var x = window.Samples.Span.Slice(c * n, n);
            var mean = 0.0;
            foreach (var v in x)
            {
                mean += v / n;
            }
            var sum = 0.0;
            foreach (var v in x)
            {
                sum += (v - mean) * (v - mean);
            }
            rms[c] = Math.Sqrt(sum / n);
        }
        // Microseism 1-5 um/s plus tilt, each component with a gain of 0.5-2.
        foreach (var value in rms)
        {
            Assert.InRange(value, 0.3e-6, 4e-5);
        }
        // Tilt and infragravity noise are 2-10 times stronger on the horizontals.
        Assert.True(Math.Max(rms[0], rms[1]) > rms[2], $"{rms[0]:G3} {rms[1]:G3} {rms[2]:G3}");
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<InvalidParameterException>(() => SyntheticTrainingWindow.Generate(DietClass.Noise, 1, 30));
        Assert.Throws<InvalidParameterException>(() => SyntheticTrainingWindow.Generate(DietClass.Noise, 1, 100, -1));
        Assert.Throws<InvalidParameterException>(() => SyntheticTrainingWindow.Generate(DietClass.Noise, 1, 100.005)); // 10,000.5 samples
        Assert.Throws<InvalidParameterException>(() => SyntheticTrainingWindow.Generate((DietClass)9, 1));
    }
}
