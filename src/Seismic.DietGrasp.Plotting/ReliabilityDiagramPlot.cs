using System.Globalization;
using ScottPlot;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The reliability diagram of a <see cref="DietEvaluation"/>: for each class (one against the rest) and for
/// the confidence (largest probability against being right), the observed frequency of each non-empty bin
/// (15 equal-width bins) against its mean probability, the diagonal of perfect calibration, and the
/// expected calibration error in the legend.
/// </summary>
public static class ReliabilityDiagramPlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 700;

    /// <summary>Draws the diagram and writes a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="evaluation">The scores.</param>
    /// <param name="title">Shown above the picture.</param>
    public static void SavePng(string path, DietEvaluation evaluation, string title)
    {
        var bytes = RenderPng(evaluation, title);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws the diagram as PNG bytes.</summary>
    /// <param name="evaluation">The scores.</param>
    /// <param name="title">Shown above the picture.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">The size is too small.</exception>
    public static byte[] RenderPng(DietEvaluation evaluation, string title, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (evaluation is null)
        {
            throw new ArgumentNullException(nameof(evaluation));
        }
        PlotChecks.Size(width, height);
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var kind in DietEvaluation.Classes)
        {
            Add(plot, evaluation[kind].Reliability, palette.GetColor((int)kind),
                string.Format(CultureInfo.InvariantCulture, "{0} (ECE {1:F3})", DietEvaluation.ClassName(kind), evaluation[kind].ExpectedCalibrationError));
        }
        Add(plot, evaluation.TopLabelReliability, Colors.Black,
            string.Format(CultureInfo.InvariantCulture, "confidence (ECE {0:F3})", evaluation.TopLabelCalibrationError));
        plot.Title(title);
        plot.XLabel(string.Format(CultureInfo.InvariantCulture, "Mean predicted probability ({0} equal-width bins)", DietEvaluation.CalibrationBinCount));
        plot.YLabel("Observed frequency");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        using var image = plot.GetImage(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private static void Add(Plot plot, IReadOnlyList<ReliabilityBin> bins, Color colour, string label)
    {
        var filled = bins.Where(b => b.Count > 0).ToArray();
        if (filled.Length == 0)
        {
            return;
        }
        var line = plot.Add.Scatter(filled.Select(b => b.MeanProbability).ToArray(), filled.Select(b => b.ObservedFrequency).ToArray(), colour);
        line.MarkerSize = 7;
        line.LineWidth = 1.5f;
        line.LegendText = label;
    }
}
