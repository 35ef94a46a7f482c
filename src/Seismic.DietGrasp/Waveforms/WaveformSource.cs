namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// Where a waveform's bytes come from: a file (opened again for each read, so an index holds no open file) or a
/// caller's stream read into memory. <see cref="Name"/> names it in messages and in an archive's file lists.
/// </summary>
internal sealed class WaveformSource
{
    private readonly byte[]? _bytes;
    private readonly int _offset;
    private readonly int _length;

    private WaveformSource(string name, byte[]? bytes, int offset, int length)
    {
        Name = name;
        _bytes = bytes;
        _offset = offset;
        _length = length;
    }

    /// <summary>The file's path, or the name given with a stream.</summary>
    public string Name { get; }

    /// <summary>A file.</summary>
    public static WaveformSource File(string path) => new(path ?? throw new ArgumentNullException(nameof(path)), null, 0, 0);

    /// <summary>Samples already in memory (a <see cref="Trace"/>): nothing to open.</summary>
    public static WaveformSource Memory(string name) => new(name, Array.Empty<byte>(), 0, 0);

    /// <summary>
    /// The rest of <paramref name="stream"/> (from its position), read whole into memory: the readers seek, and a caller's
    /// stream may not, nor be safe to share between the reads of an index.
    /// </summary>
    /// <exception cref="InvalidFileException">The stream holds 2 GiB or more, or cannot be read.</exception>
    public static WaveformSource Of(Stream stream, string? name)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }
        name ??= "stream";
        try
        {
            if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer) && memory.Position <= buffer.Count)
            {
                // A caller's MemoryStream is used where it is, from its position (no copy).
                var position = (int)memory.Position;
                return new WaveformSource(name, buffer.Array!, buffer.Offset + position, buffer.Count - position);
            }
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new WaveformSource(name, copy.GetBuffer(), 0, (int)copy.Length);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or OutOfMemoryException or ObjectDisposedException)
        {
            throw new InvalidFileException(name, $"the stream cannot be read whole into memory ({e.Message})", e);
        }
    }

    /// <summary>Opens the bytes for reading (the caller disposes the stream).</summary>
    /// <exception cref="InvalidFileException">The file is missing or cannot be opened.</exception>
    public Stream Open(int bufferSize = 4096) =>
        _bytes is null ? IO.InputFile.OpenRead(Name, bufferSize) : new MemoryStream(_bytes, _offset, _length, writable: false);
}
