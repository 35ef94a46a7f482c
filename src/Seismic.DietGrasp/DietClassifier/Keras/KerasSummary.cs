using System.Globalization;
using System.Text;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>The layer table of <see cref="KerasModel.Summary"/>.</summary>
internal static class KerasSummary
{
    public static string Format(KerasModel model)
    {
        var rows = model.Layers.Select(layer => new[]
        {
            $"{layer.Name} ({layer.ClassName})",
            KerasLayerInfo.FormatShape(layer.OutputShape),
            layer.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
            string.Join(", ", layer.Inbound),
        }).ToList();
        var header = new[] { "Layer (type)", "Output shape", "Params", "Inputs" };
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) =>
            text.Append(string.Join("  ", cells.Select((cell, c) => c == 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        var rule = new string('-', widths.Sum() + (2 * (widths.Length - 1)));
        text.Append($"Keras model {model.Source} ({model.Format}{(model.KerasVersion.Length > 0 ? ", Keras " + model.KerasVersion : string.Empty)})\n");
        text.Append(rule).Append('\n');
        Line(header);
        text.Append(rule).Append('\n');
        rows.ForEach(Line);
        text.Append(rule).Append('\n');
        foreach (var input in model.Inputs)
        {
            text.Append($"input:  {input.Name} {KerasLayerInfo.FormatShape(input.OutputShape)}\n");
        }
        foreach (var output in model.Outputs)
        {
            text.Append($"output: {output.Name} {KerasLayerInfo.FormatShape(output.OutputShape)}\n");
        }
        text.Append($"parameters: {model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)}; ONNX (opset 17): {model.OnnxSize.ToString("N0", CultureInfo.InvariantCulture)} bytes\n");
        return text.ToString();
    }
}
