using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Checks a Keras model against the DiET contract on its declared shapes, before any ONNX session exists.</summary>
internal static class KerasDietContract
{
    public static void Check(KerasModel model)
    {
        var inputs = model.Inputs;
        var outputs = model.Outputs;
        var fits = inputs.Count == 1 && outputs.Count == 1
            && Fits(inputs[0].OutputShape, SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount)
            && Fits(outputs[0].OutputShape, DietModel.ClassCount);
        if (!fits)
        {
            static string Describe(IEnumerable<KerasLayerInfo> layers) =>
                string.Join(", ", layers.Select(layer => $"'{layer.Name}' {KerasLayerInfo.FormatShape(layer.OutputShape)}"));
            throw new ModelContractException($"{model.Source}: the Keras model has input {Describe(inputs)} and output {Describe(outputs)}; {DietModel.ContractDescription}");
        }
    }

    // Keras leaves the batch axis open (None); the other axes must be the DiET sizes or open.
    private static bool Fits(IReadOnlyList<int?> shape, params int[] expected) =>
        shape.Count == expected.Length + 1
        && expected.Select((size, i) => shape[i + 1] is null || shape[i + 1] == size).All(ok => ok);
}
