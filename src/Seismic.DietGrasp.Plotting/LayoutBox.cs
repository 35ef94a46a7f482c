namespace Seismic.DietGrasp.Plotting;

/// <summary>A rectangle of a picture in pixels (y down), for laying out labels that must not overlap.</summary>
internal readonly record struct LayoutBox(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;

    /// <summary>True when the two share area (touching edges do not count).</summary>
    public bool Overlaps(LayoutBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Inside(LayoutBox outer) =>
        Left >= outer.Left && Right <= outer.Right && Top >= outer.Top && Bottom <= outer.Bottom;

    public LayoutBox Moved(float dx, float dy) => new(Left + dx, Top + dy, Right + dx, Bottom + dy);
}
