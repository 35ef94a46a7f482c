namespace Seismic.DietGrasp;

/// <summary>Argument checks for API misuse (null, an index out of range): the exceptions the house rules reserve for it.</summary>
internal static class Guard
{
    /// <summary>Returns <paramref name="value"/>, or throws <see cref="ArgumentNullException"/> naming <paramref name="name"/>.</summary>
    public static T NotNull<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentNullException(name);

    /// <summary>Throws <see cref="ArgumentNullException"/> when a list or any item in it is null.</summary>
    public static IReadOnlyList<T> NoNulls<T>(IReadOnlyList<T>? items, string name)
        where T : class
    {
        NotNull(items, name);
        for (var i = 0; i < items!.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentNullException(name, $"item {i} is null");
            }
        }
        return items;
    }

    /// <summary>Returns <paramref name="index"/> when it lies in [0, count), or throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static int Index(int index, int count, string name) =>
        index >= 0 && index < count ? index : throw new ArgumentOutOfRangeException(name, index, $"expected an index in [0, {count})");
}
