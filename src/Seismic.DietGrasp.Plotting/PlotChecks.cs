namespace Seismic.DietGrasp.Plotting;

internal static class PlotChecks
{
    public const int MinimumSide = 200;

    public static void Size(int width, int height)
    {
        if (width < MinimumSide || height < MinimumSide)
        {
            throw new InvalidParameterException(nameof(width), $"the picture must be at least {MinimumSide} x {MinimumSide} pixels, got {width} x {height}");
        }
    }
}
