using System.Buffers.Binary;
using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

public class MiniSeedReaderTests
{
    /// <summary>Every encoding, byte order and record length against what Debian's mseed2sac decodes.</summary>
    [Theory]
    [MemberData(nameof(MiniSeedFixtures), MemberType = typeof(WaveformTestFiles))]
    public void MatchesMseed2sacSampleForSample(string name)
    {
        Assert.Equal(WaveformFormat.MiniSeed, WaveformFile.DetectFormat(Path(name)));
        var trace = Assert.Single(WaveformFile.Read(Path(name)));
        var expected = Assert.Single(WaveformFile.Read(Path(name + ".expected.sac")));
        Assert.Equal(expected.Id, trace.Id);
        Assert.Equal(expected.StartTime, trace.StartTime);
        Assert.Equal(expected.SamplingRate, trace.SamplingRate);
        Assert.Equal(Samples(expected), Samples(trace));
    }

    [Theory]
    [InlineData("ints_le_e3_be_4096.mseed")]
    [InlineData("ints_le_e10_le_256.mseed")]
    [InlineData("ints_le_e11_be_256.mseed")]
    [InlineData("ints_le_e11_le_512.mseed")]
    [InlineData("ints_le_e11_be_8192.mseed")]
    public void IntegerEncodingsGiveTheKnownInput(string name)
    {
        var input = Assert.Single(WaveformFile.Read(Path("ints_le.sac")));
        var trace = Assert.Single(WaveformFile.Read(Path(name)));
        Assert.Equal(Samples(input), Samples(trace));
        Assert.Equal(new ChannelId("XX", "DGT02", "", "HHE"), trace.Id);
        Assert.Equal(FixtureStart, trace.StartTime);
    }

    [Fact]
    public void Float64KeepsDoubles()
    {
        var input = Assert.Single(WaveformFile.Read(Path("real_le.sac")));
        Assert.Equal(Samples(input), Samples(Assert.Single(WaveformFile.Read(Path("float64_be_1024.mseed")))));
        Assert.Equal(Samples(input), Samples(Assert.Single(WaveformFile.Read(Path("float64_le_1024.mseed")))));
    }

    [Fact]
    public void LibmseedExampleHeader()
    {
        var trace = Assert.Single(WaveformFile.Read(Path("test.mseed")));
        Assert.Equal(new ChannelId("IU", "COLA", "00", "LHZ"), trace.Id);
        Assert.Equal(1.0, trace.SamplingRate);
        Assert.Equal(4200, trace.Count);
        // 06:50:00.0695 from the fixed header plus 39 us from blockette 1001.
        Assert.Equal(new DateTime(2010, 2, 27, 6, 50, 0, DateTimeKind.Utc).AddTicks(695_390), trace.StartTime);
    }

    [Fact]
    public void RecordsOfSeveralChannelsAreGrouped()
    {
        var path = System.IO.Path.Combine(TestPaths.NewScratchFolder(), "mixed.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(Path("int16_be_512.mseed")).Concat(File.ReadAllBytes(Path("test.mseed"))).Concat(File.ReadAllBytes(Path("float64_le_1024.mseed"))).ToArray());
        var traces = WaveformFile.Read(path);
        Assert.Equal(new[] { "IU.COLA.00.LHZ", "XX.DGT03.10.HH1", "XX.DGT03.10.HH2" }, traces.Select(trace => trace.Id.ToString()));
        Assert.Equal(new[] { 4200, 2000, 3000 }, traces.Select(trace => trace.Count));
    }

    [Fact]
    public void RecordsOutOfTimeOrderOrChannelsInterleavedGiveTheSameTraces()
    {
        // Indexing takes a shortcut for a file of one channel in time order; these two files are not, and must read
        // as the ordered single-channel files they were cut from.
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var z = Enumerable.Range(0, 12_000).Select(i => (int)(1000 * Math.Sin(i / 7.0)) + (i % 13)).ToArray();
        var n = Enumerable.Range(0, 12_000).Select(i => (int)(800 * Math.Cos(i / 5.0)) - (i % 11)).ToArray();
        var zRecords = Records(Steim2Writer.Write(z, start, 100, "SN", "S01", "HHZ"));
        var nRecords = Records(Steim2Writer.Write(n, start, 100, "SN", "S01", "HHN"));
        Assert.True(zRecords.Count >= 3);
        var folder = TestPaths.NewScratchFolder();

        var swapped = zRecords.ToList();
        (swapped[0], swapped[2]) = (swapped[2], swapped[0]);
        var shuffledPath = System.IO.Path.Combine(folder, "shuffled.mseed");
        File.WriteAllBytes(shuffledPath, swapped.SelectMany(record => record).ToArray());
        var shuffled = Assert.Single(WaveformFile.Read(shuffledPath));
        Assert.Equal(start, shuffled.StartTime);
        Assert.Equal(z.Select(v => (double)v), Samples(shuffled));

        var mixedPath = System.IO.Path.Combine(folder, "interleaved.mseed");
        File.WriteAllBytes(mixedPath, zRecords.Zip(nRecords, (a, b) => a.Concat(b)).SelectMany(pair => pair).ToArray());
        var traces = WaveformFile.Read(mixedPath);
        Assert.Equal(new[] { "SN.S01..HHN", "SN.S01..HHZ" }, traces.Select(trace => trace.Id.ToString()).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(n.Select(v => (double)v), Samples(traces.Single(trace => trace.Id.Channel == "HHN")));
        Assert.Equal(z.Select(v => (double)v), Samples(traces.Single(trace => trace.Id.Channel == "HHZ")));
    }

    private static List<byte[]> Records(byte[] file) => file.Chunk(4096).ToList();

    [Fact]
    public void TimeCorrectionIsAppliedUnlessFlaggedApplied()
    {
        Trace WithCorrection(byte flags) => Assert.Single(WaveformFile.Read(BrokenCopy("int16_be_512.mseed", bytes =>
        {
            for (var offset = 0; offset < bytes.Length; offset += 512)
            {
                bytes[offset + 36] = flags;
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset + 40), 1234); // 0.1234 s
            }
            return bytes;
        })));
        Assert.Equal(FixtureStart.AddTicks(1_234_000), WithCorrection(0).StartTime);
        Assert.Equal(FixtureStart, WithCorrection(0x02).StartTime);
    }

