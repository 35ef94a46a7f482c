using System.Collections.ObjectModel;

namespace Seismic.DietGrasp.IO;

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
