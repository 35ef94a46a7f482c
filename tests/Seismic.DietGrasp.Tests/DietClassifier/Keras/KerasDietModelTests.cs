using System.Diagnostics;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.DietClassifier.Keras;
using Seismic.DietGrasp.IO;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier.Keras;

/// <summary>
/// DiET-shaped Keras files (the stand-in network's weights, written by h5py as Keras 2 .h5 and Keras 3
/// .keras): converted in memory by <see cref="DietModel.LoadKeras(string, DietModelOptions?)"/>, they give the
/// numpy reference and the bundled PyTorch export's probabilities.
/// </summary>
public sealed class KerasDietModelTests
{
    [Theory]
    [InlineData("diet-standin-keras2.h5")]
    [InlineData("diet-standin-keras3.keras")]
    public void DietShapedKerasFileGivesTheNumpyAndPyTorchProbabilities(string file)
    {
        var input = Npy.ReadFloat32(KerasFixtures.Path("diet", "diet.input.npy")).Data;
        var expected = Npy.ReadFloat32(KerasFixtures.Path("diet", "diet.expected.npy")).Data;
        using var keras = DietModel.LoadKeras(KerasFixtures.Path("diet", file));
        using var pytorch = DietModel.LoadBundled(DietModelVersion.StandInV1); // the network the Keras files hold
        var fromKeras = Flatten(keras.PredictBatch(input));
        var fromPyTorch = Flatten(pytorch.PredictBatch(input));
        Assert.True(MaxDifference(fromKeras, expected) <= KerasFixtures.Tolerance, $"numpy: {MaxDifference(fromKeras, expected):E2}");
        Assert.True(MaxDifference(fromKeras, fromPyTorch) <= KerasFixtures.Tolerance, $"PyTorch export: {MaxDifference(fromKeras, fromPyTorch):E2}");
        Assert.False(keras.IsBundledStandIn);
        Assert.Contains("converted from Keras", keras.Description, StringComparison.Ordinal);
        // The original README's examples: all ones -> noise; power only in 2-8 Hz -> tremor.
        Assert.Equal(DietClass.Noise, keras.PredictBatch(input)[1].MostLikely);
        Assert.Equal(DietClass.Tremor, keras.PredictBatch(input)[2].MostLikely);
    }

    [Fact]
    public void ModelThatIsNotDietShapedIsRefusedWithTheContractError()
    {
        var error = Assert.Throws<ModelContractException>(() => DietModel.LoadKeras(KerasFixtures.Path("real", "xor_model.h5")));
        Assert.Contains("'dense_1_input' (None, 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[N, 73, 71, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnnxRuntimeRunsTheSameOperatorsAsForThePyTorchExport()
    {
        // Speed parity, independent of the load on the machine: after ONNX Runtime's optimisations the
        // converted Keras model (ZeroPadding2D folded into the convolutions, MatMul + Add into Gemm) is
        // the very operator list of the PyTorch export of the same network.
        var folder = TestPaths.NewScratchFolder();
        var keras = KerasModel.Read(KerasFixtures.Path("diet", "diet-standin-keras2.h5")).ToOnnx();
        using var resource = typeof(DietModel).Assembly.GetManifestResourceStream("Seismic.DietGrasp.onnx.diet-standin-v1.onnx")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        var pytorch = copy.ToArray();
        var optimised = new List<List<string>>();
        foreach (var (name, bytes) in new[] { ("keras", keras), ("pytorch", pytorch) })
        {
            var path = Path.Combine(folder, name + ".onnx");
            using (var options = new Microsoft.ML.OnnxRuntime.SessionOptions { GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = path })
            using (new Microsoft.ML.OnnxRuntime.InferenceSession(bytes, options))
            {
            }
            optimised.Add(OnnxOperatorList.Read(File.ReadAllBytes(path)));
        }
        Assert.Equal(optimised[1], optimised[0]);
        Assert.DoesNotContain("Pad", optimised[0]);
        Assert.True(OnnxOperatorList.Read(keras).Count > optimised[0].Count);
    }

    [Fact]
    public void DietSizedConversionTakesWellUnderASecond()
    {
        var path = KerasFixtures.Path("diet", "diet-standin-keras2.h5");
        KerasModel.Read(path);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            KerasModel.Read(path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        // Measured 3-10 ms on the shared 2-core build machine; the issue asks for under a second.
        Assert.True(times[2] < 1000, $"median {times[2]:F1} ms");
    }

    private static float[] Flatten(DietProbabilities[] rows) => rows.SelectMany(p => new[] { p.Earthquake, p.Tremor, p.Noise }).ToArray();

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
}
