using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Benchmarks.Processing;

/// <summary>
/// The arithmetic of cutting a 100 Hz station-hour's 60 minutes (issue #18): each component-minute's sum, then its
/// samples less the mean, scaled, into the minute buffer. <see cref="CutMinutesOfStationHour"/> as the run does it
/// (<see cref="StationHourClassifier.SumInOrder"/>, <see cref="StationHourClassifier.RemoveMeanAndScale"/>),
/// <see cref="CutMinutesPlainLoops"/> as it did before, one sum after the other and one sample at a time.
/// </summary>
[MedianColumn]
public class MinuteCutBenchmarks
{
    private const int PerMinute = 6000;
    private readonly double[][] _hour = new double[3][];
    private readonly double[] _minute = new double[3 * PerMinute];
    private readonly double[] _sums = new double[3];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(18);
        for (var c = 0; c < 3; c++)
        {
            _hour[c] = Enumerable.Range(0, 60 * PerMinute).Select(_ => random.NextDouble() - 0.5).ToArray();
        }
    }

    [Benchmark]
    public double CutMinutesOfStationHour()
    {
        for (var m = 0; m < 60; m++)
        {
            var offset = m * PerMinute;
            StationHourClassifier.SumInOrder(_hour[0].AsSpan(offset, PerMinute), _hour[1].AsSpan(offset, PerMinute), _hour[2].AsSpan(offset, PerMinute), _sums);
            for (var c = 0; c < 3; c++)
            {
                StationHourClassifier.RemoveMeanAndScale(_hour[c].AsSpan(offset, PerMinute), _sums[c] / PerMinute, 1e-9, _minute.AsSpan(c * PerMinute, PerMinute));
            }
        }
        return _minute[0];
    }

    [Benchmark(Baseline = true)]
    public double CutMinutesPlainLoops()
    {
        for (var m = 0; m < 60; m++)
        {
            var offset = m * PerMinute;
            for (var c = 0; c < 3; c++)
            {
                var samples = _hour[c].AsSpan(offset, PerMinute);
                var sum = 0.0;
                foreach (var sample in samples)
                {
                    sum += sample;
                }
                var mean = sum / PerMinute;
                var target = _minute.AsSpan(c * PerMinute, PerMinute);
                for (var i = 0; i < PerMinute; i++)
                {
                    target[i] = (samples[i] - mean) * 1e-9;
                }
            }
        }
        return _minute[0];
    }
}
