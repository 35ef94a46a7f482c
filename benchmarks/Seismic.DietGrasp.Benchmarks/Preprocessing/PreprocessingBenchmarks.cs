using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Benchmarks.Preprocessing;

/// <summary>
/// The run's preprocessing of one station-hour: the zero-phase 1 Hz high-pass of the three components'
/// windows with their 20 s margins (3 x 364,000 samples at 100 Hz), and the resampling of a 128 Hz
/// station-hour with margins to 125 Hz (3 x 465,920 samples in). Compare with
/// <c>ContinuousProcessingBenchmarks</c>' stages of the same station-hour.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PreprocessingBenchmarks
{
    private readonly ButterworthHighPass _highPass = new(1, 100);
    private readonly PolyphaseResampler _resampler = new(125, 128);
    private double[][] _hour100 = Array.Empty<double[]>();
    private double[][] _hour128 = Array.Empty<double[]>();
    private double[][] _work100 = Array.Empty<double[]>();
    private double[][] _out125 = Array.Empty<double[]>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        double[] Noise(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        _hour100 = Enumerable.Range(0, 3).Select(_ => Noise(3640 * 100)).ToArray();
        _hour128 = Enumerable.Range(0, 3).Select(_ => Noise(3640 * 128)).ToArray();
        _work100 = _hour100.Select(c => new double[c.Length]).ToArray();
        _out125 = _hour128.Select(c => new double[_resampler.OutputLength(c.Length)]).ToArray();
    }

    [Benchmark]
    public double HighPassStationHour()
    {
        for (var c = 0; c < 3; c++)
        {
            _highPass.FilterZeroPhase(_hour100[c], _work100[c]);
        }
        return _work100[0][0];
    }

    [Benchmark]
    public double HighPassStationHourInterleaved()
    {
        for (var c = 0; c < 3; c++)
        {
            _hour100[c].CopyTo(_work100[c], 0);
        }
        _highPass.FilterZeroPhase(_work100[0], _work100[1], _work100[2]);
        return _work100[0][0];
    }

    /// <summary>
    /// The same three from the windows as read into the filter buffers, what <c>run</c> does since issue #18: the
    /// interleaved benchmark above with the copy into the buffer folded into the forward pass (same numbers, tested).
    /// </summary>
    [Benchmark]
    public double HighPassStationHourFromRecord()
    {
        _highPass.FilterZeroPhase(_hour100[0], _hour100[1], _hour100[2], _work100[0], _work100[1], _work100[2]);
        return _work100[0][0];
    }

    [Benchmark]
    public double ResampleStationHour128To125()
    {
        for (var c = 0; c < 3; c++)
        {
            _resampler.Resample(_hour128[c], _out125[c]);
        }
        return _out125[0][0];
    }
}
