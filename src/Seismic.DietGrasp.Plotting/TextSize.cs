using ScottPlot;

namespace Seismic.DietGrasp.Plotting;

/// <summary>Text extents as ScottPlot will draw them (same font machinery), for layouts computed before drawing.</summary>
internal static class TextSize
{
    private static readonly object Gate = new();

    // One paint and style for every measurement: a new Paint per call (typeface lookup included) made the
    // timeline's ~250 measurements of an S-net day a visible share of its drawing time.
    private static readonly Paint SharedPaint = Paint.NewDisposablePaint();
    private static readonly LabelStyle Style = new();

    public static (float Width, float Height) Measure(string text, float fontSize, bool bold = false)
    {
        lock (Gate)
        {
            Style.FontSize = fontSize;
            Style.Bold = bold;
            var size = Style.Measure(text, SharedPaint).Size;
            return (size.Width, size.Height);
        }
    }
}
