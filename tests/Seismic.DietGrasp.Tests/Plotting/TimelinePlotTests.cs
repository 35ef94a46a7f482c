using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Plotting;

/// <summary>The timeline's layout, checked on the rendered plot: ScottPlot's data rectangle and the labels' drawn rectangles against the layout the plot follows.</summary>
public sealed class TimelinePlotTests
{
    private static readonly DateTime Start = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly StationNetwork Snet = PictureScenario.Snet;

    public static TheoryData<int, int> Sizes => new()
    {
        { 3, 10 },
        { 3, 1440 },
        { 12, 60 },
        { 150, 60 },
        { 150, 1440 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void NoLabelOverlapsAnotherAndEveryEpisodeBoxCoversExactlyItsStationsAndMinutes(int stationCount, int minutes)
    {
        var stations = stationCount == 150 ? Snet : Subnet(stationCount);
        var (table, episodes) = Catalogue(stations, minutes);
        var (plot, layout) = ProbabilityTimelinePlot.Draw(stations, table, episodes, new TimelineOptions());
        using var image = plot.GetImage((int)layout.Figure.Width, (int)layout.Figure.Height);

        // The plot follows the layout: ScottPlot's data rectangle is the layout's.
        var drawn = plot.RenderManager.LastRender.DataRect;
        Assert.Equal(layout.Data.Left, drawn.Left, 0.5);
        Assert.Equal(layout.Data.Right, drawn.Right, 0.5);
        Assert.Equal(layout.Data.Top, drawn.Top, 0.5);
        Assert.Equal(layout.Data.Bottom, drawn.Bottom, 0.5);

        // Episode labels as ScottPlot drew them, the title and the axis labels as rendered, and the tick labels as laid out.
        var texts = plot.GetPlottables<ScottPlot.Plottables.Text>().Where(t => t.LabelText.StartsWith('E')).ToList();
        Assert.Equal(layout.LabelledEpisodes.Count, texts.Count);
        var boxes = layout.Labels.Where(l => l.Kind is not ("episode" or "title")).Select(l => (l.Kind + " " + l.Text, l.Box)).ToList();
        foreach (var text in texts)
        {
            var r = text.LabelStyle.LastRenderPixelRect;
            var planned = layout.Labels.Single(l => l.Kind == "episode" && l.Text == text.LabelText).Box;
            Assert.True(Math.Abs(r.Left - planned.Left) + Math.Abs(r.Top - planned.Top) + Math.Abs(r.Right - planned.Right) + Math.Abs(r.Bottom - planned.Bottom) < 4, $"{text.LabelText}: drawn {r}, planned {planned}");
            boxes.Add(("episode " + text.LabelText, new LayoutBox(r.Left, r.Top, r.Right, r.Bottom)));
            Assert.True(new LayoutBox(r.Left, r.Top, r.Right, r.Bottom).Inside(layout.Data), $"{text.LabelText} outside the data area");
        }
        foreach (var axisLabel in new[] { plot.Axes.Bottom.Label, plot.Axes.Left.Label, plot.Axes.Title.Label })
        {
            var r = axisLabel.LastRenderPixelRect;
            Assert.True(r.Width > 0, $"'{axisLabel.Text}' was not drawn");
            // A rotated label's rectangle is reported unrotated; the text turns about its centre (on the picture, the
            // station axis label's letters lie between x = 9 and 30 px, the centre-turned box's 8.5 to 30.3).
            var (cx, cy) = ((r.Left + r.Right) / 2, (r.Top + r.Bottom) / 2);
            var (w, h) = Math.Abs(axisLabel.Rotation) == 90 ? (r.Height, r.Width) : (r.Width, r.Height);
            boxes.Add(("axis " + axisLabel.Text, new LayoutBox(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2))));
        }
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].Item2.Inside(layout.Figure), $"{boxes[i].Item1} leaves the picture");
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Item2.Overlaps(boxes[j].Item2), $"{boxes[i].Item1} {boxes[i].Item2} overlaps {boxes[j].Item1} {boxes[j].Item2}");
            }
        }

        // Every episode is labelled, and its boxes cover exactly its stations' rows and its minutes' columns.
        Assert.Equal(episodes.Count, layout.LabelledEpisodes.Distinct().Count());
        for (var e = 0; e < episodes.Count; e++)
        {
            var episode = episodes[e];
            var own = layout.Boxes.Where(b => b.Episode == e).ToList();
            var rows = own.SelectMany(b => Enumerable.Range(b.FirstRow, b.LastRow - b.FirstRow + 1)).OrderBy(r => r).ToList();
            Assert.Equal(episode.Stations.Select(s => layout.StationRow[s]).OrderBy(r => r), rows);
            Assert.All(own, b => Assert.Equal(((int)((episode.Start - Start).TotalMinutes / layout.Bin), (int)Math.Ceiling((episode.End - Start).TotalMinutes / layout.Bin)), (b.FirstColumn, b.EndColumn)));
            foreach (var box in own)
            {
                Assert.Equal(layout.ColumnX(box.FirstColumn), box.Pixels.Left, 0.01);
                Assert.Equal(layout.ColumnX(box.EndColumn), box.Pixels.Right, 0.01);
                Assert.Equal(layout.Data.Top + (box.FirstRow * layout.RowHeight), box.Pixels.Top, 0.01);
                Assert.Equal(layout.Data.Top + ((box.LastRow + 1) * layout.RowHeight), box.Pixels.Bottom, 0.01);
            }
        }
        Assert.Equal(minutes <= 1000 ? 1 : 2, layout.Bin);
    }

    [Fact]
    public void StationsAreOrderedAlongStrikeSoNeighboursAreAdjacent()
    {
        // Five stations on a line N30°E, listed out of order.
        var order = new[] { 3, 0, 4, 1, 2 };
        var stations = new StationNetwork(order.Select(i => $"L{i}"), order.Select(i => 38 + (i * 0.1 * Math.Cos(Math.PI / 6))), order.Select(i => 142 + (i * 0.1 * Math.Sin(Math.PI / 6) / Math.Cos(38 * Math.PI / 180))));
        var table = new ProbabilityTable(5, new[] { Start }, new float[5]);
        var (_, layout) = ProbabilityTimelinePlot.Draw(stations, table, Array.Empty<TremorEpisode>(), new TimelineOptions());
        Assert.Equal(new[] { "L4", "L3", "L2", "L1", "L0" }, layout.RowStation.Select(s => stations.Names[s]));
        Assert.Equal(30, layout.Strike.Azimuth, 0.5);
    }

    [Fact]
    public void AnEpisodeWithAGapInItsRowsGetsOneBoxPerRun()
    {
        var stations = Subnet(6);
        var (_, layout0) = ProbabilityTimelinePlot.Draw(stations, new ProbabilityTable(6, new[] { Start }, new float[6]), Array.Empty<TremorEpisode>(), new TimelineOptions());
        var rows = layout0.RowStation;
        var episode = new TremorEpisode(Start, Start.AddMinutes(1), 1, new[] { rows[0], rows[1], rows[3] }, 38, 142, 0.9f, TremorCategory.Probable);
        var (_, layout) = ProbabilityTimelinePlot.Draw(stations, new ProbabilityTable(6, new[] { Start }, new float[6]), new[] { episode }, new TimelineOptions());
        Assert.Equal(new[] { (0, 1), (3, 3) }, layout.Boxes.Select(b => (b.FirstRow, b.LastRow)));
    }

    [Fact]
    public void TimelineWritesAPngAndRefusesBadInput()
    {
        var scenario = PictureScenario.Simulate(Snet, 180, 5);
        var path = Path.Combine(PictureScenario.PictureFolder(), "tremor-timeline.png");
        ProbabilityTimelinePlot.SavePng(path, Snet, scenario.Tremor, scenario.Catalogue);
        PictureScenario.AssertPng(path, ProbabilityTimelinePlot.DefaultWidth, ProbabilityTimelinePlot.DefaultHeight(150));

        var folder = TestPaths.NewScratchFolder();
        var bad = Path.Combine(folder, "t.png");
        var table = new ProbabilityTable(149, new[] { Start }, new float[149]);
        Assert.Contains("149", Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.SavePng(bad, Snet, table, Array.Empty<TremorEpisode>())).Message, StringComparison.Ordinal);
        var good = new ProbabilityTable(150, new[] { Start }, new float[150]);
        var outside = new TremorEpisode(Start, Start.AddMinutes(1), 1, new[] { 150 }, 38, 142, 0.9f, TremorCategory.Probable);
        Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.SavePng(bad, Snet, good, new[] { outside }));
        Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.SavePng(bad, Snet, good, Array.Empty<TremorEpisode>(), new TimelineOptions { Width = 100 }));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void TimeTicksPrintTheDateOnce()
    {
        var ticks = TimeTicks.Ticks(Start, Start.AddMinutes(60), 1200);
        Assert.All(ticks, t => Assert.Matches("^[0-2][0-9]:[0-5][0-9]$", t.Label));
        Assert.Equal("00:00", ticks[0].Label);
        Assert.Equal("Time (UTC), 2016-04-01", TimeTicks.AxisLabel(Start, Start.AddDays(1)));
        var days = TimeTicks.Ticks(Start.AddHours(18), Start.AddHours(42), 1200);
        Assert.Contains(days, t => t.Label == "04-02");
        Assert.Contains("to 2016-04-02", TimeTicks.AxisLabel(Start.AddHours(18), Start.AddHours(42)), StringComparison.Ordinal);
    }

    /// <summary>The first <paramref name="count"/> S-net stations (neighbours along the trench).</summary>
    internal static StationNetwork Subnet(int count) =>
        new(Snet.Names.Take(count), Snet.Latitudes.Take(count), Snet.Longitudes.Take(count));

    /// <summary>A table with tremor on a few station runs, and a catalogue with two episodes that overlap in time (as in the demo).</summary>
    private static (ProbabilityTable Table, IReadOnlyList<TremorEpisode> Episodes) Catalogue(StationNetwork stations, int minutes)
    {
        var n = stations.Count;
        var values = new float[minutes * n];
        var random = new Random(5);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 0.3);
        }
        var episodes = new List<TremorEpisode>();
        var count = Math.Max(2, Math.Min(12, minutes / 10));
        for (var e = 0; e < count; e++)
        {
            var first = e * minutes / count;
            var length = Math.Max(1, Math.Min(minutes - first, (minutes / count) + (e % 2 == 0 ? 3 : 0)));
            var size = Math.Min(n, 3 + (e % 4));
            var lowest = (e * 7) % Math.Max(1, n - size + 1);
            var members = Enumerable.Range(lowest, size).Where((_, i) => i != 1 || size < 5).ToArray();
            foreach (var s in members)
            {
                for (var m = first; m < first + length; m++)
                {
                    values[(m * n) + s] = 0.9f;
                }
            }
            episodes.Add(new TremorEpisode(Start.AddMinutes(first), Start.AddMinutes(first + length), length, members, 38, 142, 0.9f, e % 3 == 2 ? TremorCategory.Possible : TremorCategory.Probable));
        }
        var table = new ProbabilityTable(n, Enumerable.Range(0, minutes).Select(m => Start.AddMinutes(m)).ToArray(), values);
        return (table, episodes);
    }
}
