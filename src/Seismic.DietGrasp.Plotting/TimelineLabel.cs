namespace Seismic.DietGrasp.Plotting;

/// <summary>A piece of text the timeline draws, with the box it takes.</summary>
internal sealed class TimelineLabel
{
    public TimelineLabel(string kind, string text, LayoutBox box)
    {
        Kind = kind;
        Text = text;
        Box = box;
    }

    /// <summary>What it labels: station, time, episode, legend, title, axis, colour bar.</summary>
    public string Kind { get; }

    public string Text { get; }

    public LayoutBox Box { get; }
}
