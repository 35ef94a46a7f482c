using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.DietClassifier.Keras;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Benchmarks.DietClassifier;

/// <summary>
/// The Keras route against the PyTorch export of the same network: reading and converting the DiET-shaped
/// Keras 2 .h5 (the stand-in's weights, tests/.../TestData/Keras/diet), and classifying 150 spectrograms
/// (one S-net minute) with the converted model and with the bundled diet-standin-v1.onnx.
/// </summary>
[MemoryDiagnoser]
public class KerasModelBenchmarks
{
    private const string KerasFile = "diet-standin-keras2.h5";

    private byte[] _kerasBytes = null!;
    private DietModel _model = null!;
    private float[] _spectrograms = null!;
    private float[] _probabilities = null!;

    /// <summary>Which ONNX model classifies: the PyTorch export or the converted Keras file.</summary>
    [Params("pytorch-export", "keras-converted")]
    public string Model { get; set; } = "pytorch-export";

    [GlobalSetup]
    public void Setup()
    {
        _kerasBytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, KerasFile));
        _model = Model == "pytorch-export" ? DietModel.LoadBundled() : DietModel.LoadKeras(KerasModel.Read(new MemoryStream(_kerasBytes), KerasFile));
        const int Count = 150;
        var random = new Random(7);
        _spectrograms = new float[Count * SpectrogramParameters.ValueCount];
        for (var i = 0; i < _spectrograms.Length; i++)
        {
            _spectrograms[i] = (float)random.NextDouble();
        }
        _probabilities = new float[Count * DietModel.ClassCount];
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    /// <summary>Read the .h5 (in memory) with PureHDF, build the graph and write the ONNX bytes.</summary>
    [Benchmark]
    public int ReadAndConvert() => KerasModel.Read(new MemoryStream(_kerasBytes), KerasFile).OnnxSize;

    /// <summary>150 spectrograms through the model chosen by <see cref="Model"/>.</summary>
    [Benchmark]
    public float Classify150()
    {
        _model.PredictBatch(_spectrograms, _probabilities);
        return _probabilities[0];
    }
}
