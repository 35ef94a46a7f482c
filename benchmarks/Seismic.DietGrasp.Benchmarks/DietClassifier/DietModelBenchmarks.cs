using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.Benchmarks.DietClassifier;

/// <summary>
/// The bundled stand-in model with the default options (runs of 16 spectrograms side by side on the
/// machine's 2 cores; tools/bench/diet_torch.py gives PyTorch 2 threads too): batches of 1, 150 (one
/// S-net minute) and 1,024 spectrograms, and spectrogram plus classification from waveforms for one
/// S-net minute (150 station-minutes).
/// </summary>
[MemoryDiagnoser]
public class DietModelBenchmarks
{
    private const int Stations = 150;

    private DietModel _model = null!;
    private float[] _spectrograms = null!;
    private float[] _probabilities = null!;
    private double[] _waveforms = null!;
    private float[] _minuteSpectrograms = null!;
    private float[] _minuteProbabilities = null!;

    /// <summary>Spectrograms per call.</summary>
    [Params(1, 150, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = DietModel.LoadBundled();
        var parameters = SpectrogramParameters.SNet;
        _waveforms = new double[Stations * parameters.SamplesPerStationMinute];
        for (var station = 0; station < Stations; station++)
        {
            SyntheticStationMinute.Generate((DietClass)(station % 3), (ulong)station + 1).Samples.Span
                .CopyTo(_waveforms.AsSpan(station * parameters.SamplesPerStationMinute));
        }
        _minuteSpectrograms = DietSpectrogram.ComputeBatch(_waveforms, parameters);
        _minuteProbabilities = new float[Stations * DietModel.ClassCount];
        _spectrograms = new float[Batch * SpectrogramParameters.ValueCount];
        for (var i = 0; i < Batch; i++)
        {
            _minuteSpectrograms.AsSpan((i % Stations) * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount)
                .CopyTo(_spectrograms.AsSpan(i * SpectrogramParameters.ValueCount));
        }
        _probabilities = new float[Batch * DietModel.ClassCount];
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    /// <summary>Classification only, into a reused output buffer.</summary>
    [Benchmark]
    public float Classify()
    {
        _model.PredictBatch(_spectrograms, _probabilities);
        return _probabilities[0];
    }

    /// <summary>One S-net minute from waveforms: 150 spectrograms, then one classification batch (independent of <see cref="Batch"/>).</summary>
    [Benchmark(OperationsPerInvoke = Stations)]
    public float SpectrogramAndClassifyPerStationMinute()
    {
        DietSpectrogram.ComputeBatch(_waveforms, SpectrogramParameters.SNet, _minuteSpectrograms);
        _model.PredictBatch(_minuteSpectrograms, _minuteProbabilities);
        return _minuteProbabilities[0];
    }
}
