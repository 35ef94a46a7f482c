using ScottPlot;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// A station-by-minute picture of a probability table: one row per station (station-file order, the
/// first station at the top, every few rows labelled), time in UTC across, the probability in colour
/// with a colour bar, cells without data in a distinct grey, and time spans (tremor episodes) outlined.
/// Long tables are binned in time to at most <see cref="MaxColumns"/> columns, each bin showing its
/// largest probability.
/// </summary>
public static class ProbabilityTimelinePlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 1400;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 800;

    /// <summary>The most time columns drawn; longer tables are binned.</summary>
    public const int MaxColumns = 2880;

    private static readonly Color MissingColour = new(200, 200, 200);
    private static readonly Color EpisodeColour = new(230, 0, 60);

    /// <summary>Draws the tremor probabilities and episodes and writes a PNG file of the default size, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network whose stations are the table's columns.</param>
    /// <param name="tremor">The tremor probability table (<c>Probability_T.csv</c>).</param>
    /// <param name="episodes">Time spans to outline (UTC), e.g. the tremor catalogue; may be empty.</param>
    /// <exception cref="InvalidParameterException">The table's station count differs from the network's, the table is empty, or an episode ends before it starts.</exception>
    public static void SavePng(string path, StationNetwork stations, ProbabilityTable tremor, IReadOnlyList<(DateTime Start, DateTime End)> episodes) =>
        SavePng(path, stations, tremor, episodes, "Tremor probability", DefaultWidth, DefaultHeight);

    /// <summary>Draws a probability table and time spans and writes a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network whose stations are the table's columns.</param>
    /// <param name="probabilities">The probability table.</param>
    /// <param name="episodes">Time spans to outline (UTC); may be empty.</param>
    /// <param name="title">Shown above the picture; also the colour bar's label.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <exception cref="InvalidParameterException">The table's station count differs from the network's, the table is empty or every cell is empty, an episode ends before it starts, or the size is too small.</exception>
    public static void SavePng(string path, StationNetwork stations, ProbabilityTable probabilities, IReadOnlyList<(DateTime Start, DateTime End)> episodes, string title, int width, int height)
    {
        var bytes = RenderPng(stations, probabilities, episodes, title, width, height);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws a probability table and time spans as PNG bytes.</summary>
    /// <param name="stations">The network whose stations are the table's columns.</param>
    /// <param name="probabilities">The probability table.</param>
    /// <param name="episodes">Time spans to outline (UTC); may be empty.</param>
    /// <param name="title">Shown above the picture; also the colour bar's label.</param>
    /// <param name="width">Picture width in pixels (at least 200).</param>
    /// <param name="height">Picture height in pixels (at least 200).</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">The table's station count differs from the network's, the table is empty, an episode ends before it starts, or the size is too small.</exception>
    public static byte[] RenderPng(StationNetwork stations, ProbabilityTable probabilities, IReadOnlyList<(DateTime Start, DateTime End)> episodes, string title = "Tremor probability", int width = DefaultWidth, int height = DefaultHeight)
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
        foreach (var (start, end) in episodes)
        {
            if (end < start)
            {
                throw new InvalidParameterException(nameof(episodes), $"an episode ends ({end:O}) before it starts ({start:O})");
            }
        }

        var (cells, first, binMinutes) = Cells(probabilities);
        var columns = cells.GetLength(1);
        var n = stations.Count;
        var left = first.ToOADate();
        var right = first.AddMinutes((double)columns * binMinutes).ToOADate();

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = MissingColour;
        // Row 0 of the heatmap is drawn at the top: station 0 sits at y = n - 1.
        // Rectangle sets the cells' outer edges (Extent would set their centres, drawing every minute half a cell early).
        heatmap.Rectangle = new CoordinateRect(left, right, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap).Label = title;

        foreach (var (start, end) in episodes)
        {
            var rectangle = plot.Add.Rectangle(start.ToOADate(), (end > start.AddSeconds(30) ? end : start.AddSeconds(30)).ToOADate(), -0.5, n - 0.5);
            rectangle.FillColor = Colors.Transparent;
            rectangle.LineColor = EpisodeColour;
            rectangle.LineWidth = 2;
        }

        var step = Math.Max(1, (int)Math.Ceiling(n / 25.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var s = 0; s < n; s += step)
        {
            ticks.AddMajor(n - 1 - s, stations.Names[s]);
        }
        plot.Axes.Left.TickGenerator = ticks;
        var timeAxis = plot.Axes.DateTimeTicksBottom();
        if (timeAxis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = time => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd\nHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        plot.Axes.SetLimits(left, right, -0.5, n - 0.5);
        var binning = binMinutes == 1 ? string.Empty : $", {binMinutes}-minute bins (maximum)";
        plot.Title($"{title}: {n} stations x {probabilities.MinuteCount} minutes{binning}");
        plot.XLabel("Time (UTC)");
        plot.YLabel("Station (station-file order)");
        plot.Legend.ManualItems.AddRange(new[]
        {
            new LegendItem { LabelText = $"tremor episode ({episodes.Count})", LineColor = EpisodeColour, LineWidth = 2 },
            new LegendItem { LabelText = "no data", FillColor = MissingColour, LineColor = Colors.Black, LineWidth = 1 },
        });
        plot.ShowLegend(Edge.Bottom);
        using var image = plot.GetImage(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    /// <summary>[station, column] cells on a regular minute grid (gaps in the table are NaN), binned to at most <see cref="MaxColumns"/> columns.</summary>
    private static (double[,] Cells, DateTime First, int BinMinutes) Cells(ProbabilityTable table)
    {
        var first = table.Minutes.Min();
        var last = table.Minutes.Max();
        var span = (long)((last - first).Ticks / TimeSpan.TicksPerMinute) + 1;
        var binMinutes = (int)Math.Max(1, (span + MaxColumns - 1) / MaxColumns);
        var columns = (int)((span + binMinutes - 1) / binMinutes);
        var n = table.StationCount;
        var cells = new double[n, columns];
        for (var s = 0; s < n; s++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[s, c] = double.NaN;
            }
        }
        for (var row = 0; row < table.MinuteCount; row++)
        {
            var column = (int)((table.Minutes[row] - first).Ticks / TimeSpan.TicksPerMinute / binMinutes);
            for (var s = 0; s < n; s++)
            {
                var p = table[row, s];
                if (!float.IsNaN(p) && (double.IsNaN(cells[s, column]) || p > cells[s, column]))
                {
                    cells[s, column] = p;
                }
            }
        }
        return (cells, first, binMinutes);
    }
}
