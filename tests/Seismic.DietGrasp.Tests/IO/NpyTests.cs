using System.Text;
using Seismic.DietGrasp.IO;
using Xunit;

namespace Seismic.DietGrasp.Tests.IO;

public sealed class NpyTests
{
    private static readonly double[] Base = Enumerable.Range(0, 24).Select(i => (i * 0.5) - 3).ToArray();

    private static string Fixture(string name) => TestPaths.TestData("IO", name);

    [Theory]
    [InlineData("f4_v1.npy", NpyDataType.Float32, 1, false)]
    [InlineData("f8_v1.npy", NpyDataType.Float64, 1, false)]
    [InlineData("f4_v2.npy", NpyDataType.Float32, 2, false)]
    [InlineData("f8_v3.npy", NpyDataType.Float64, 3, false)]
    [InlineData("f4_big.npy", NpyDataType.Float32, 1, true)]
    [InlineData("f8_big.npy", NpyDataType.Float64, 1, true)]
    public void FilesWrittenByNumpyReadBackExactly(string name, NpyDataType type, int version, bool bigEndian)
    {
        var header = Npy.ReadHeader(Fixture(name));
        Assert.Equal(type, header.DataType);
        Assert.Equal(version, header.MajorVersion);
        Assert.Equal(bigEndian, header.IsBigEndian);
        Assert.Equal(new[] { 2, 3, 4 }, header.Shape);
        Assert.Equal(24, header.ElementCount);
        var wide = Npy.ReadFloat64(Fixture(name));
        Assert.Equal(new[] { 2, 3, 4 }, wide.Shape);
        Assert.Equal(Base, wide.Data);
        var narrow = Npy.ReadFloat32(Fixture(name));
        Assert.Equal(Base.Select(v => (float)v), narrow.Data);
    }

    [Fact]
    public void OneDimensionalScalarAndEmptyShapesRead()
    {
        var line = Npy.ReadFloat64(Fixture("f8_1d.npy"));
        Assert.Equal(new[] { 3 }, line.Shape);
        Assert.Equal(new[] { 1.5, -2.25, Math.PI }, line.Data);
        var scalar = Npy.ReadFloat32(Fixture("f4_scalar.npy"));
        Assert.Empty(scalar.Shape);
        Assert.Equal(new[] { 7.5f }, scalar.Data);
        var empty = Npy.ReadFloat32(Fixture("f4_empty.npy"));
        Assert.Equal(new[] { 0, 3 }, empty.Shape);
        Assert.Empty(empty.Data);
    }

