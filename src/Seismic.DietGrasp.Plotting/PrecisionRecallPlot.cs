using System.Globalization;
using ScottPlot;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The precision-recall curves of a <see cref="DietEvaluation"/>: one line per class (one against the rest,
/// every distinct probability a threshold), recall across, precision up, the average precision in the legend.
/// A class without a labelled minute has no curve.
/// </summary>
public static class PrecisionRecallPlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 700;

    /// <summary>Draws the curves and writes a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="evaluation">The scores.</param>
    /// <param name="title">Shown above the picture.</param>
    public static void SavePng(string path, DietEvaluation evaluation, string title)
    {
        var bytes = RenderPng(evaluation, title);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws the curves as PNG bytes.</summary>
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
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var kind in DietEvaluation.Classes)
        {
            var metrics = evaluation[kind];
            if (metrics.PrecisionRecallCurve.Count == 0)
            {
                continue;
            }
            // Start at recall 0 with the first point's precision, as the curve is usually drawn.
            var recall = new[] { 0.0 }.Concat(metrics.PrecisionRecallCurve.Select(p => p.Recall)).ToArray();
            var precision = new[] { metrics.PrecisionRecallCurve[0].Precision }.Concat(metrics.PrecisionRecallCurve.Select(p => p.Precision)).ToArray();
            var line = plot.Add.Scatter(recall, precision, palette.GetColor((int)kind));
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.ConnectStyle = ConnectStyle.StepVertical;
            line.LegendText = string.Format(CultureInfo.InvariantCulture, "{0} (AP {1:F3}, n = {2})", DietEvaluation.ClassName(kind), metrics.AveragePrecision, metrics.Support);
        }
        plot.Title(title);
        plot.XLabel("Recall");
        plot.YLabel("Precision");
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        using var image = plot.GetImage(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }
}
