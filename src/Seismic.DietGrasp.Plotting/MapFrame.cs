using System.Globalization;
using ScottPlot;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The frame every map shares: longitude across and latitude up scaled by cos(latitude) so that a
/// kilometre is as long across as up, land from the bundled Natural Earth coastline, graticule ticks
/// with hemisphere labels at a step chosen from the extent, and a kilometre scale bar.
/// </summary>
internal sealed class MapFrame
{
    /// <summary>Kilometres per degree of latitude (mean Earth radius 6,371 km).</summary>
    public const double KilometresPerDegree = 111.195;

    private static readonly Color Ocean = new(236, 244, 250);
    private static readonly Color Land = new(238, 234, 222);
    private static readonly Color Coast = new(140, 140, 140);
    private static readonly double[] ScaleLengths = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000 };

    private MapFrame(double west, double east, double south, double north, double xScale, PixelRect dataRect)
    {
        West = west;
        East = east;
        South = south;
        North = north;
        XScale = xScale;
        DataRect = dataRect;
    }

    public double West { get; }

    public double East { get; }

    public double South { get; }

    public double North { get; }

    /// <summary>cos(mean latitude): the length of a degree of longitude relative to one of latitude.</summary>
    public double XScale { get; }

    /// <summary>Where the map is drawn in the picture (pixels), fixed in advance so the map's shape can match it.</summary>
    public PixelRect DataRect { get; }

    /// <summary>The scale bar's length, km.</summary>
    public double ScaleKilometres => ScaleLength((East - West) * XScale * KilometresPerDegree);

    /// <summary>Limits around the points (with a margin) whose shape matches the data rectangle.</summary>
    public static MapFrame Fit(IReadOnlyList<double> longitudes, IReadOnlyList<double> latitudes, PixelRect dataRect)
    {
        var west = longitudes.Min();
        var east = longitudes.Max();
        var south = latitudes.Min();
        var north = latitudes.Max();
        var xScale = Math.Cos((south + north) / 2 * Math.PI / 180);
        // At least 0.1° (11 km) across so that a single station or a tight cluster still shows its surroundings.
        var spanAcross = Math.Max((east - west) * xScale, 0.1) * 1.15;
        var spanUp = Math.Max(north - south, 0.1) * 1.15;
        if (spanAcross / spanUp < dataRect.Width / dataRect.Height)
        {
            spanAcross = spanUp * dataRect.Width / dataRect.Height;
        }
        else
        {
            spanUp = spanAcross * dataRect.Height / dataRect.Width;
        }
        var centreLongitude = (west + east) / 2;
        var centreLatitude = (south + north) / 2;
        var halfLongitude = spanAcross / xScale / 2;
        return new MapFrame(centreLongitude - halfLongitude, centreLongitude + halfLongitude, centreLatitude - (spanUp / 2), centreLatitude + (spanUp / 2), xScale, dataRect);
    }

    /// <summary>Sets the plot's layout, limits, ticks, labels, land and scale bar (land goes under everything added later).</summary>
    public void Draw(Plot plot, float figureWidth, float figureHeight)
    {
        plot.Layout.Fixed(new PixelPadding(DataRect.Left, figureWidth - DataRect.Right, figureHeight - DataRect.Bottom, DataRect.Top));
        plot.DataBackground.Color = Ocean;
        foreach (var ring in Coastlines.Within(West, East, South, North))
        {
            var land = plot.Add.Polygon(ring.Longitudes, ring.Latitudes);
            land.FillColor = Land;
            land.LineColor = Coast;
            land.LineWidth = 0.8f;
        }
        plot.Axes.SetLimits(West, East, South, North);

        var across = new ScottPlot.TickGenerators.NumericManual();
        var longitudeStep = DegreeTicks.Step(West, East, Math.Max(2, (int)(DataRect.Width / 90)));
        foreach (var longitude in DegreeTicks.Positions(West, East, longitudeStep))
        {
            across.AddMajor(longitude, DegreeTicks.Longitude(longitude, longitudeStep));
        }
        plot.Axes.Bottom.TickGenerator = across;
        var up = new ScottPlot.TickGenerators.NumericManual();
        var latitudeStep = DegreeTicks.Step(South, North, Math.Max(2, (int)(DataRect.Height / 60)));
        foreach (var latitude in DegreeTicks.Positions(South, North, latitudeStep))
        {
            up.AddMajor(latitude, DegreeTicks.Latitude(latitude, latitudeStep));
        }
        plot.Axes.Left.TickGenerator = up;
        plot.XLabel("Longitude");
        plot.YLabel("Latitude");
        DrawScaleBar(plot);
    }

    private void DrawScaleBar(Plot plot)
    {
        var kilometres = ScaleKilometres;
        var degrees = kilometres / (KilometresPerDegree * XScale);
        var x0 = West + ((East - West) * 0.05);
        var y0 = South + ((North - South) * 0.05);
        var halo = plot.Add.Line(x0, y0, x0 + degrees, y0);
        halo.LineWidth = 7;
        halo.LineColor = Colors.White;
        var bar = plot.Add.Line(x0, y0, x0 + degrees, y0);
        bar.LineWidth = 3;
        bar.LineColor = Colors.Black;
        var label = plot.Add.Text(kilometres.ToString("0.#", CultureInfo.InvariantCulture) + " km", x0 + (degrees / 2), y0);
        label.LabelAlignment = Alignment.LowerCenter;
        label.LabelOffsetY = -6;
        label.LabelFontSize = 13;
        label.LabelBold = true;
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
    }

    /// <summary>A round length about a fifth of the map's width.</summary>
    internal static double ScaleLength(double widthKilometres)
    {
        var target = widthKilometres / 5;
        var best = ScaleLengths[0];
        foreach (var length in ScaleLengths)
        {
            if (length <= target)
            {
                best = length;
            }
        }
        return best;
    }
}
