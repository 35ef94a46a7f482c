namespace Seismic.DietGrasp.Grasp;

/// <summary>A tremor group with its category: one row of the categorised table.</summary>
public sealed class CategorizedGroup
{
    /// <summary>Creates a categorised group.</summary>
    /// <param name="group">The tremor group.</param>
    /// <param name="category">Its category.</param>
    public CategorizedGroup(StationGroup group, TremorCategory category)
    {
        Group = group ?? throw new ArgumentNullException(nameof(group));
        if (category is not (TremorCategory.Probable or TremorCategory.Possible))
        {
            throw new InvalidParameterException(nameof(category), $"{(int)category}; expected 1 (probable) or 2 (possible)");
        }
        Category = category;
    }

    /// <summary>The tremor group.</summary>
    public StationGroup Group { get; }

    /// <summary>1 = probable tremor, 2 = possible tremor.</summary>
    public TremorCategory Category { get; }
}
