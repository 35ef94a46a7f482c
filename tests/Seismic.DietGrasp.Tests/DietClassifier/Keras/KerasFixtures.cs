using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Seismic.DietGrasp.DietClassifier.Keras;
using Seismic.DietGrasp.IO;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier.Keras;

/// <summary>The Keras fixtures (tools/keras/make_fixtures.py) and a check of a converted model against the numpy reference.</summary>
internal static class KerasFixtures
{
    /// <summary>The tolerance of the issue: converted ONNX (float32, ONNX Runtime) against numpy (float64).</summary>
    public const double Tolerance = 1e-5;

    public static string Path(params string[] parts) => TestPaths.TestData(new[] { "Keras" }.Concat(parts).ToArray());

    /// <summary>Case names of a fixture folder: every NAME with NAME.input.npy and NAME.expected.npy.</summary>
    public static TheoryData<string> Cases(string folder) => new(CaseNames(folder));

    /// <summary>The case names of a fixture folder, sorted.</summary>
    public static string[] CaseNames(string folder) =>
        Directory.GetFiles(Path(folder), "*.expected.npy")
            .Select(file => System.IO.Path.GetFileName(file).Replace(".expected.npy", string.Empty, StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Runs the converted model on NAME.input.npy and returns the largest |difference| from NAME.expected.npy.</summary>
    public static double MaxDifference(KerasModel model, string folder, string name)
    {
        var input = Npy.ReadFloat32(Path(folder, name + ".input.npy"));
        var expected = Npy.ReadFloat32(Path(folder, name + ".expected.npy"));
        var (values, shape) = Run(model.ToOnnx(), input.Data, input.Shape);
        Assert.Equal(expected.Shape, shape);
        var declared = model.Outputs[0].OutputShape;
        Assert.Equal(declared.Count, shape.Length);
        for (var i = 1; i < shape.Length; i++)
        {
            Assert.True(declared[i] is null || declared[i] == shape[i], $"declared output {KerasLayerInfo.FormatShape(declared)}, ran [{string.Join(", ", shape)}]");
        }
        return values.Zip(expected.Data, (a, b) => Math.Abs((double)a - b)).Max();
    }

    /// <summary>One run of an ONNX model with a single float input through ONNX Runtime.</summary>
    public static (float[] Values, int[] Shape) Run(byte[] onnx, float[] input, IReadOnlyList<int> inputShape)
    {
        using var session = new InferenceSession(onnx);
        var tensor = new DenseTensor<float>(input, inputShape.ToArray());
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), tensor) });
        var output = results.First().AsTensor<float>();
        return (output.ToArray(), output.Dimensions.ToArray());
    }
}
