using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Waveforms;

public sealed class ChunkReaderTests
{
    private const int Size = (2 * ChunkReader.ChunkBytes) + 1000;

    [Fact]
    public void PeeksGiveTheStreamsBytesAnywhere()
    {
        var bytes = Pattern(Size);
        using var stream = new CountingStream(bytes);
        using var reader = new ChunkReader(stream);
        Assert.Equal(Size, reader.Length);
        foreach (var (offset, count) in new[] { (0L, 256), (65_500L, 256), (10L, 48), (Size - 256L, 256), (66_000L, ChunkReader.ChunkBytes), (3L, 0) })
        {
            Assert.Equal(bytes.AsSpan((int)offset, count).ToArray(), reader.Peek(offset, count).ToArray());
        }
    }

    [Fact]
    public void ThePeekStopsAtTheEnd()
    {
        var bytes = Pattern(Size);
        using var stream = new CountingStream(bytes);
        using var reader = new ChunkReader(stream);
        Assert.Equal(bytes.AsSpan(Size - 100).ToArray(), reader.Peek(Size - 100, 256).ToArray());
        Assert.Equal(0, reader.Peek(Size, 256).Length);
        Assert.Equal(10, reader.Peek(Size - 10, 256).Length);
    }

    [Fact]
    public void HeadersInOrderReadEachByteOnce()
    {
        // A miniSEED index's pattern: a 256-byte probe every 4096 bytes from the start to the end.
        var bytes = Pattern(Size);
        using var stream = new CountingStream(bytes);
        using var reader = new ChunkReader(stream);
        for (long offset = 0; offset < Size; offset += 4096)
        {
            Assert.Equal(bytes[offset], reader.Peek(offset, 256)[0]);
        }
        Assert.Equal(Size, stream.BytesRead);
    }

    [Fact]
    public void TooLongAPeekOrAUseAfterDisposeIsRefused()
    {
        using var stream = new CountingStream(Pattern(16));
        var reader = new ChunkReader(stream);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Peek(0, ChunkReader.ChunkBytes + 1).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Peek(-1, 1).Length);
        reader.Dispose();
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.Peek(0, 1).Length);
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 7) + (i >> 9))).ToArray();

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
