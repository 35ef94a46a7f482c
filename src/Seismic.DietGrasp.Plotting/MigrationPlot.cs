using ScottPlot;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The space-time picture in which tremor migration is seen: time across, distance along the network's
/// strike up (<see cref="StrikeAxis"/>), one mark per tremor group-minute at the probability-weighted mean
/// distance of its stations with a bar over their extent, coloured by the episode it belongs to and the
/// episode's id (E1 is the catalogue's first row) beside its first mark. Grey ticks on the right show where
/// the stations are.
/// </summary>
public static class MigrationPlot
{
    /// <summary>Default picture width in pixels.</summary>
    public const int DefaultWidth = 1300;

    /// <summary>Default picture height in pixels.</summary>
    public const int DefaultHeight = 650;

    /// <summary>Episodes up to which each is labelled with its id.</summary>
    public const int MaxLabels = 40;

    /// <summary>Draws the migration plot and writes a PNG file, atomically.</summary>
    /// <param name="path">The PNG file to create or replace.</param>
    /// <param name="stations">The network.</param>
    /// <param name="groups">Tremor groups (<c>Tremor_candidate.csv</c> or the categorised ones), any order.</param>
    /// <param name="episodes">The catalogue the groups were merged into (colours and ids); may be empty.</param>
    /// <param name="options">Size, strike and time range; null for the defaults.</param>
    /// <exception cref="InvalidParameterException">A group or episode names a station outside the network, the time range is empty, or the size is too small.</exception>
    public static void SavePng(string path, StationNetwork stations, IReadOnlyList<StationGroup> groups, IReadOnlyList<TremorEpisode> episodes, MigrationOptions? options = null)
    {
        var bytes = RenderPng(stations, groups, episodes, options);
        AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Draws the migration plot as PNG bytes.</summary>
    /// <param name="stations">The network.</param>
    /// <param name="groups">Tremor groups, any order.</param>
    /// <param name="episodes">The catalogue the groups were merged into; may be empty.</param>
    /// <param name="options">Size, strike and time range; null for the defaults.</param>
    /// <returns>The encoded PNG.</returns>
    /// <exception cref="InvalidParameterException">A group or episode names a station outside the network, the time range is empty, or the size is too small.</exception>
    public static byte[] RenderPng(StationNetwork stations, IReadOnlyList<StationGroup> groups, IReadOnlyList<TremorEpisode> episodes, MigrationOptions? options = null)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }
        if (episodes is null)
        {
            throw new ArgumentNullException(nameof(episodes));
        }
        options ??= new MigrationOptions();
        PlotChecks.Size(options.Width, options.Height);
        if (groups.Any(g => g.Stations[g.Count - 1] >= stations.Count) || episodes.Any(e => e.Stations[e.Stations.Count - 1] >= stations.Count))
        {
            throw new InvalidParameterException(nameof(groups), $"a group or episode names a station beyond the network's {stations.Count}");
        }
        var start = options.Start ?? (groups.Count > 0 ? groups.Min(g => g.Minute) : episodes.Count > 0 ? episodes.Min(e => e.Start) : throw new InvalidParameterException(nameof(options), "no group, no episode and no time range: nothing to place on the time axis"));
        var end = options.End ?? (groups.Count > 0 ? groups.Max(g => g.Minute).AddMinutes(1) : episodes.Max(e => e.End));
        if (end <= start)
        {
            throw new InvalidParameterException(nameof(options), $"the time range [{start:O}, {end:O}) is empty");
        }

        var strike = StrikeAxis.Of(stations, options.StrikeAzimuth);
        var distances = Enumerable.Range(0, stations.Count).Select(s => strike.Distance(stations.Latitudes[s], stations.Longitudes[s])).ToArray();
        var bottom = distances.Min();
        var top = distances.Max();
        var margin = Math.Max(1, (top - bottom) * 0.05);
        // 3 % of the span on either side: marks at the range's ends stay whole, and the station ticks get a margin of their own.
        var pad = (end - start).TotalDays * 0.03;
        var left = start.ToOADate() - pad;
        var right = end.ToOADate() + pad;

        var plot = new Plot();
        var dataRect = new PixelRect(95, options.Width - 30, options.Height - 60, 45);
        plot.Layout.Fixed(new PixelPadding(dataRect.Left, options.Width - dataRect.Right, options.Height - dataRect.Bottom, dataRect.Top));

        // Where the stations are: short grey ticks in the right margin.
        var tickLength = pad * 0.6;
        foreach (var d in distances)
        {
            var tick = plot.Add.Line(right - tickLength, d, right, d);
            tick.LineColor = Colors.Gray;
            tick.LineWidth = 1;
        }

        var palette = new ScottPlot.Palettes.Category10();
        var members = episodes.Select(e => new HashSet<int>(e.Stations)).ToArray();
        var labelled = new HashSet<int>();
        var shown = groups.Where(g => g.Minute >= start && g.Minute < end).OrderBy(g => g.Minute).ToList();
        var unmatched = 0;
        var matched = new HashSet<int>();
        foreach (var group in shown)
        {
            var episode = EpisodeOf(group, episodes, members);
            var colour = episode < 0 ? Colors.Gray : palette.GetColor(episode % 10);
            unmatched += episode < 0 ? 1 : 0;
            matched.Add(episode);
            double weight = 0, sum = 0, low = double.MaxValue, high = double.MinValue;
            for (var i = 0; i < group.Count; i++)
            {
                var d = distances[group.Stations[i]];
                weight += group.Probabilities[i];
                sum += group.Probabilities[i] * d;
                low = Math.Min(low, d);
                high = Math.Max(high, d);
            }
            var x = group.Minute.AddSeconds(30).ToOADate();
            var extent = plot.Add.Line(x, low, x, high);
            extent.LineColor = colour.WithAlpha(0.45);
            extent.LineWidth = 2;
            plot.Add.Marker(x, sum / weight, MarkerShape.FilledCircle, 7, colour);
            if (episode >= 0 && episodes.Count <= MaxLabels && labelled.Add(episode))
            {
                var label = plot.Add.Text($"E{episode + 1}", x, high);
                label.LabelAlignment = Alignment.LowerCenter;
                label.LabelOffsetY = -3;
                label.LabelFontSize = 11;
                label.LabelBold = true;
                label.LabelFontColor = colour;
            }
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (time, label) in TimeTicks.Ticks(start, end, dataRect.Width))
        {
            ticks.AddMajor(time.ToOADate(), label);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(left, right, bottom - margin, top + margin);
        plot.XLabel(TimeTicks.AxisLabel(start, end));
        plot.YLabel($"Distance along strike towards {strike.Bearing()} (km)");
        var note = unmatched > 0 ? $", {unmatched} in no episode (grey)" : string.Empty;
        plot.Title($"Tremor migration: {shown.Count} group-minute(s) of {matched.Count(e => e >= 0)} episode(s) along the strike {strike.Bearing()} (mark: weighted mean; bar: station extent){note}");
        plot.Axes.Title.Label.FontSize = 14;
        return PngEncoding.Of(plot, options.Width, options.Height);
    }

    /// <summary>The episode a group belongs to: the one whose span holds its minute and whose stations hold all of its stations; -1 for none.</summary>
    internal static int EpisodeOf(StationGroup group, IReadOnlyList<TremorEpisode> episodes, IReadOnlyList<HashSet<int>> members)
    {
        for (var e = 0; e < episodes.Count; e++)
        {
            if (group.Minute >= episodes[e].Start && group.Minute < episodes[e].End && group.Stations.All(members[e].Contains))
            {
                return e;
            }
        }
        return -1;
    }
}