    [Fact]
    public void OurFloat32FileIsByteIdenticalToNumpys()
    {
        var path = Path.Combine(TestPaths.NewScratchFolder(), "a.npy");
        Npy.Write(path, Base.Select(v => (float)v).ToArray(), new[] { 2, 3, 4 });
        Assert.Equal(File.ReadAllBytes(Fixture("f4_v1.npy")), File.ReadAllBytes(path));
        Npy.Write(path, Base, new[] { 2, 3, 4 });
        Assert.Equal(File.ReadAllBytes(Fixture("f8_v1.npy")), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary left behind
    }

    [Fact]
    public void RoundTripsThroughStreamsAndLongHeadersUseVersion2()
    {
        var data = new float[] { 1, -2, 3.5f, float.MaxValue, float.Epsilon, -0f };
        using (var stream = new MemoryStream())
        {
            Npy.Write(stream, data, new[] { 6 });
            Assert.Equal(0, stream.Length % 2);
            stream.Position = 0;
            var back = Npy.ReadFloat32(stream, "memory");
            Assert.Equal(data, back.Data);
            Assert.Equal(new[] { 6 }, back.Shape);
        }
        // 25,000 dimensions of 1 need a header over 64 KiB: numpy then uses version 2.0.
        var shape = Enumerable.Repeat(1, 25_000).ToArray();
        using (var stream = new MemoryStream())
        {
            Npy.Write(stream, new[] { 42.0 }, shape);
            stream.Position = 0;
            var header = Npy.ReadHeader(stream, "memory");
            Assert.Equal(2, header.MajorVersion);
            Assert.Equal(0, header.DataOffset % 64);
            stream.Position = 0;
            Assert.Equal(new[] { 42.0 }, Npy.ReadFloat64(stream, "memory").Data);
        }
    }

    [Fact]
    public void AnArrayOverTwoGibibytesIsWrittenWhole()
    {
        // 550 M floats (2.2 GB) had no byte view: Write threw OverflowException (found writing 20,000 training
        // windows per class). Counted, not stored: the test needs the array's memory only.
        const int Count = 550_000_000;
        var data = new float[Count];
        data[Count - 1] = 7;
        var counter = new CountingStream();
        Npy.Write(counter, data, new[] { Count });
        using var header = new MemoryStream();
        Npy.WriteFloat32Header(header, new[] { Count });
        Assert.Equal(header.Length + (4L * Count), counter.Length);
        Assert.Equal(BitConverter.GetBytes(7f), counter.LastBytes);
    }

    [Theory]
    [InlineData(int.MaxValue, 1 << 28)]   // a float span within one 1 GiB block of int.MaxValue elements: overflowed before
    [InlineData(1_980_000_000, 1 << 28)]  // the 100 Hz training windows that failed
    [InlineData(1001, 3)]
    [InlineData(9, 3)]
    [InlineData(0, 3)]
    public void BlocksCoverTheSpanExactlyUpToIntMaxValue(int length, int perBlock)
    {
        long covered = 0;
        foreach (var (start, count) in Npy.Blocks(length, perBlock))
        {
            Assert.Equal(covered, start);
            Assert.InRange(count, 1, perBlock);
            covered += count;
        }
        Assert.Equal(length, covered);
    }

    [Fact]
    public void BlocksJoinSeamlesslyInEveryReadAndWritePath()
    {
        var floats = Enumerable.Range(0, 1001).Select(i => (float)(i * 0.5)).ToArray();
        var doubles = floats.Select(v => (double)v - 3).ToArray();
        var path = Path.Combine(TestPaths.NewScratchFolder(), "blocks.npy");
        var saved = Npy.MaxBlockBytes;
        try
        {
            Npy.MaxBlockBytes = 12;   // 3 floats or 1 double a block: 334 and 1,001 seams
            Npy.Write(path, floats, new[] { 7, 143 });
            Assert.Equal(floats, Npy.ReadFloat32(path).Data);
            using var stream = new MemoryStream();
            Npy.Write(stream, doubles, new[] { 1001 });
            stream.Position = 0;
            Assert.Equal(doubles, Npy.ReadFloat64(stream, "memory").Data);
        }
        finally
        {
            Npy.MaxBlockBytes = saved;
        }
        Assert.Equal(floats, Npy.ReadFloat32(path).Data);
    }

    /// <summary>A write-only stream that keeps only its length and the last 4 bytes written.</summary>
    private sealed class CountingStream : Stream
    {
        public byte[] LastBytes { get; } = new byte[4];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        private long _length;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            if (buffer.Length >= 4)
            {
                buffer[^4..].CopyTo(LastBytes);
                return;
            }
            var keep = 4 - buffer.Length;
            LastBytes.AsSpan(buffer.Length, keep).CopyTo(LastBytes);
            buffer.CopyTo(LastBytes.AsSpan(keep));
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void WritingRefusesAShapeThatDoesNotMatchTheData()
    {
        var path = Path.Combine(TestPaths.NewScratchFolder(), "bad.npy");
        Assert.Throws<ArgumentException>(() => Npy.Write(path, new float[5], new[] { 2, 3 }));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("fortran.npy", "Fortran-order")]
    [InlineData("int32.npy", "dtype '<i4' is not supported")]
    public void UnsupportedNumpyFilesAreRefused(string name, string expected)
    {
        var e = Assert.Throws<InvalidFileException>(() => Npy.ReadFloat64(Fixture(name)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(Fixture(name), e.FilePath);
    }

    public static TheoryData<string, string> Corruptions => new()
    {
        { "bad magic", "magic string" },
        { "truncated data", "truncated data" },
        { "truncated header", "ends inside the header" },
        { "trailing bytes", "unexpected bytes after the data" },
        { "no shape", "no 'shape' tuple" },
        { "bad shape", "tuple of non-negative integers" },
        { "version 9", "version 9.0 is not supported" },
        { "empty", "ends inside the magic string" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void CorruptFilesAreRefusedNamingTheFileAndTheProblem(string corruption, string expected)
    {
        var good = File.ReadAllBytes(Fixture("f4_v1.npy"));
        var bytes = corruption switch
        {
            "bad magic" => Replace(good, 1, (byte)'X'),
            "truncated data" => good.Take(good.Length - 3).ToArray(),
            "truncated header" => good.Take(40).ToArray(),
            "trailing bytes" => good.Concat(new byte[4]).ToArray(),
            "no shape" => Patch(good, "'shape'", "'shapf'"),
            "bad shape" => Patch(good, "(2, 3, 4)", "(2, x, 4)"),
            "version 9" => Replace(good, 6, 9),
            "empty" => Array.Empty<byte>(),
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };
        var path = Path.Combine(TestPaths.NewScratchFolder(), "corrupt.npy");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidFileException>(() => Npy.ReadFloat32(path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    private static byte[] Replace(byte[] bytes, int index, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] Patch(byte[] bytes, string from, string to)
    {
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
