using ScottPlot;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// Pictures of DiET spectrograms: a figure title above three panels VX, VY, VZ side by side, time (s)
/// across, frequency (Hz) up with 2 Hz at the bottom, one shared colour bar for the scaled power: log10
/// of the power spectral density over the top 4 decades of the station-minute (METHOD.md 1: 0 is 4 decades
/// below the station-minute's largest value or lower, 1 its largest value).
/// </summary>
public static class SpectrogramPlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 1500;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 500;

    /// <summary>The colour bar's label: what the [0, 1] values are.</summary>
    public const string ColourBarLabel = "log10 PSD, top 4 decades, scaled 0-1";

    private const float TitleBand = 36, TitleFontSize = 16;

    /// <summary>Draws one station-minute's spectrogram and writes it as a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="spectrogram">[73, 71, 3] values (index (f x 71 + t) x 3 + c), as <see cref="DietSpectrogram"/> makes them.</param>
    /// <param name="title">The figure title above the three panels (station, minute, ...); null for none.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="InvalidParameterException">The spectrogram does not hold 15,549 values, or the picture is smaller than 200 x 200 pixels.</exception>
    public static void SavePng(string path, ReadOnlySpan<float> spectrogram, string? title = null, int width = DefaultWidth, int height = DefaultHeight)
    {
        var bytes = RenderPng(spectrogram, title, width, height);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws one station-minute's spectrogram as PNG bytes.</summary>
    /// <param name="spectrogram">[73, 71, 3] values (index (f x 71 + t) x 3 + c).</param>
    /// <param name="title">The figure title above the three panels; null for none.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">The spectrogram does not hold 15,549 values, or the picture is smaller than 200 x 200 pixels.</exception>
    public static byte[] RenderPng(ReadOnlySpan<float> spectrogram, string? title = null, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (spectrogram.Length != SpectrogramParameters.ValueCount)
        {
            throw new InvalidParameterException(nameof(spectrogram), $"a spectrogram has 73 x 71 x 3 = {SpectrogramParameters.ValueCount} values, got {spectrogram.Length}");
        }
        PlotChecks.Size(width, height);
        var frequencies = SpectrogramParameters.FrequencyAxis;
        var times = SpectrogramParameters.TimeAxis;
        var halfStep = SpectrogramParameters.FrequencyStep / 2;
        var halfHop = SpectrogramParameters.HopSeconds / 2;
        var multiplot = new ScottPlot.Multiplot();
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
        {
            // Heatmap rows run top to bottom: the highest frequency goes in row 0.
            var intensities = new double[SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount];
            for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
            {
                for (var t = 0; t < SpectrogramParameters.TimeCount; t++)
                {
                    intensities[SpectrogramParameters.FrequencyCount - 1 - f, t] = spectrogram[SpectrogramParameters.IndexOf(f, t, c)];
                }
            }
            var plot = new ScottPlot.Plot();
            var heatmap = plot.Add.Heatmap(intensities);
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            heatmap.ManualRange = new ScottPlot.Range(0, 1);
            heatmap.Extent = new ScottPlot.CoordinateRect(
                times[0] - halfHop, times[times.Count - 1] + halfHop,
                frequencies[0] - halfStep, frequencies[frequencies.Count - 1] + halfStep);
            plot.Axes.SetLimits(times[0] - halfHop, times[times.Count - 1] + halfHop, frequencies[0] - halfStep, frequencies[frequencies.Count - 1] + halfStep);
            plot.Title(SpectrogramParameters.ComponentNames[c]);
            plot.XLabel("Time (s)");
            plot.YLabel("Frequency (Hz)");
            if (c == 0)
            {
                // A new Multiplot holds one empty plot: replace it.
                multiplot.Reset(plot);
            }
            else
            {
                multiplot.AddPlot(plot);
            }
            if (c == SpectrogramParameters.ComponentCount - 1)
            {
                plot.Add.ColorBar(heatmap).Label = ColourBarLabel;
            }
        }
        if (title is null)
        {
            using var plain = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height));
            multiplot.Render(plain.Canvas, new ScottPlot.PixelRect(0, width, height, 0));
            return PngEncoding.Of(plain);
        }
        // The figure title gets a band of its own above the three panels (a panel title would belong to one component):
        // the panels are rendered below the band and copied in (Multiplot.Render into a rectangle of a canvas drew over the band).
        using var panels = multiplot.Render(width, height - (int)TitleBand);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height));
        surface.Canvas.Clear(SkiaSharp.SKColors.White);
        var label = new ScottPlot.LabelStyle { Text = title, FontSize = TitleFontSize, Bold = true, Alignment = ScottPlot.Alignment.MiddleCenter };
        using (var paint = ScottPlot.Paint.NewDisposablePaint())
        {
            label.Render(surface.Canvas, new ScottPlot.Pixel(width / 2f, TitleBand / 2f), paint);
            panels.Render(surface.Canvas, new ScottPlot.PixelRect(0, width, height, TitleBand), paint, false);
        }
        return PngEncoding.Of(surface);
    }
}
