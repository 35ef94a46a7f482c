using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Benchmarks.Spectrogram;

/// <summary>
/// One station-minute and a batch of 1,000 at 100 Hz (the same white-noise minutes as
/// tools/bench/spectrogram_scipy.py times with scipy). Compare the batch median with the script's.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DietSpectrogramBenchmarks
{
    private const int BatchSize = 1000;
    private readonly SpectrogramParameters _parameters = SpectrogramParameters.SNet;
    private double[] _waveforms = Array.Empty<double>();
    private float[] _destination = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _waveforms = new double[BatchSize * _parameters.SamplesPerStationMinute];
        for (var i = 0; i < _waveforms.Length; i++)
        {
            // Box-Muller normal noise, like numpy's standard_normal.
            _waveforms[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }
        _destination = new float[BatchSize * SpectrogramParameters.ValueCount];
    }

    /// <summary>One station-minute [3, 6000] into the caller's buffer, on one thread.</summary>
    [Benchmark]
    public void OneStationMinute() =>
        DietSpectrogram.Compute(_waveforms.AsSpan(0, _parameters.SamplesPerStationMinute), _parameters, _destination);

    /// <summary>The same with the transforms in float32 (<see cref="SpectrogramPrecision.Single"/>, <c>run</c>'s default after the high-pass).</summary>
    [Benchmark]
    public void OneStationMinuteSingle() =>
        DietSpectrogram.Compute(_waveforms.AsSpan(0, _parameters.SamplesPerStationMinute), _parameters, _destination, SpectrogramPrecision.Single);

    /// <summary>1,000 station-minutes [1000, 3, 6000] in parallel on all cores.</summary>
    [Benchmark]
    public void BatchOf1000() => DietSpectrogram.ComputeBatch(_waveforms, _parameters, _destination);
}
