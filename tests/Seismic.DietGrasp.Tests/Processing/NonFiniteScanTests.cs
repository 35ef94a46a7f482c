using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// <see cref="ChannelBuffer.FindNonFinite"/>, which passes over whole vectors of finite samples (issue #18), finds the
/// same runs as the sample-at-a-time loop it replaced: NaN and infinite samples alone, in runs, at vector edges, at
/// the ends, next to and inside missing ranges (whose NaN are "no data", not non-finite samples).
/// </summary>
public class NonFiniteScanTests
{
    [Fact]
    public void FindsTheRunsTheSampleLoopFinds()
    {
        var random = new Random(18);
        for (var trial = 0; trial < 2000; trial++)
        {
            var length = random.Next(0, 200);
            var samples = Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();
            var bad = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity };
            for (var k = random.Next(0, 6); k > 0 && length > 0; k--)
            {
                var start = random.Next(length);
                var count = Math.Min(length - start, random.Next(1, 6));
                samples.AsSpan(start, count).Fill(bad[random.Next(3)]);
            }
            var missing = new List<SampleRange>();
            for (var at = random.Next(0, 40); at < length; at += random.Next(5, 60))
            {
                var count = Math.Min(length - at, random.Next(1, 20));
                missing.Add(new SampleRange(at, count));
                samples.AsSpan(at, count).Fill(double.NaN);
                at += count;
            }
            var found = new List<SampleRange>();
            ChannelBuffer.FindNonFinite(samples, missing, found);
            Assert.Equal(SampleLoop(samples, missing), found);
        }
    }

    /// <summary>The loop as it was: every sample looked at on its own.</summary>
    private static List<SampleRange> SampleLoop(ReadOnlySpan<double> samples, IReadOnlyList<SampleRange> missing)
    {
        var found = new List<SampleRange>();
        var gap = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var value = samples[i];
            if (!double.IsNaN(value) && !double.IsInfinity(value))
            {
                continue;
            }
            while (gap < missing.Count && missing[gap].End <= i)
            {
                gap++;
            }
            if (gap < missing.Count && missing[gap].Start <= i)
            {
                i = missing[gap].End - 1;
                continue;
            }
            if (found.Count > 0 && found[^1].End == i)
            {
                found[^1] = new SampleRange(found[^1].Start, found[^1].Count + 1);
            }
            else
            {
                found.Add(new SampleRange(i, 1));
            }
        }
        return found;
    }
}
