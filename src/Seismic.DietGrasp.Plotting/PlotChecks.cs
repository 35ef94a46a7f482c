namespace Seismic.DietGrasp.Plotting;

internal static class PlotChecks
{
    public const int MinimumSide = 200;

    /// <summary>Checks a picture's size, and that drawing is possible at all: every picture passes here before ScottPlot is touched.</summary>
    public static void Size(int width, int height)
    {
        if (width < MinimumSide || height < MinimumSide)
        {
            throw new InvalidParameterException(nameof(width), $"the picture must be at least {MinimumSide} x {MinimumSide} pixels, got {width} x {height}");
        }
        NativeGraphics.EnsureAvailable();
    }
}
