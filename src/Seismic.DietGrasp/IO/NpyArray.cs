using System.Collections.ObjectModel;

namespace Seismic.DietGrasp.IO;

/// <summary>The element types the library reads from and writes to <c>.npy</c> files.</summary>
public enum NpyDataType
{
    /// <summary>IEEE 754 single precision (<c>&lt;f4</c>, or <c>&gt;f4</c> when read).</summary>
    Float32,

    /// <summary>IEEE 754 double precision (<c>&lt;f8</c>, or <c>&gt;f8</c> when read).</summary>
    Float64,
}

/// <summary>What a <c>.npy</c> header says: element type, byte order, shape and format version.</summary>
public sealed class NpyHeader
{
    internal NpyHeader(NpyDataType dataType, bool bigEndian, IReadOnlyList<int> shape, int majorVersion, long dataOffset)
    {
        DataType = dataType;
        IsBigEndian = bigEndian;
        Shape = new ReadOnlyCollection<int>(shape.ToArray());
        MajorVersion = majorVersion;
        DataOffset = dataOffset;
        long count = 1;
        foreach (var dimension in shape)
        {
            count *= dimension;
        }
        ElementCount = count;
    }

    /// <summary>The element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>True for <c>&gt;f4</c>/<c>&gt;f8</c> (big-endian) data.</summary>
    public bool IsBigEndian { get; }

    /// <summary>The array's shape, C (row-major) order; empty for a 0-d array.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The product of the shape.</summary>
    public long ElementCount { get; }

    /// <summary>The format's major version: 1, 2 or 3.</summary>
    public int MajorVersion { get; }

    /// <summary>Byte offset of the first element in the file.</summary>
    public long DataOffset { get; }
}

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
