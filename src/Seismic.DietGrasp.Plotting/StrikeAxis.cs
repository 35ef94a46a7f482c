namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The network's strike: a horizontal direction (azimuth, degrees clockwise from north, in [0, 180))
/// and each position's distance along it from the network's centre, in km on a local flat map
/// (x east = Δlongitude·cos(latitude)·111.195 km, y north = Δlatitude·111.195 km).
/// By default the principal axis of the station positions (the direction of their largest spread),
/// which for a trench-parallel network such as S-net is the trench's strike.
/// </summary>
public sealed class StrikeAxis
{
    private readonly double _longitude0;
    private readonly double _latitude0;
    private readonly double _xScale;
    private readonly double _sin;
    private readonly double _cos;

    private StrikeAxis(double longitude0, double latitude0, double azimuth)
    {
        _longitude0 = longitude0;
        _latitude0 = latitude0;
        _xScale = Math.Cos(latitude0 * Math.PI / 180);
        Azimuth = azimuth;
        _sin = Math.Sin(azimuth * Math.PI / 180);
        _cos = Math.Cos(azimuth * Math.PI / 180);
    }

    /// <summary>The strike's azimuth, degrees clockwise from north, in [0, 180): distances grow towards it.</summary>
    public double Azimuth { get; }

    /// <summary>The axis through the network's centre, along <paramref name="azimuth"/> when given, else along the principal axis of the stations.</summary>
    /// <param name="stations">The network.</param>
    /// <param name="azimuth">A strike azimuth in degrees (any value; folded into [0, 180)), or null for the principal axis.</param>
    /// <returns>The axis.</returns>
    /// <exception cref="InvalidParameterException">The azimuth is not finite.</exception>
    public static StrikeAxis Of(Stations.StationNetwork stations, double? azimuth = null)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        if (azimuth is { } given && (double.IsNaN(given) || double.IsInfinity(given)))
        {
            throw new InvalidParameterException(nameof(azimuth), $"{given}; expected a finite azimuth in degrees");
        }
        var longitude0 = stations.Longitudes.Average();
        var latitude0 = stations.Latitudes.Average();
        var xScale = Math.Cos(latitude0 * Math.PI / 180);
        double strike;
        if (azimuth is { } a)
        {
            strike = a;
        }
        else
        {
            double sxx = 0, syy = 0, sxy = 0;
            for (var s = 0; s < stations.Count; s++)
            {
                var x = (stations.Longitudes[s] - longitude0) * xScale;
                var y = stations.Latitudes[s] - latitude0;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
            }
            // Major axis of the 2 x 2 covariance: angle from east is atan2(2 sxy, sxx - syy) / 2; azimuth is 90° minus it.
            strike = 90 - (Math.Atan2(2 * sxy, sxx - syy) * 90 / Math.PI);
        }
        strike %= 180;
        if (strike < 0)
        {
            strike += 180;
        }
        return new StrikeAxis(longitude0, latitude0, Math.Round(strike, 6) % 180);
    }

    /// <summary>Distance along the strike from the network's centre, km (negative behind the centre).</summary>
    /// <param name="latitude">Degrees.</param>
    /// <param name="longitude">Degrees.</param>
    /// <returns>Kilometres.</returns>
    public double Distance(double latitude, double longitude)
    {
        var east = (longitude - _longitude0) * _xScale * MapFrame.KilometresPerDegree;
        var north = (latitude - _latitude0) * MapFrame.KilometresPerDegree;
        return (east * _sin) + (north * _cos);
    }

    /// <summary>The direction in which distances grow, as a bearing: N25°E, S40°E.</summary>
    /// <returns>The bearing.</returns>
    public string Bearing() => Azimuth <= 90
        ? FormattableString.Invariant($"N{Azimuth:0}°E")
        : FormattableString.Invariant($"S{180 - Azimuth:0}°E");
}
