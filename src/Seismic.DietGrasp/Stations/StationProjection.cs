using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Seismic.DietGrasp.Stations;

/// <summary>WGS84 (EPSG:4326) to WGS84 / UTM (EPSG:326zz north, 327zz south) with ProjNet.</summary>
internal static class StationProjection
{
    private const double MaximumDegreesFromCentralMeridian = 45;

    public static void CheckSupported(int epsg)
    {
        if (!(epsg is >= 32601 and <= 32660 or >= 32701 and <= 32760))
        {
            throw new InvalidParameterException("EPSG_proj", $"EPSG:{epsg} is not supported; expected a WGS84 / UTM zone, 32601-32660 (north) or 32701-32760 (south)");
        }
    }

    /// <summary>The EPSG code of the WGS84 UTM zone holding a point (standard 6-degree zones, no Norway/Svalbard exceptions).</summary>
    public static int UtmEpsg(double latitude, double longitude)
    {
        var lon = NormaliseLongitude(longitude);
        var zone = Math.Min(60, (int)Math.Floor((lon + 180) / 6) + 1);
        return (latitude >= 0 ? 32600 : 32700) + zone;
    }

    /// <summary>The UTM zone of the stations' centroid (mean of unit vectors, so it is right across the antimeridian).</summary>
    public static int CentroidEpsg(StationNetwork stations)
    {
        double x = 0, y = 0, z = 0;
        for (var i = 0; i < stations.Count; i++)
        {
            var lat = stations.Latitudes[i] * Math.PI / 180;
            var lon = stations.Longitudes[i] * Math.PI / 180;
            x += Math.Cos(lat) * Math.Cos(lon);
            y += Math.Cos(lat) * Math.Sin(lon);
            z += Math.Sin(lat);
        }
        var centroidLat = Math.Atan2(z, Math.Sqrt(x * x + y * y)) * 180 / Math.PI;
        var centroidLon = Math.Atan2(y, x) * 180 / Math.PI;
        return UtmEpsg(centroidLat, centroidLon);
    }

    public static PlanarPosition[] Project(StationNetwork stations, int epsg)
    {
        CheckSupported(epsg);
        var north = epsg < 32700;
        var zone = epsg % 100;
        CheckWithinReach(stations, epsg, zone);
        var utm = ProjectedCoordinateSystem.WGS84_UTM(zone, north);
        var transform = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, utm)
            .MathTransform;
        var result = new PlanarPosition[stations.Count];
        for (var i = 0; i < stations.Count; i++)
        {
            var (x, y) = transform.Transform(NormaliseLongitude(stations.Longitudes[i]), stations.Latitudes[i]);
            result[i] = new PlanarPosition(x, y);
        }
        return result;
    }

    /// <summary>
    /// Transverse Mercator stretches distances by about 1 / cos of the angle from the central meridian and
    /// diverges at 90 degrees: a zone on the other side of the globe (a typo in EPSG_proj) would give a
    /// Graph std in km that means nothing, so it is refused rather than computed.
    /// </summary>
    private static void CheckWithinReach(StationNetwork stations, int epsg, int zone)
    {
        var centralMeridian = zone * 6 - 183;
        for (var i = 0; i < stations.Count; i++)
        {
            var away = Math.Abs(NormaliseLongitude(stations.Longitudes[i] - centralMeridian));
            if (away > MaximumDegreesFromCentralMeridian)
            {
                throw new InvalidParameterException("EPSG_proj",
                    $"station '{stations.Names[i]}' at longitude {stations.Longitudes[i]} lies {away:0.#} degrees from the central meridian ({centralMeridian}) of UTM zone {zone} (EPSG:{epsg}); " +
                    $"transverse Mercator is only usable within {MaximumDegreesFromCentralMeridian} degrees of it; the stations' centroid lies in EPSG:{CentroidEpsg(stations)}");
            }
        }
    }

    private static double NormaliseLongitude(double longitude) => ((longitude + 180) % 360 + 360) % 360 - 180;
}
