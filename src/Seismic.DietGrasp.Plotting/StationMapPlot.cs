using ScottPlot;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The single-minute map: a network's stations on the frame every map shares (<see cref="MapFrame"/>:
/// equal-distance axes, Natural Earth land, hemisphere degree ticks, km scale bar) with the station
/// groups of one minute on top: every station an inverted triangle, each group's stations in its own
/// colour inside its convex outline, and a legend giving each group's size. The catalogue's map is
/// <see cref="CatalogueMapPlot"/>.
/// </summary>
public static class StationMapPlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 1000;

    private const float LeftPadding = 85, RightPadding = 30, BottomPadding = 60, TopPadding = 45;

    /// <summary>Draws the map and writes it as a PNG file of the default size, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network.</param>
    /// <param name="groups">The groups to draw (usually the groups of one minute); may be empty.</param>
    /// <param name="title">Shown above the map (minute, kind of groups, ...).</param>
    /// <exception cref="InvalidParameterException">A group names a station the network does not have.</exception>
    public static void SavePng(string path, StationNetwork stations, IReadOnlyList<StationGroup> groups, string title) =>
        SavePng(path, stations, groups, title, DefaultWidth, DefaultHeight);

    /// <summary>Draws the map and writes it as a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network.</param>
    /// <param name="groups">The groups to draw; may be empty.</param>
    /// <param name="title">Shown above the map.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <exception cref="InvalidParameterException">A group names a station the network does not have, or the size is too small.</exception>
    public static void SavePng(string path, StationNetwork stations, IReadOnlyList<StationGroup> groups, string title, int width, int height)
    {
        var bytes = RenderPng(stations, groups, title, width, height);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws the map as PNG bytes.</summary>
    /// <param name="stations">The network.</param>
    /// <param name="groups">The groups to draw; may be empty.</param>
    /// <param name="title">Shown above the map.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">A group names a station the network does not have, or the size is too small.</exception>
    public static byte[] RenderPng(StationNetwork stations, IReadOnlyList<StationGroup> groups, string title, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }
        Guard.NotNull(title, nameof(title));
        PlotChecks.Size(width, height);
        foreach (var group in groups)
        {
            var last = group.Stations[group.Count - 1];
            if (last >= stations.Count)
            {
                throw new InvalidParameterException(nameof(groups), $"group {group} names station index {last}, but the network has {stations.Count} stations");
            }
        }

        var longitudes = stations.Longitudes.ToArray();
        var latitudes = stations.Latitudes.ToArray();
        var plot = new Plot();
        var frame = MapFrame.Fit(longitudes, latitudes, new PixelRect(LeftPadding, width - RightPadding, height - BottomPadding, TopPadding));
        frame.Draw(plot, width, height);
        var all = plot.Add.Markers(longitudes, latitudes, MarkerShape.FilledTriangleDown, 7, new Color(90, 90, 90));
        all.LegendText = $"station ({stations.Count})";

        var palette = new ScottPlot.Palettes.Category10();
        var xScale = frame.XScale;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var colour = palette.GetColor(g);
            var outline = ConvexHull(group.Stations.Select(s => (X: longitudes[s] * xScale, Y: latitudes[s])).ToArray());
            if (outline.Length >= 3)
            {
                var polygon = plot.Add.Polygon(outline.Select(p => new Coordinates(p.X / xScale, p.Y)).ToArray());
                polygon.FillColor = colour.WithAlpha(0.2);
                polygon.LineColor = colour;
                polygon.LineWidth = 1.5f;
            }
            var markers = plot.Add.Markers(group.Stations.Select(s => longitudes[s]).ToArray(), group.Stations.Select(s => latitudes[s]).ToArray(), MarkerShape.FilledCircle, 9, colour);
            markers.LegendText = $"group {g + 1}: {group.Count} station{(group.Count == 1 ? string.Empty : "s")}";
        }

        plot.Title(title);
        plot.ShowLegend(Alignment.UpperRight);
        return PngEncoding.Of(plot, width, height);
    }

    /// <summary>Andrew's monotone chain; returns the hull counter-clockwise, or fewer than 3 points when the input is degenerate.</summary>
    internal static (double X, double Y)[] ConvexHull((double X, double Y)[] points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3)
        {
            return sorted;
        }
        var hull = new (double X, double Y)[2 * sorted.Length];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }
            hull[k++] = p;
        }
        var lowerEnd = k + 1;
        for (var i = sorted.Length - 2; i >= 0; i--)
        {
            while (k >= lowerEnd && Cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0)
            {
                k--;
            }
            hull[k++] = sorted[i];
        }
        k--;
        return k < 3 ? Array.Empty<(double, double)>() : hull.Take(k).ToArray();
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
