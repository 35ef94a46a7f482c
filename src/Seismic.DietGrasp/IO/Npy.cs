using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
#if NET
using Microsoft.Win32.SafeHandles;
#endif

namespace Seismic.DietGrasp.IO;

/// <summary>
/// NumPy's <c>.npy</c> format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
/// reads float32 and float64 arrays (format versions 1, 2 and 3, little- or big-endian, C order) and
/// writes little-endian C-order arrays with a version 1 header (version 2 when the header needs it),
/// through a temporary file so that readers never see half a file.
/// </summary>
/// <remarks>
/// Anything else (Fortran order, other dtypes, a bad magic string, a header that does not parse, data
/// shorter or longer than the shape says) raises <see cref="InvalidFileException"/> naming the file and
/// what is wrong.
/// </remarks>
public static class Npy
{
    private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };
    private const int Alignment = 64;
    private const int CopyChunk = 1 << 16;
    private const int ForwardOnlyFirstElements = 1 << 16;

    /// <summary>Reads only the header of a <c>.npy</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Element type, byte order, shape and version.</returns>
    /// <exception cref="InvalidFileException">The file is not a supported <c>.npy</c> file.</exception>
    public static NpyHeader ReadHeader(string path)
    {
        using var stream = OpenRead(path);
        return ReadHeader(stream, path);
    }

    /// <summary>Reads the header of a <c>.npy</c> stream, leaving the stream at the first element.</summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="sourceName">The name to use in error messages (usually the file's path).</param>
    /// <returns>Element type, byte order, shape and version.</returns>
    /// <exception cref="InvalidFileException">The stream does not hold a supported <c>.npy</c> header.</exception>
    public static NpyHeader ReadHeader(Stream stream, string sourceName)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }
        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[8];
        ReadFully(stream, prefix, sourceName, "the magic string and version");
        if (!prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidFileException(sourceName, "not a .npy file: it does not start with the magic string \\x93NUMPY");
        }
        int major = prefix[6], minor = prefix[7];
        if (major is < 1 or > 3)
        {
            throw new InvalidFileException(sourceName, $".npy format version {major}.{minor} is not supported (expected 1.0, 2.0 or 3.0)");
        }
        var lengthBytes = new byte[major == 1 ? 2 : 4];
        ReadFully(stream, lengthBytes, sourceName, "the header length");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > 1 << 24)
        {
            throw new InvalidFileException(sourceName, $"the header claims {headerLength} bytes, which is not plausible for a .npy file");
        }
        var headerBytes = new byte[headerLength];
        ReadFully(stream, headerBytes, sourceName, "the header");
        var text = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Latin1(headerBytes);
        var dataOffset = start + prefix.Length + lengthBytes.Length + headerLength;
        return NpyHeaderParser.Parse(text, major, dataOffset, sourceName);
    }

    /// <summary>Reads a float32 or float64 <c>.npy</c> file as float32 (float64 data is rounded to the nearest float32).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The shape and the data in C order.</returns>
    /// <exception cref="InvalidFileException">The file is not a supported <c>.npy</c> file or its data are truncated.</exception>
    public static NpyArray<float> ReadFloat32(string path)
    {
        using var stream = OpenRead(path);
        return ReadFloat32(stream, path);
    }

    /// <summary>Reads a float32 or float64 <c>.npy</c> stream as float32 (float64 data is rounded to the nearest float32).</summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="sourceName">The name to use in error messages.</param>
    /// <returns>The shape and the data in C order.</returns>
    /// <exception cref="InvalidFileException">The stream is not a supported <c>.npy</c> array or its data are truncated.</exception>
    public static NpyArray<float> ReadFloat32(Stream stream, string sourceName) =>
        Read<float, double>(stream, sourceName, NpyDataType.Float32, wide => (float)wide);

    /// <summary>Reads a float32 or float64 <c>.npy</c> file as float64 (float32 data is widened exactly).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The shape and the data in C order.</returns>
    /// <exception cref="InvalidFileException">The file is not a supported <c>.npy</c> file or its data are truncated.</exception>
    public static NpyArray<double> ReadFloat64(string path)
    {
        using var stream = OpenRead(path);
        return ReadFloat64(stream, path);
    }

    /// <summary>Reads a float32 or float64 <c>.npy</c> stream as float64 (float32 data is widened exactly).</summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="sourceName">The name to use in error messages.</param>
    /// <returns>The shape and the data in C order.</returns>
    /// <exception cref="InvalidFileException">The stream is not a supported <c>.npy</c> array or its data are truncated.</exception>
    public static NpyArray<double> ReadFloat64(Stream stream, string sourceName) =>
        Read<double, float>(stream, sourceName, NpyDataType.Float64, narrow => narrow);

    /// <summary>Writes a float32 array (<c>&lt;f4</c>) to a file, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">The dimensions; their product must equal the data's length.</param>
    public static void Write(string path, ReadOnlyMemory<float> data, IReadOnlyList<int> shape)
    {
        CheckShape(data.Length, shape);
        AtomicFile.Write(path, stream => Write(stream, data.Span, shape));
    }

    /// <summary>Writes a float64 array (<c>&lt;f8</c>) to a file, atomically.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">The dimensions; their product must equal the data's length.</param>
    public static void Write(string path, ReadOnlyMemory<double> data, IReadOnlyList<int> shape)
    {
        CheckShape(data.Length, shape);
        AtomicFile.Write(path, stream => Write(stream, data.Span, shape));
    }

    /// <summary>Writes a float32 array (<c>&lt;f4</c>) to a stream.</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">The dimensions; their product must equal the data's length.</param>
    public static void Write(Stream stream, ReadOnlySpan<float> data, IReadOnlyList<int> shape)
    {
        CheckShape(data.Length, shape);
        WriteFloat32Header(stream, shape);
        WriteElements(stream, data);
    }

    /// <summary>Writes a float64 array (<c>&lt;f8</c>) to a stream.</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">The dimensions; their product must equal the data's length.</param>
    public static void Write(Stream stream, ReadOnlySpan<double> data, IReadOnlyList<int> shape)
    {
        CheckShape(data.Length, shape);
        WriteHeader(stream, "<f8", shape);
        WriteLittleEndian(stream, data);
    }

    /// <summary>Reads the array as <typeparamref name="T"/>, converting from <typeparamref name="TOther"/> when the file holds that type.</summary>
    private static NpyArray<T> Read<T, TOther>(Stream stream, string sourceName, NpyDataType typeOfT, Func<TOther, T> convert)
        where T : unmanaged
        where TOther : unmanaged
    {
        var header = ReadHeader(stream, sourceName);
        var count = ElementCount(header, stream, sourceName);
        T[] data;
        if (header.DataType == typeOfT)
        {
            data = ReadAll<T>(stream, count, header, sourceName);
        }
        else
        {
            var stored = ReadAll<TOther>(stream, count, header, sourceName);
            data = NewArray<T>(count);
            for (var i = 0; i < stored.Length; i++)
            {
                data[i] = convert(stored[i]);
            }
        }
        EnsureNothingAfter(stream, sourceName);
        return new NpyArray<T>(data, header.Shape);
    }

    /// <summary>
    /// Reads <paramref name="count"/> elements. A seekable stream's length was checked against the shape
    /// already; for a forward-only stream the array grows (doubling) as data arrives, so a corrupt shape
    /// cannot make it allocate more than about twice the bytes really there.
    /// </summary>
    private static T[] ReadAll<T>(Stream stream, int count, NpyHeader header, string sourceName)
        where T : unmanaged
    {
        if (stream.CanSeek)
        {
            var data = NewArray<T>(count);
            ReadElements<T>(stream, data, header, 0, sourceName);
            return data;
        }
        var destination = new T[Math.Min(count, ForwardOnlyFirstElements)];
        var done = 0;
        while (true)
        {
            ReadElements<T>(stream, destination.AsSpan(done), header, done, sourceName);
            done = destination.Length;
            if (done == count)
            {
                return destination;
            }
            Array.Resize(ref destination, (int)Math.Min(count, 2L * destination.Length));
        }
    }

    /// <summary>The header text numpy writes for a C-order array: the dict padded with spaces to a multiple of 64 bytes, ending in a newline.</summary>
    internal static byte[] HeaderBytes(string descr, IReadOnlyList<int> shape, int major)
    {
        var dimensions = shape.Count == 1
            ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
            : $"({string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {dimensions}, }}";
        var prefixLength = Magic.Length + 2 + (major == 1 ? 2 : 4);
        var padded = ((prefixLength + dict.Length + 1 + Alignment - 1) / Alignment) * Alignment;
        var text = dict + new string(' ', padded - prefixLength - dict.Length - 1) + "\n";
        return Encoding.ASCII.GetBytes(text);
    }

    private static void WriteHeader(Stream stream, string descr, IReadOnlyList<int> shape)
    {
        var major = 1;
        var header = HeaderBytes(descr, shape, major);
        if (header.Length > ushort.MaxValue)
        {
            major = 2;
            header = HeaderBytes(descr, shape, major);
        }
        stream.Write(Magic, 0, Magic.Length);
        stream.WriteByte((byte)major);
        stream.WriteByte(0);
        var length = new byte[major == 1 ? 2 : 4];
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        }
        stream.Write(length, 0, length.Length);
        stream.Write(header, 0, header.Length);
    }

    /// <summary>
    /// Writes <paramref name="data"/> little-endian a block of at most <see cref="MaxBlockBytes"/> at a time: a span of
    /// more than 2 GiB has no byte view (<c>MemoryMarshal.AsBytes</c> overflows), and an array of 600 M floats is one.
    /// </summary>
    private static void WriteLittleEndian<T>(Stream stream, ReadOnlySpan<T> data)
        where T : unmanaged
    {
        var perBlock = ElementsPerBlock<T>();
        foreach (var (start, count) in Blocks(data.Length, perBlock))
        {
            WriteLittleEndian(stream, MemoryMarshal.AsBytes(data.Slice(start, count)), Unsafe.SizeOf<T>());
        }
    }

    /// <summary>
    /// The largest byte view taken of an element span at once: 1 GiB. A test lowers it to see the blocks' seams; per
    /// thread, so that the lowering never reaches the reads and writes of tests running beside it.
    /// </summary>
    internal static int MaxBlockBytes
    {
        get => _maxBlockBytes == 0 ? 1 << 30 : _maxBlockBytes;
        set => _maxBlockBytes = value;
    }

    [ThreadStatic]
    private static int _maxBlockBytes;

    /// <summary>
    /// The blocks (start, count) of at most <paramref name="perBlock"/> elements that cover [0, <paramref name="length"/>)
    /// in order. Why: a loop that stepped by <paramref name="perBlock"/> overflowed int past the last block of a span
    /// within one block of int.MaxValue elements (the 66,000 training windows of 100 Hz, 1.98 G floats, failed with
    /// ArgumentOutOfRangeException); stepping by each block's count ends exactly at the length.
    /// </summary>
    internal static IEnumerable<(int Start, int Count)> Blocks(int length, int perBlock)
    {
        for (int start = 0, count; start < length; start += count)
        {
            count = Math.Min(perBlock, length - start);
            yield return (start, count);
        }
    }

    private static int ElementsPerBlock<T>()
        where T : unmanaged => Math.Max(1, MaxBlockBytes / Unsafe.SizeOf<T>());

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<byte> bytes, int elementSize)
    {
#if NET
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(bytes);
            return;
        }
