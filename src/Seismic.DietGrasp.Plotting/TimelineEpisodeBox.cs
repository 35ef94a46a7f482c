namespace Seismic.DietGrasp.Plotting;

/// <summary>One outlined box of an episode on the timeline: a run of adjacent rows (stations next to each other along strike) over the episode's time columns.</summary>
internal sealed class TimelineEpisodeBox
{
    public TimelineEpisodeBox(int episode, int firstRow, int lastRow, int firstColumn, int endColumn, LayoutBox pixels)
    {
        Episode = episode;
        FirstRow = firstRow;
        LastRow = lastRow;
        FirstColumn = firstColumn;
        EndColumn = endColumn;
        Pixels = pixels;
    }

    /// <summary>Index of the episode in the catalogue (its id is this plus one).</summary>
    public int Episode { get; }

    /// <summary>Top row of the run (row 0 is the top of the picture).</summary>
    public int FirstRow { get; }

    /// <summary>Bottom row of the run, included.</summary>
    public int LastRow { get; }

    /// <summary>First time column.</summary>
    public int FirstColumn { get; }

    /// <summary>End time column, excluded.</summary>
    public int EndColumn { get; }

    /// <summary>Where the outline is drawn.</summary>
    public LayoutBox Pixels { get; }
}
