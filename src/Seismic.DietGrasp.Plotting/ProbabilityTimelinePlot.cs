using System.Globalization;
using ScottPlot;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// A station-by-time picture of a probability table with the tremor catalogue: one row per station,
/// ordered along the network's strike (see <see cref="StrikeAxis"/>) so that neighbours are adjacent;
/// time in UTC across with the date printed once; the probability in viridis with a colour bar ticked
/// every 0.2; cells without data grey; every episode outlined over exactly its stations' rows and its
/// minutes (one box per run of adjacent rows) and labelled with its id (E1 is the catalogue's first row).
/// Ranges too long for one pixel a minute are shown in bins of 2, 5, 10, ... minutes (each bin its
/// largest probability), and the title says so.
/// </summary>
public static class ProbabilityTimelinePlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 1400;

    private static readonly Color MissingColour = new(200, 200, 200);

    /// <summary>The default height for a network: taller for more stations (3 stations: 420 px; 150: 900 px).</summary>
    /// <param name="stationCount">Stations (rows).</param>
    /// <returns>Pixels.</returns>
    public static int DefaultHeight(int stationCount) => Math.Max(420, Math.Min(900, 300 + (4 * stationCount)));

    /// <summary>Draws the tremor probabilities and the catalogue and writes a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network whose stations are the table's columns.</param>
    /// <param name="tremor">The tremor probability table (<c>Probability_T.csv</c>).</param>
    /// <param name="episodes">The catalogue (its episodes' ids are their positions plus one); may be empty.</param>
    /// <param name="options">Title, size and strike; null for the defaults.</param>
    /// <exception cref="InvalidParameterException">The table's station count differs from the network's, the table is empty, an episode names a station outside the network, or the size is too small.</exception>
    public static void SavePng(string path, StationNetwork stations, ProbabilityTable tremor, IReadOnlyList<TremorEpisode> episodes, TimelineOptions? options = null)
    {
        var bytes = RenderPng(stations, tremor, episodes, options);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws a probability table and the catalogue as PNG bytes.</summary>
    /// <param name="stations">The network whose stations are the table's columns.</param>
    /// <param name="probabilities">The probability table.</param>
    /// <param name="episodes">The catalogue; may be empty.</param>
    /// <param name="options">Title, size and strike; null for the defaults.</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">The table's station count differs from the network's, the table is empty, an episode names a station outside the network, or the size is too small.</exception>
    public static byte[] RenderPng(StationNetwork stations, ProbabilityTable probabilities, IReadOnlyList<TremorEpisode> episodes, TimelineOptions? options = null)
    {
        var (plot, layout) = Draw(stations, probabilities, episodes, options ?? new TimelineOptions());
        return PngEncoding.Of(plot, (int)layout.Figure.Width, (int)layout.Figure.Height);
    }

    /// <summary>The plot and the layout it follows (tests render it and compare the two).</summary>
    internal static (Plot Plot, TimelineLayout Layout) Draw(StationNetwork stations, ProbabilityTable probabilities, IReadOnlyList<TremorEpisode> episodes, TimelineOptions options)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        if (probabilities is null)
        {
            throw new ArgumentNullException(nameof(probabilities));
        }
        if (episodes is null)
        {
            throw new ArgumentNullException(nameof(episodes));
        }
        var width = options.Width ?? DefaultWidth;
        var height = options.Height ?? DefaultHeight(stations.Count);
        PlotChecks.Size(width, height);
        if (probabilities.StationCount != stations.Count)
        {
            throw new InvalidParameterException(nameof(probabilities), $"the table has {probabilities.StationCount} station columns, the network {stations.Count} stations");
        }
        if (probabilities.MinuteCount == 0)
        {
            throw new InvalidParameterException(nameof(probabilities), "the table has no minute rows; nothing to draw");
        }
        if (!probabilities.HasAnyValue())
        {
            // ScottPlot's heat map needs one real cell for its range (an ArgumentException otherwise).
            throw new InvalidParameterException(nameof(probabilities), $"every cell is empty (no station-minute of {probabilities.MinuteCount} minutes was classified); nothing to draw");
        }
        var outside = episodes.FirstOrDefault(e => e.Stations[e.Stations.Count - 1] >= stations.Count);
        if (outside is not null)
        {
            throw new InvalidParameterException(nameof(episodes), $"episode {outside} names a station beyond the network's {stations.Count}");
        }

        var strike = StrikeAxis.Of(stations, options.StrikeAzimuth);
        var first = probabilities.Minutes.Min();
        var last = probabilities.Minutes.Max();
        var drawn = episodes.Count(e => e.End > first && e.Start <= last);
        string Title(int bin) => bin == 1
            ? $"{options.Title}: {stations.Count} stations x {probabilities.MinuteCount} minutes, {drawn} episode(s)"
            : $"{options.Title}: {stations.Count} stations x {probabilities.MinuteCount} minutes in {bin}-minute bins (largest of each), {drawn} episode(s)";
        var layout = TimelineLayout.Compute(stations, probabilities.Minutes, episodes, strike, Title, width, height);
        var title = layout.Title;
        var n = stations.Count;
        var data = layout.Data;
        var left = layout.First.ToOADate();
        var right = layout.End.ToOADate();
        double X(float pixel) => left + ((right - left) * (pixel - data.Left) / data.Width);
        double Y(float pixel) => n - 0.5 - ((pixel - data.Top) / layout.RowHeight);

        var plot = new Plot();
        plot.Layout.Fixed(new PixelPadding(data.Left, width - data.Right, height - data.Bottom, data.Top));
        var heatmap = plot.Add.Heatmap(Cells(probabilities, layout));
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = MissingColour;
        // Rectangle sets the cells' outer edges (Extent would set their centres, drawing every bin half a cell early).
        heatmap.Rectangle = new CoordinateRect(left, right, -0.5, n - 0.5);
        var colourBar = plot.Add.ColorBar(heatmap);
        colourBar.Label = options.Title;
        var probabilityTicks = new ScottPlot.TickGenerators.NumericManual();
        for (var p = 0; p <= 5; p++)
        {
            probabilityTicks.AddMajor(p * 0.2, (p * 0.2).ToString("0.0", CultureInfo.InvariantCulture));
        }
        colourBar.Axis.TickGenerator = probabilityTicks;

        foreach (var box in layout.Boxes)
        {
            var episode = episodes[box.Episode];
            // Black under white: visible on every viridis colour, from dark purple to yellow.
            foreach (var (colour, lineWidth) in new[] { (Colors.Black, 3.5f), (Colors.White, 1.5f) })
            {
                var outline = plot.Add.Rectangle(X(box.Pixels.Left), X(box.Pixels.Right), Y(box.Pixels.Bottom), Y(box.Pixels.Top));
                outline.FillColor = Colors.Transparent;
                outline.LineColor = colour;
                outline.LineWidth = lineWidth;
                if (colour == Colors.White && episode.Category == TremorCategory.Possible)
                {
                    outline.LinePattern = LinePattern.Dashed;
                }
            }
        }
        foreach (var label in layout.Labels.Where(l => l.Kind == "episode"))
        {
            // The anchor is the text's corner; ScottPlot grows the padded box outwards from it.
            var text = plot.Add.Text(label.Text, X(label.Box.Left + TimelineLayout.LabelPadding), Y(label.Box.Top + TimelineLayout.LabelPadding));
            text.LabelAlignment = Alignment.UpperLeft;
            text.LabelFontSize = TimelineLayout.EpisodeFont;
            text.LabelBold = true;
            text.LabelFontColor = Colors.Black;
            text.LabelBackgroundColor = Colors.White;
            text.LabelBorderColor = Colors.Black;
            text.LabelBorderWidth = 1;
            text.LabelStyle.Padding = TimelineLayout.LabelPadding;
        }
        DrawLegend(plot, layout, X, Y);

        var stationTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (row, name) in layout.StationTicks)
        {
            stationTicks.AddMajor(n - 1 - row, name);
        }
        plot.Axes.Left.TickGenerator = stationTicks;
        plot.Axes.Left.TickLabelStyle.FontSize = TimelineLayout.StationFont;
        var timeTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (time, label) in layout.TimeTicks)
        {
            timeTicks.AddMajor(time.ToOADate(), label);
        }
        plot.Axes.Bottom.TickGenerator = timeTicks;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TimelineLayout.TickFont;
        plot.Axes.SetLimits(left, right, -0.5, n - 0.5);
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = TimelineLayout.TitleFont;
        plot.XLabel(Plotting.TimeTicks.AxisLabel(layout.First, layout.First.AddMinutes(MinuteClock.MinutesBetween(layout.First, last) + 1)));
        plot.YLabel($"Station, along strike ({strike.Bearing()} up)");
        return (plot, layout);
    }

    private static void DrawLegend(Plot plot, TimelineLayout layout, Func<float, double> x, Func<float, double> y)
    {
        var legend = layout.Legend;
        var background = plot.Add.Rectangle(x(legend.Left), x(legend.Right), y(legend.Bottom), y(legend.Top));
        background.FillColor = Colors.White.WithAlpha(0.85);
        background.LineColor = Colors.Gray;
        background.LineWidth = 1;
        var lineHeight = (legend.Height - 8) / layout.LegendLines.Count;
        for (var i = 0; i < layout.LegendLines.Count; i++)
        {
            var top = legend.Top + 4 + (i * lineHeight);
            var text = plot.Add.Text(layout.LegendLines[i], x(legend.Left + 28), y(top + (lineHeight / 2)));
            text.LabelAlignment = Alignment.MiddleLeft;
            text.LabelFontSize = TimelineLayout.LegendFont;
            text.LabelFontColor = Colors.Black;
            if (i == 1)
            {
                continue;
            }
            var sample = plot.Add.Rectangle(x(legend.Left + 6), x(legend.Left + 22), y(top + lineHeight - 3), y(top + 3));
            sample.FillColor = i == 0 ? new Color(68, 1, 84) : MissingColour;
            sample.LineColor = i == 0 ? Colors.White : Colors.Black;
            sample.LineWidth = i == 0 ? 2 : 1;
        }
    }

    /// <summary>[row, column] cells in the layout's row order and time bins (gaps are NaN; a bin shows its largest probability).</summary>
    private static double[,] Cells(ProbabilityTable table, TimelineLayout layout)
    {
        var n = table.StationCount;
        var cells = new double[n, layout.Columns];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < layout.Columns; c++)
            {
                cells[r, c] = double.NaN;
            }
        }
        for (var row = 0; row < table.MinuteCount; row++)
        {
            var column = (int)((table.Minutes[row] - layout.First).Ticks / TimeSpan.TicksPerMinute / layout.Bin);
            for (var s = 0; s < n; s++)
            {
                var p = table[row, s];
                var r = layout.StationRow[s];
                if (!float.IsNaN(p) && (double.IsNaN(cells[r, column]) || p > cells[r, column]))
                {
                    cells[r, column] = p;
                }
            }
        }
        return cells;
    }
}
