using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Benchmarks.Processing;

/// <summary>
/// The look for NaN and infinite samples in a 100 Hz station-hour's three windows (364,000 samples each with the
/// high-pass's margins, all finite, no gap), as the run does it before filtering (issue #18):
/// <see cref="ChannelBuffer.FindNonFinite"/>, a vector of finite samples at a time, against the sample loop it replaced.
/// </summary>
[MedianColumn]
public class NonFiniteScanBenchmarks
{
    private readonly double[][] _windows = new double[3][];
    private readonly List<SampleRange> _found = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(18);
        for (var c = 0; c < 3; c++)
        {
            _windows[c] = Enumerable.Range(0, 364_000).Select(_ => Math.Round((random.NextDouble() - 0.5) * 1000)).ToArray();
        }
    }

    [Benchmark]
    public int ScanStationHour()
    {
        var found = 0;
        foreach (var window in _windows)
        {
            ChannelBuffer.FindNonFinite(window, Array.Empty<SampleRange>(), _found);
            found += _found.Count;
        }
        return found;
    }

    [Benchmark(Baseline = true)]
    public int ScanStationHourSampleLoop()
    {
        var found = 0;
        foreach (var window in _windows)
        {
            for (var i = 0; i < window.Length; i++)
            {
                if (double.IsNaN(window[i]) || double.IsInfinity(window[i]))
                {
                    found++;
                }
            }
        }
        return found;
    }
}
