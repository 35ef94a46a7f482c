using ScottPlot;

namespace Seismic.DietGrasp.Plotting;

/// <summary>Text extents as ScottPlot will draw them (same font machinery), for layouts computed before drawing.</summary>
internal static class TextSize
{
    private static readonly object Gate = new();

    public static (float Width, float Height) Measure(string text, float fontSize, bool bold = false)
    {
        lock (Gate)
        {
            var style = new LabelStyle { Text = text, FontSize = fontSize, Bold = bold };
            using var paint = Paint.NewDisposablePaint();
            var size = style.Measure(paint).Size;
            return (size.Width, size.Height);
        }
    }
}
