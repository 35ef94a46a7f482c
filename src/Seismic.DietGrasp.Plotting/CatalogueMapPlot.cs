using System.Globalization;
using ScottPlot;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The map of a tremor catalogue: every episode a circle at its probability-weighted centroid, coloured
/// by its start time (viridis, colour bar in UTC) and sized by its duration (area grows with minutes),
/// over the stations (inverted triangles), on Natural Earth land with graticule ticks (140°E, 38°N) and
/// a kilometre scale bar; with few episodes, each episode's stations are outlined by their hull too.
/// </summary>
public static class CatalogueMapPlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 1000;

    /// <summary>Episodes up to which each one's station hull is outlined as well (beyond, the hulls would bury the map).</summary>
    public const int MaxHulls = 30;

    private static readonly double[] LegendMinutes = { 1, 5, 15, 60, 240, 1440 };

    /// <summary>Draws the catalogue map and writes a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network.</param>
    /// <param name="episodes">The catalogue; may be empty.</param>
    /// <param name="title">Above the map; null for one that counts the episodes and gives their time span.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <exception cref="InvalidParameterException">An episode names a station outside the network, or the size is too small.</exception>
    public static void SavePng(string path, StationNetwork stations, IReadOnlyList<TremorEpisode> episodes, string? title = null, int width = DefaultWidth, int height = DefaultHeight)
    {
        var bytes = RenderPng(stations, episodes, title, width, height);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws the catalogue map as PNG bytes.</summary>
    /// <param name="stations">The network.</param>
    /// <param name="episodes">The catalogue; may be empty.</param>
    /// <param name="title">Above the map; null for one that counts the episodes and gives their time span.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">An episode names a station outside the network, or the size is too small.</exception>
    public static byte[] RenderPng(StationNetwork stations, IReadOnlyList<TremorEpisode> episodes, string? title = null, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        if (episodes is null)
        {
            throw new ArgumentNullException(nameof(episodes));
        }
        PlotChecks.Size(width, height);
        var outside = episodes.FirstOrDefault(e => e.Stations[e.Stations.Count - 1] >= stations.Count);
        if (outside is not null)
        {
            throw new InvalidParameterException(nameof(episodes), $"episode {outside} names a station beyond the network's {stations.Count}");
        }

        var plot = new Plot();
        // The right margin holds the colour bar of start times; a catalogue of one start time has none.
        var timed = episodes.Select(e => e.Start).Distinct().Count() > 1;
        var dataRect = new PixelRect(85, width - (timed ? 150 : 30), height - 60, 50);
        var frame = MapFrame.Fit(stations.Longitudes.Concat(episodes.Select(e => e.Longitude)).ToList(), stations.Latitudes.Concat(episodes.Select(e => e.Latitude)).ToList(), dataRect);
        frame.Draw(plot, width, height);

        var stationMarkers = plot.Add.Markers(stations.Longitudes.ToArray(), stations.Latitudes.ToArray(), MarkerShape.FilledTriangleDown, 7, new Color(90, 90, 90));
        stationMarkers.LegendText = $"station ({stations.Count})";

        var start = episodes.Count == 0 ? DateTime.MinValue : episodes.Min(e => e.Start);
        var end = episodes.Count == 0 ? DateTime.MinValue : episodes.Max(e => e.Start);
        var colours = new TimeColourAxis(new ScottPlot.Colormaps.Viridis(), start, end);
        if (episodes.Count <= MaxHulls)
        {
            foreach (var episode in episodes)
            {
                var hull = StationMapPlot.ConvexHull(episode.Stations.Select(s => (X: stations.Longitudes[s] * frame.XScale, Y: stations.Latitudes[s])).ToArray());
                if (hull.Length >= 3)
                {
                    var polygon = plot.Add.Polygon(hull.Select(p => new Coordinates(p.X / frame.XScale, p.Y)).ToArray());
                    polygon.FillColor = colours.ColourOf(episode.Start).WithAlpha(0.12);
                    polygon.LineColor = colours.ColourOf(episode.Start).WithAlpha(0.8);
                    polygon.LineWidth = 1.2f;
                }
            }
        }
        // Longest first, so that short episodes stay visible on top of long ones at the same place.
        foreach (var episode in episodes.OrderByDescending(e => e.Duration).ThenBy(e => e.Start))
        {
            var size = MarkerSize(episode.Duration.TotalMinutes);
            plot.Add.Marker(episode.Longitude, episode.Latitude, MarkerShape.FilledCircle, size + 3, Colors.Black);
            plot.Add.Marker(episode.Longitude, episode.Latitude, MarkerShape.FilledCircle, size, colours.ColourOf(episode.Start));
        }

        // One start time has no colour scale to read: the title gives it.
        if (episodes.Count > 0 && end > start)
        {
            var bar = plot.Add.ColorBar(colours);
            bar.Label = TimeTicks.AxisLabel(start, end.AddMinutes(1)).Replace("Time (UTC)", "Episode start (UTC)");
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (var (time, label) in TimeTicks.Ticks(start, end, (dataRect.Height / 2) - 80))
            {
                ticks.AddMajor(time.ToOADate(), label);
            }
            bar.Axis.TickGenerator = ticks;
        }
        if (episodes.Count > 0)
        {
            var longest = episodes.Max(e => e.Duration.TotalMinutes);
            foreach (var minutes in LegendMinutes.Where(m => m <= Math.Max(1, longest)).Reverse().Take(3).Reverse())
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = "episode of " + (minutes < 60 ? $"{minutes:0} min" : $"{minutes / 60:0} h"),
                    MarkerShape = MarkerShape.FilledCircle,
                    MarkerSize = MarkerSize(minutes),
                    MarkerFillColor = new Color(120, 120, 120),
                    MarkerLineColor = Colors.Black,
                });
            }
        }
        plot.Legend.ManualItems.Insert(0, new LegendItem { LabelText = $"station ({stations.Count})", MarkerShape = MarkerShape.FilledTriangleDown, MarkerSize = 7, MarkerFillColor = new Color(90, 90, 90) });
        stationMarkers.LegendText = string.Empty;
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title ?? (episodes.Count == 0
            ? $"Tremor catalogue: no episode ({stations.Count} stations)"
            : string.Format(CultureInfo.InvariantCulture, "Tremor catalogue: {0} episode(s), {1:yyyy-MM-dd HH:mm} to {2:yyyy-MM-dd HH:mm} UTC", episodes.Count, start, episodes.Max(e => e.End))));
        plot.Axes.Title.Label.FontSize = 15;
        return PngEncoding.Of(plot, width, height);
    }

    /// <summary>Marker diameter in pixels: the area grows with the duration (6 px for a minute, 50 px for a day).</summary>
    internal static float MarkerSize(double minutes) => (float)Math.Min(50, 5 + (2.2 * Math.Sqrt(Math.Max(1, minutes))));
}