    [Theory]
    [InlineData(30, 1)]   // record 2 starts 3 ms (0.3 sample) late: a tear, the trace continues
    [InlineData(-40, 1)]  // 4 ms early: also continues
    [InlineData(100, 2)]  // 10 ms late: a one-sample gap splits the trace
    public void TimeTearBelowHalfASampleContinuesTheTrace(int shiftTenThousandths, int expectedTraces)
    {
        var path = BrokenCopy("int16_be_512.mseed", bytes =>
        {
            // Shift records 2.. by the same amount so only the boundary before record 2 moves.
            for (var offset = 2 * 512; offset < bytes.Length; offset += 512)
            {
                var fraction = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 28)) + shiftTenThousandths;
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset + 28), (ushort)fraction);
            }
            return bytes;
        });
        var traces = WaveformFile.Read(path);
        Assert.Equal(expectedTraces, traces.Count);
        Assert.Equal(FixtureStart, traces[0].StartTime);
        Assert.Equal(Samples(Assert.Single(WaveformFile.Read(Path("int16_be_512.mseed")))), traces.SelectMany(Samples));
    }

    [Fact]
    public void TruncatedFileNamesTheRecord()
    {
        var path = BrokenCopy("ints_le_e11_be_1024.mseed", bytes => bytes.Take(3 * 1024 + 700).ToArray());
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("miniSEED record 3 (byte offset 3072): file ends 700 bytes into this 1024-byte record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedInsideTheFixedHeader()
    {
        var path = BrokenCopy("ints_le_e11_be_1024.mseed", bytes => bytes.Take(2 * 1024 + 20).ToArray());
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("miniSEED record 2 (byte offset 2048): file ends 20 bytes into the record", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ints_le_e11_be_1024.mseed", 1024)]
    [InlineData("ints_le_e10_le_512.mseed", 512)]
    public void FlippedSteimBytesAreCorrupt(string name, int recordLength)
    {
        // Record 2, frame 1, word 5: change one difference.
        var path = BrokenCopy(name, bytes =>
        {
            bytes[2 * recordLength + 64 + 64 + 4 * 5 + 3] ^= 0x01;
            return bytes;
        });
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains($"miniSEED record 2 (byte offset {2 * recordLength}): Steim", error.Message, StringComparison.Ordinal);
        Assert.Contains("differs from the reverse integration constant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSteim2SubCodeIsReported()
    {
        var path = BrokenCopy("ints_le_e11_be_1024.mseed", bytes =>
        {
            var frame = 1024 + 64 + 64; // record 1, frame 1
            bytes[frame] |= 0x30;       // code of word 1 = 3
            bytes[frame + 4] |= 0xC0;   // word 1 sub-code = 3: no such layout
            return bytes;
        });
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("miniSEED record 1 (byte offset 1024): Steim2 frame inconsistency: frame 1 word 1 has the invalid code 3 with sub-code 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewSteimFramesForTheSampleCount()
    {
        var path = BrokenCopy("ints_le_e11_be_1024.mseed", bytes =>
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1024 + 30), 5000);
            return bytes;
        });
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("miniSEED record 1 (byte offset 1024): Steim2 frame inconsistency: the 15 frames hold", error.Message, StringComparison.Ordinal);
        Assert.Contains("the header says 5000 (sample count mismatch)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainSampleCountBeyondTheRecord()
    {
        var path = BrokenCopy("ints_le_e3_be_4096.mseed", bytes =>
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(30), 2000);
            return bytes;
        });
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("miniSEED record 0 (byte offset 0): sample count mismatch: 2000 samples of 4 bytes need 8000 bytes, the data section holds 4032", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, (byte)'X', "bad sequence number or quality code '000002X '")]
    [InlineData(48 + 6, 3, "impossible record length 2^3")]
    [InlineData(48 + 6, 30, "impossible record length 2^30")]
    [InlineData(48 + 4, 99, "unknown or unsupported encoding 99")]
    [InlineData(48, 0, "blockette 1000 is missing")]
    public void CorruptHeaderIsReported(int offsetInRecord, byte value, string expected)
    {
        var path = BrokenCopy("int16_be_512.mseed", bytes =>
        {
            bytes[512 + offsetInRecord] = value; // record 1
            return bytes;
        });
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("miniSEED record 1 (byte offset 512): " + expected, error.Message, StringComparison.Ordinal);
    }
}
