using System.Buffers;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// Bytes of a stream at given offsets, served from one pooled chunk that is refilled (one read) only when a request
/// leaves it: what indexing a miniSEED file, which asks for every record's header in order, needs.
/// </summary>
/// <remarks>
/// Why: indexing asked a 64 KB-buffered <see cref="FileStream"/> for each header by setting its position and reading,
/// 3,300 times a channel-day. With the headers peeked from this chunk instead (and one channel in time order no longer
/// grouped and sorted) the S-net day's 450 files scan in 1.8 instead of 3.4 s of CPU (benchmarks/README.md, issue #18).
/// </remarks>
internal sealed class ChunkReader : IDisposable
{
    /// <summary>The chunk's size: the longest miniSEED record (2^16 bytes) fits.</summary>
    public const int ChunkBytes = 1 << 16;

    private readonly Stream _stream;
    private byte[]? _chunk;
    private long _start;
    private int _count;

    /// <summary>Reads <paramref name="stream"/> (which the caller disposes) from its start; its length is taken now.</summary>
    /// <param name="stream">A seekable stream.</param>
    public ChunkReader(Stream stream)
    {
        _stream = stream;
        Length = stream.Length;
        _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    }

    /// <summary>The stream's length when the reader was made.</summary>
    public long Length { get; }

    /// <summary>
    /// The <paramref name="count"/> bytes from <paramref name="offset"/>, fewer only where the stream ends first; valid
    /// until the next call.
    /// </summary>
    /// <param name="offset">From 0 to <see cref="Length"/>.</param>
    /// <param name="count">From 0 to <see cref="ChunkBytes"/>.</param>
    /// <returns>The bytes.</returns>
    public ReadOnlySpan<byte> Peek(long offset, int count)
    {
        var chunk = _chunk ?? throw new ObjectDisposedException(nameof(ChunkReader));
        if (count < 0 || count > ChunkBytes || offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} bytes at {offset}: at most {ChunkBytes} bytes from a non-negative offset");
        }
        var end = _start + _count;
        var inside = offset >= _start && (offset + count <= end || (end == Length && offset <= end));
        if (!inside)
        {
            _stream.Position = offset;
            _start = offset;
            _count = WaveformStreams.ReadAtMost(_stream, chunk, ChunkBytes);
        }
        var at = (int)(offset - _start);
        return chunk.AsSpan(at, Math.Min(count, _count - at));
    }

    /// <summary>Returns the chunk to the pool.</summary>
    public void Dispose()
    {
        if (_chunk is { } chunk)
        {
            _chunk = null;
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
