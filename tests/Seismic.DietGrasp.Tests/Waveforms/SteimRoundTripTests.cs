using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Waveforms;

public class SteimRoundTripTests
{
    /// <summary>Random differences of every Steim2 width, up to the 30-bit limits, pack and decode back exactly.</summary>
    [Fact]
    public void EveryDifferenceWidthDecodesExactly()
    {
        var random = new Random(11);
        int[] widths = { 4, 5, 6, 8, 10, 15, 30 };
        var samples = new int[50_000];
        for (var i = 1; i < samples.Length; i++)
        {
            var bits = widths[random.Next(widths.Length)];
            var limit = 1 << (bits - 1);
            var difference = random.Next(4) == 0 ? (random.Next(2) == 0 ? -limit : limit - 1) : random.Next(-limit, limit);
            if (Math.Abs((long)samples[i - 1] + difference) >= 1 << 30)
            {
                difference = -Math.Sign(samples[i - 1]) * random.Next(limit); // turn back towards zero
            }
            samples[i] = samples[i - 1] + difference;
        }
        var start = new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        var path = Path.Combine(TestPaths.NewScratchFolder(), "steim2.mseed");
        File.WriteAllBytes(path, Steim2Writer.Write(samples, start, 100));

        var trace = WaveformFile.ReadSingleTrace(path);
        Assert.Equal(start, trace.StartTime);
        Assert.Equal(samples.Select(value => (double)value), trace.Samples.ToArray());
    }
}
