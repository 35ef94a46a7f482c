namespace Seismic.DietGrasp.Plotting;

/// <summary>How <see cref="MigrationPlot"/> draws (immutable; <c>with</c> to change).</summary>
public sealed record MigrationOptions
{
    /// <summary>Picture width in pixels (at least 200).</summary>
    public int Width { get; init; } = MigrationPlot.DefaultWidth;

    /// <summary>Picture height in pixels (at least 200).</summary>
    public int Height { get; init; } = MigrationPlot.DefaultHeight;

    /// <summary>The strike azimuth (degrees clockwise from north); null for the principal axis of the stations.</summary>
    public double? StrikeAzimuth { get; init; }

    /// <summary>Start of the time axis (UTC); null for the first group's minute.</summary>
    public DateTime? Start { get; init; }

    /// <summary>End of the time axis (UTC, excluded); null for the last group's minute plus one.</summary>
    public DateTime? End { get; init; }
}
