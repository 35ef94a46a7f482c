namespace Seismic.DietGrasp.Stations;

/// <summary>A station position in a projected system, metres (easting X, northing Y).</summary>
/// <param name="X">Easting, metres.</param>
/// <param name="Y">Northing, metres.</param>
public readonly record struct PlanarPosition(double X, double Y);