#endif
        var buffer = ArrayPool<byte>.Shared.Rent(CopyChunk);
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += CopyChunk)
            {
                var chunk = bytes.Slice(offset, Math.Min(CopyChunk, bytes.Length - offset));
                chunk.CopyTo(buffer);
                if (!BitConverter.IsLittleEndian)
                {
                    ReverseEach(buffer.AsSpan(0, chunk.Length), elementSize);
                }
                stream.Write(buffer, 0, chunk.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the next <c>destination.Length</c> elements of the header's type (byte-swapped if big-endian);
    /// <paramref name="elementsBefore"/> (elements already read) only makes the truncation message exact.
    /// </summary>
    internal static void ReadElements<T>(Stream stream, Span<T> destination, NpyHeader header, long elementsBefore, string sourceName)
        where T : unmanaged
    {
        var perBlock = ElementsPerBlock<T>();
        foreach (var (start, count) in Blocks(destination.Length, perBlock))
        {
            ReadBlock(stream, destination.Slice(start, count), header, elementsBefore + start, sourceName);
        }
    }

    private static void ReadBlock<T>(Stream stream, Span<T> destination, NpyHeader header, long elementsBefore, string sourceName)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        var elementSize = Unsafe.SizeOf<T>();
        var done = 0;
#if NET
        while (done < bytes.Length)
        {
            var read = stream.Read(bytes.Slice(done));
            if (read <= 0)
            {
                throw Truncated(header, elementSize, (elementsBefore * elementSize) + done, sourceName);
            }
            done += read;
        }
#else
        var buffer = ArrayPool<byte>.Shared.Rent(CopyChunk);
        try
        {
            while (done < bytes.Length)
            {
                var read = stream.Read(buffer, 0, Math.Min(CopyChunk, bytes.Length - done));
                if (read <= 0)
                {
                    throw Truncated(header, elementSize, (elementsBefore * elementSize) + done, sourceName);
                }
                buffer.AsSpan(0, read).CopyTo(bytes.Slice(done));
                done += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
#endif
        if (header.IsBigEndian == BitConverter.IsLittleEndian)
        {
            ReverseEach(bytes, elementSize);
        }
    }

#if NET
    /// <summary>
    /// Reads <c>destination.Length</c> elements of the header's type (byte-swapped if big-endian) from element
    /// <paramref name="firstElement"/> of the data on, at their place in the file, leaving the file's position alone.
    /// </summary>
    internal static void ReadElementsAt<T>(SafeFileHandle file, Span<T> destination, NpyHeader header, long firstElement, string sourceName)
        where T : unmanaged
    {
        var perBlock = ElementsPerBlock<T>();
        foreach (var (start, count) in Blocks(destination.Length, perBlock))
        {
            ReadBlockAt(file, destination.Slice(start, count), header, firstElement + start, sourceName);
        }
    }

    private static void ReadBlockAt<T>(SafeFileHandle file, Span<T> destination, NpyHeader header, long firstElement, string sourceName)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        var elementSize = Unsafe.SizeOf<T>();
        var offset = header.DataOffset + (firstElement * elementSize);
        var done = 0;
        while (done < bytes.Length)
        {
            var read = RandomAccess.Read(file, bytes.Slice(done), offset + done);
            if (read <= 0)
            {
                throw Truncated(header, elementSize, (firstElement * elementSize) + done, sourceName);
            }
            done += read;
        }
        if (header.IsBigEndian == BitConverter.IsLittleEndian)
        {
            ReverseEach(bytes, elementSize);
        }
    }

    /// <summary>Writes float32 elements (little-endian) at byte <paramref name="offset"/> of the file; on a big-endian machine the data are byte-swapped in place first.</summary>
    internal static void WriteElementsAt(SafeFileHandle file, Span<float> data, long offset)
    {
        var perBlock = ElementsPerBlock<float>();
        foreach (var (start, count) in Blocks(data.Length, perBlock))
        {
            var bytes = MemoryMarshal.AsBytes(data.Slice(start, count));
            if (!BitConverter.IsLittleEndian)
            {
                ReverseEach(bytes, sizeof(float));
            }
            RandomAccess.Write(file, bytes, offset + ((long)start * sizeof(float)));
        }
    }
#endif

    /// <summary>Writes a little-endian C-order header for <paramref name="shape"/> of float32 (<c>&lt;f4</c>) elements.</summary>
    internal static void WriteFloat32Header(Stream stream, IReadOnlyList<int> shape) => WriteHeader(stream, "<f4", shape);

    /// <summary>Appends float32 elements (little-endian) after a header.</summary>
    internal static void WriteElements(Stream stream, ReadOnlySpan<float> data) => WriteLittleEndian(stream, data);

    private static InvalidFileException Truncated(NpyHeader header, int elementSize, long got, string sourceName) =>
        new(sourceName,
            $"truncated data: shape ({string.Join(", ", header.Shape)}) needs {header.ElementCount * elementSize} bytes after the header, the file has {got} ({got / elementSize} whole elements)");

    private static void ReverseEach(Span<byte> bytes, int elementSize)
    {
        for (var i = 0; i + elementSize <= bytes.Length; i += elementSize)
        {
            bytes.Slice(i, elementSize).Reverse();
        }
    }

    internal static void EnsureNothingAfter(Stream stream, string sourceName)
    {
        if (stream.CanSeek)
        {
            EnsureNothingAfter(stream, stream.Position, sourceName);
        }
    }

    /// <summary>Refuses a seekable stream longer than <paramref name="endOfData"/>, where the header says the data end.</summary>
    internal static void EnsureNothingAfter(Stream stream, long endOfData, string sourceName)
    {
        if (stream.CanSeek && stream.Length > endOfData)
        {
            throw new InvalidFileException(sourceName, $"{stream.Length - endOfData} unexpected bytes after the data the header describes (shape and file size disagree)");
        }
    }

    private static int ElementCount(NpyHeader header, Stream stream, string sourceName)
    {
        var size = ElementSize(header);
        if (header.ElementCount > (int.MaxValue - 64) / size)
        {
            throw new InvalidFileException(sourceName, $"shape ({string.Join(", ", header.Shape)}) holds {header.ElementCount} elements, more than one array can hold");
        }
        // A file shows its truncation before the array is allocated: a corrupt shape may claim gigabytes.
        if (stream.CanSeek && stream.Length - stream.Position < header.ElementCount * size)
        {
            throw Truncated(header, size, stream.Length - stream.Position, sourceName);
        }
        return (int)header.ElementCount;
    }

    private static int ElementSize(NpyHeader header) => header.DataType == NpyDataType.Float32 ? sizeof(float) : sizeof(double);

    private static void CheckShape(int length, IReadOnlyList<int> shape)
    {
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }
        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"negative dimension in shape ({string.Join(", ", shape)})", nameof(shape));
            }
            count *= dimension;
        }
        if (count != length)
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} elements but the data has {length}", nameof(shape));
        }
    }

    private static void ReadFully(Stream stream, byte[] buffer, string sourceName, string what)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = stream.Read(buffer, done, buffer.Length - done);
            if (read <= 0)
            {
                throw new InvalidFileException(sourceName, $"truncated: the file ends inside {what} (after {done} of {buffer.Length} bytes)");
            }
            done += read;
        }
    }

    /// <summary>An array about to be overwritten entirely: skip zeroing it where the runtime allows.</summary>
    internal static T[] NewArray<T>(int count)
        where T : unmanaged =>
#if NET
        GC.AllocateUninitializedArray<T>(count);
#else
        new T[count];
#endif

    internal static FileStream OpenRead(string path) => InputFile.OpenRead(path, CopyChunk);

    private static string Latin1(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }
        return new string(chars);
    }
}
