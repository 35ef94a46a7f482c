namespace Seismic.DietGrasp.Plotting;

/// <summary>How <see cref="ProbabilityTimelinePlot"/> draws: title, size and the strike that orders the rows (immutable; <c>with</c> to change).</summary>
public sealed record TimelineOptions
{
    /// <summary>The quantity drawn: the title's start and the colour bar's label.</summary>
    public string Title { get; init; } = "Tremor probability";

    /// <summary>Picture width in pixels (at least 200); null for <see cref="ProbabilityTimelinePlot.DefaultWidth"/>.</summary>
    public int? Width { get; init; }

    /// <summary>Picture height in pixels (at least 200); null for <see cref="ProbabilityTimelinePlot.DefaultHeight"/> of the network.</summary>
    public int? Height { get; init; }

    /// <summary>The strike azimuth (degrees clockwise from north) along which the rows are ordered; null for the principal axis of the stations.</summary>
    public double? StrikeAzimuth { get; init; }
}
