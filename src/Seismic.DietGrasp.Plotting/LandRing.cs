namespace Seismic.DietGrasp.Plotting;

/// <summary>One closed outline of land (longitude, latitude in degrees) with its bounding box.</summary>
internal sealed class LandRing
{
    public LandRing(double[] longitudes, double[] latitudes)
    {
        Longitudes = longitudes;
        Latitudes = latitudes;
        West = longitudes.Min();
        East = longitudes.Max();
        South = latitudes.Min();
        North = latitudes.Max();
    }

    public double[] Longitudes { get; }

    public double[] Latitudes { get; }

    public double West { get; }

    public double East { get; }

    public double South { get; }

    public double North { get; }

    /// <summary>The same ring moved by <paramref name="degrees"/> of longitude.</summary>
    public LandRing Shifted(double degrees) => new(Longitudes.Select(x => x + degrees).ToArray(), Latitudes);
}
