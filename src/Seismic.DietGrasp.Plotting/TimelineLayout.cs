using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// Where everything of the timeline goes, decided before drawing (the plot uses a fixed layout, so these
/// boxes are where ScottPlot draws): rows are stations ordered along strike (the farthest towards the
/// strike's bearing at the top, so that neighbours are adjacent), columns are time bins of a readable
/// width, each episode is outlined over exactly its stations' rows (one box per run of adjacent rows) and
/// its minutes, and every label is placed where it overlaps no other.
/// </summary>
internal sealed class TimelineLayout
{
    public const float StationFont = 11, TickFont = 12, TitleFont = 15, EpisodeFont = 11, LegendFont = 11;
    public const float LabelPadding = 2;
    private const float TopPadding = 40, BottomPadding = 58, RightPadding = 115;
    private static readonly int[] BinMinutes = { 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440 };

    private TimelineLayout()
    {
    }

    public int[] RowStation { get; private set; } = Array.Empty<int>();

    public int[] StationRow { get; private set; } = Array.Empty<int>();

    public DateTime First { get; private set; }

    public int Bin { get; private set; }

    public int Columns { get; private set; }

    public LayoutBox Data { get; private set; }

    public LayoutBox Figure { get; private set; }

    public StrikeAxis Strike { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    public List<TimelineEpisodeBox> Boxes { get; } = new();

    public List<TimelineLabel> Labels { get; } = new();

    /// <summary>Index of the episode each episode label names, in the order of the episode labels.</summary>
    public List<int> LabelledEpisodes { get; } = new();

    public LayoutBox Legend { get; private set; }

    public IReadOnlyList<string> LegendLines { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<(int Row, string Name)> StationTicks { get; private set; } = Array.Empty<(int, string)>();

    public IReadOnlyList<(DateTime Time, string Label)> TimeTicks { get; private set; } = Array.Empty<(DateTime, string)>();

    public float RowHeight => Data.Height / RowStation.Length;

    public DateTime End => First.AddMinutes((double)Columns * Bin);

    public float ColumnX(int column) => Data.Left + (Data.Width * column / Columns);

    public static TimelineLayout Compute(StationNetwork stations, IReadOnlyList<DateTime> minutes, IReadOnlyList<TremorEpisode> episodes, StrikeAxis strike, Func<int, string> makeTitle, int width, int height)
    {
        var layout = new TimelineLayout { Strike = strike, Figure = new LayoutBox(0, 0, width, height) };
        var n = stations.Count;
        layout.RowStation = Enumerable.Range(0, n)
            .OrderByDescending(s => strike.Distance(stations.Latitudes[s], stations.Longitudes[s])).ThenBy(s => s).ToArray();
        layout.StationRow = new int[n];
        for (var r = 0; r < n; r++)
        {
            layout.StationRow[layout.RowStation[r]] = r;
        }

        var widest = stations.Names.Max(name => TextSize.Measure(name, StationFont).Width);
        var left = (float)Math.Ceiling(widest) + 8 + 30;
        layout.Data = new LayoutBox(left, TopPadding, width - RightPadding, height - BottomPadding);
        var data = layout.Data;

        layout.First = minutes.Min();
        var span = (long)MinuteClock.MinutesBetween(layout.First, minutes.Max()) + 1;
        layout.Bin = BinMinutes.FirstOrDefault(b => (span + b - 1) / b <= data.Width);
        if (layout.Bin == 0)
        {
            layout.Bin = BinMinutes[BinMinutes.Length - 1];
        }
        layout.Columns = (int)((span + layout.Bin - 1) / layout.Bin);

        var title = makeTitle(layout.Bin);
        layout.Title = title;
        var titleSize = TextSize.Measure(title, TitleFont, bold: true);
        layout.Labels.Add(new TimelineLabel("title", title, new LayoutBox((width - titleSize.Width) / 2, (TopPadding - titleSize.Height) / 2, (width + titleSize.Width) / 2, (TopPadding + titleSize.Height) / 2)));

        // Station names: every step-th row, so that names at least a line apart never touch.
        var rowHeight = layout.RowHeight;
        var nameHeight = TextSize.Measure("Ag", StationFont).Height;
        var step = Math.Max(1, (int)Math.Ceiling((nameHeight + 2) / rowHeight));
        var stationTicks = new List<(int, string)>();
        for (var r = 0; r < n; r += step)
        {
            var name = stations.Names[layout.RowStation[r]];
            var size = TextSize.Measure(name, StationFont);
            var centre = data.Top + ((r + 0.5f) * rowHeight);
            stationTicks.Add((r, name));
            layout.Labels.Add(new TimelineLabel("station", name, new LayoutBox(data.Left - 7 - size.Width, centre - (size.Height / 2), data.Left - 7, centre + (size.Height / 2))));
        }
        layout.StationTicks = stationTicks;

        var timeTicks = Plotting.TimeTicks.Ticks(layout.First, layout.End, data.Width);
        layout.TimeTicks = timeTicks;
        foreach (var (time, label) in timeTicks)
        {
            var size = TextSize.Measure(label, TickFont);
            var x = data.Left + (float)(data.Width * (time - layout.First).TotalMinutes / (layout.End - layout.First).TotalMinutes);
            layout.Labels.Add(new TimelineLabel("time", label, new LayoutBox(x - (size.Width / 2), data.Bottom + 6, x + (size.Width / 2), data.Bottom + 6 + size.Height)));
        }

        for (var e = 0; e < episodes.Count; e++)
        {
            var episode = episodes[e];
            var firstColumn = (int)Math.Max(0, Math.Floor((episode.Start - layout.First).TotalMinutes / layout.Bin));
            var endColumn = (int)Math.Min(layout.Columns, Math.Ceiling((episode.End - layout.First).TotalMinutes / layout.Bin));
            if (endColumn <= firstColumn)
            {
                continue; // outside the drawn range
            }
            var rows = episode.Stations.Where(s => s < n).Select(s => layout.StationRow[s]).OrderBy(r => r).ToArray();
            var runStart = 0;
            for (var i = 1; i <= rows.Length; i++)
            {
                if (i == rows.Length || rows[i] != rows[i - 1] + 1)
                {
                    var pixels = new LayoutBox(layout.ColumnX(firstColumn), data.Top + (rows[runStart] * rowHeight), layout.ColumnX(endColumn), data.Top + ((rows[i - 1] + 1) * rowHeight));
                    layout.Boxes.Add(new TimelineEpisodeBox(e, rows[runStart], rows[i - 1], firstColumn, endColumn, pixels));
                    runStart = i;
                }
            }
        }

        layout.PlaceLegend(layout.Boxes.Select(b => b.Episode).Distinct().Count());
        layout.PlaceEpisodeLabels();
        return layout;
    }

    private void PlaceLegend(int episodeCount)
    {
        LegendLines = new[]
        {
            $"tremor episode (id: catalogue row), {episodeCount} shown:",
            "outline = its stations x its minutes",
            "no data",
        };
        var textWidth = LegendLines.Max(line => TextSize.Measure(line, LegendFont).Width);
        var lineHeight = TextSize.Measure("Ag", LegendFont).Height + 3;
        var legendWidth = textWidth + 34;
        var legendHeight = (lineHeight * LegendLines.Count) + 8;
        const float margin = 6;
        var corners = new[]
        {
            new LayoutBox(Data.Right - margin - legendWidth, Data.Top + margin, Data.Right - margin, Data.Top + margin + legendHeight),
            new LayoutBox(Data.Left + margin, Data.Top + margin, Data.Left + margin + legendWidth, Data.Top + margin + legendHeight),
            new LayoutBox(Data.Right - margin - legendWidth, Data.Bottom - margin - legendHeight, Data.Right - margin, Data.Bottom - margin),
            new LayoutBox(Data.Left + margin, Data.Bottom - margin - legendHeight, Data.Left + margin + legendWidth, Data.Bottom - margin),
        };
        // The corner that hides the least of the episodes (the cells under it show through at 15 % opacity loss only).
        Legend = corners.OrderBy(corner => Boxes.Sum(b => OverlapArea(corner, b.Pixels))).First();
        Labels.Add(new TimelineLabel("legend", string.Join("\n", LegendLines), Legend));
    }

    private void PlaceEpisodeLabels()
    {
        foreach (var episode in Boxes.GroupBy(b => b.Episode))
        {
            var anchor = episode.OrderByDescending(b => b.LastRow - b.FirstRow).ThenBy(b => b.FirstRow).First().Pixels;
            var text = "E" + (episode.Key + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var size = TextSize.Measure(text, EpisodeFont, bold: true);
            // ScottPlot draws a padded label box 3 px larger than text plus padding (measured on the rendered LastRenderPixelRect).
            var w = size.Width + (2 * LabelPadding) + 3;
            var h = size.Height + (2 * LabelPadding) + 3;
            var candidates = new[]
            {
                new LayoutBox(anchor.Left, anchor.Top - h - 1, anchor.Left + w, anchor.Top - 1),
                new LayoutBox(anchor.Left + 2, anchor.Top + 2, anchor.Left + 2 + w, anchor.Top + 2 + h),
                new LayoutBox(anchor.Left, anchor.Bottom + 1, anchor.Left + w, anchor.Bottom + 1 + h),
                new LayoutBox(anchor.Right + 2, ((anchor.Top + anchor.Bottom) / 2) - (h / 2), anchor.Right + 2 + w, ((anchor.Top + anchor.Bottom) / 2) + (h / 2)),
                new LayoutBox(anchor.Left - w - 2, ((anchor.Top + anchor.Bottom) / 2) - (h / 2), anchor.Left - 2, ((anchor.Top + anchor.Bottom) / 2) + (h / 2)),
            };
            var placed = Labels.Where(l => l.Kind is "episode" or "legend").Select(l => l.Box).ToList();
            LayoutBox? chosen = null;
            for (var shift = 0; shift <= 40 && chosen is null; shift++)
            {
                foreach (var candidate in candidates)
                {
                    foreach (var dy in shift == 0 ? new[] { 0f } : new[] { -shift * (h + 1), shift * (h + 1) })
                    {
                        var box = candidate.Moved(0, dy);
                        if (box.Inside(Data) && !placed.Any(p => p.Overlaps(box)))
                        {
                            chosen = box;
                            break;
                        }
                    }
                    if (chosen is not null)
                    {
                        break;
                    }
                }
            }
            Labels.Add(new TimelineLabel("episode", text, chosen ?? candidates[1]));
            LabelledEpisodes.Add(episode.Key);
        }
    }

    private static float OverlapArea(LayoutBox a, LayoutBox b)
    {
        var w = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var h = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
