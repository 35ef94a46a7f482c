using System.Collections.ObjectModel;

namespace Seismic.DietGrasp.IO;

/// <summary>An n-dimensional array read from (or to be written to) a <c>.npy</c> file: a shape and its C-order data.</summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class NpyArray<T>
    where T : unmanaged
{
    /// <summary>Wraps data and a shape (the data is not copied).</summary>
    /// <param name="data">Elements in C (row-major) order.</param>
    /// <param name="shape">The dimensions; their product must equal the data's length.</param>
    /// <exception cref="ArgumentException">The shape has a negative dimension or does not match the data's length.</exception>
    public NpyArray(T[] data, IReadOnlyList<int> shape)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }
        Shape = new ReadOnlyCollection<int>(shape.ToArray());
        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"negative dimension {dimension} in shape ({string.Join(", ", shape)})", nameof(shape));
            }
            count *= dimension;
        }
        if (count != data.Length)
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} elements but the data has {data.Length}", nameof(shape));
        }
    }

    /// <summary>The elements in C (row-major) order.</summary>
    public T[] Data { get; }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape { get; }
}
