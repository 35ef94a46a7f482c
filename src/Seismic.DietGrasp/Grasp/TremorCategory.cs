namespace Seismic.DietGrasp.Grasp;

/// <summary>The category Apply_Categorization gives a tremor group (the last column of the categorised table).</summary>
public enum TremorCategory
{
    /// <summary>1: no earthquake group nearby in space and time.</summary>
    Probable = 1,

    /// <summary>2: an earthquake group within the window shares a station with the group or its kNN neighbours.</summary>
    Possible = 2,
}
