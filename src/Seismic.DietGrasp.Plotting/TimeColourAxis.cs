using ScottPlot;

namespace Seismic.DietGrasp.Plotting;

/// <summary>A colour axis over a time range (OLE automation dates), for a colour bar of "when".</summary>
internal sealed class TimeColourAxis : IHasColorAxis
{
    private readonly ScottPlot.Range _range;

    public TimeColourAxis(IColormap colormap, DateTime start, DateTime end)
    {
        Colormap = colormap;
        Start = start;
        End = end > start ? end : start.AddMinutes(1);
        _range = new ScottPlot.Range(Start.ToOADate(), End.ToOADate());
    }

    public IColormap Colormap { get; }

    public DateTime Start { get; }

    public DateTime End { get; }

    public ScottPlot.Range GetRange() => _range;

    /// <summary>The colour of a time: the colormap at its fraction of the range.</summary>
    public Color ColourOf(DateTime time) => Colormap.GetColor((time - Start).TotalMinutes / (End - Start).TotalMinutes);
}
