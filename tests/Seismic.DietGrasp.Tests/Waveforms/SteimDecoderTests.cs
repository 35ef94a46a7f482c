using System.Buffers.Binary;
using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>
/// The fast <see cref="SteimDecoder"/> (issue #18) against <see cref="ReferenceSteimDecoder"/>, the general loop it
/// replaced: the same samples bit for bit and the same problem (or none) on every Steim record of the fixtures, on the
/// project's own packer's records, and on random records of every word layout, both byte orders and both Steims,
/// including counts that end inside a word, invalid sub-codes and wrong reverse constants.
/// </summary>
public class SteimDecoderTests
{
    [Theory]
    [MemberData(nameof(MiniSeedFixtures), MemberType = typeof(WaveformTestFiles))]
    public void EverySteimRecordOfTheFixturesDecodesAsTheReference(string name)
    {
        var file = File.ReadAllBytes(Path(name));
        var steimRecords = 0;
        for (var position = 0; position < file.Length;)
        {
            var header = MiniSeedRecordHeader.Parse(file.AsSpan(position), new RecordLocation(name, 0, position));
            if (header.Encoding is MiniSeedDecoder.Steim1 or MiniSeedDecoder.Steim2)
            {
                var data = file.AsSpan(position + header.DataOffset, header.RecordLength - header.DataOffset);
                Assert.Null(AssertSame(data.ToArray(), header.SampleCount, header.Encoding == MiniSeedDecoder.Steim2, header.DataBigEndian));
                steimRecords++;
            }
            position += header.RecordLength;
        }
        Assert.True(steimRecords > 0 || !name.Contains("_e1", StringComparison.Ordinal), $"{name}: no Steim record found");
    }

    [Fact]
    public void RecordsOfTheProjectsPackerDecodeAsTheReference()
    {
        var random = new Random(18);
        var samples = new int[100_000];
        for (var i = 1; i < samples.Length; i++)
        {
            // Differences of every width up to 29 bits; the samples kept within +-2^28 so that every difference fits 30 bits.
            var bits = random.Next(1, 30);
            samples[i] = Math.Clamp(samples[i - 1] + random.Next(-(1 << (bits - 1)), 1 << (bits - 1)), 1 - (1 << 28), (1 << 28) - 1);
        }
        var file = Steim2Writer.Write(samples, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), 100);
        var decoded = 0;
        for (var position = 0; position < file.Length; position += 4096)
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position + 30));
            Assert.Null(AssertSame(file.AsSpan(position + 64, 4096 - 64).ToArray(), count, steim2: true, bigEndian: true));
            decoded += count;
        }
        Assert.Equal(samples.Length, decoded);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void RandomRecordsDecodeAsTheReference(bool steim2, bool bigEndian)
    {
        var random = new Random(steim2 ? (bigEndian ? 1 : 2) : (bigEndian ? 3 : 4));
        var outcomes = new HashSet<string>();
        for (var trial = 0; trial < 3000; trial++)
        {
            var frames = random.Next(1, 64);
            var (data, differences) = RandomFrames(random, frames, steim2, bigEndian);
            // Mostly every difference; sometimes a count ending inside a word, too few samples or none.
            var count = random.Next(6) switch
            {
                0 => random.Next(0, differences + 1),
                1 => differences + random.Next(1, 8),
                _ => differences,
            };
            count = Math.Min(count, ushort.MaxValue);
            if (random.Next(2) == 0 && count > 0)
            {
                // A consistent reverse constant: the reference's last sample.
                var reference = new double[count];
                ReferenceSteimDecoder.Decode(data, count, steim2, bigEndian, reference);
                WriteInt32(data.AsSpan(8), (int)reference[count - 1], bigEndian);
            }
            var problem = AssertSame(data, count, steim2, bigEndian);
            outcomes.Add(problem is null ? "ok" : problem.Split(' ')[0] + " " + problem.Split(' ')[^1]);
        }
        // Every kind of outcome came up: consistent records, invalid sub-codes (Steim2), short frames, a wrong last sample.
        Assert.Contains("ok", outcomes);
        Assert.Contains("the mismatch)", outcomes);
        Assert.Contains("last data)", outcomes);
        if (steim2)
        {
            Assert.Contains(outcomes, outcome => outcome.StartsWith("frame ", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// On a machine with AVX-512 the decoder takes <c>Steim2Vector.Frame512</c> and the tests above no longer reach the AVX2
    /// <c>Steim2Vector.Frame</c>: the two on random frames (both byte orders, every first word, invalid sub-codes), the same
    /// return, running sum and samples bit for bit.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAvx512FrameDecodesAsTheAvx2One(bool bigEndian)
    {
        if (!Steim2Vector.IsSupported || !Steim2Vector.IsSupported512)
        {
            return;
        }
        var random = new Random(bigEndian ? 5 : 6);
        var invalid = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var (data, _) = RandomFrames(random, 1, steim2: true, bigEndian);
            var codes = ReadUInt32(data, bigEndian);
            var firstWord = random.Next(4) == 0 ? random.Next(1, 16) : 1;
            var start = random.Next();
            var (expected, actual) = (new double[(15 * 7) + 8], new double[(15 * 7) + 8]);
            var (expectedSum, actualSum) = (start, start);
            var expectedCount = Steim2Vector.Frame(ref data[0], firstWord, codes, bigEndian, ref expected[0], ref expectedSum);
            var actualCount = Steim2Vector.Frame512(ref data[0], firstWord, codes, bigEndian, ref actual[0], ref actualSum);
            Assert.Equal(expectedCount, actualCount);
            if (expectedCount < 0)
            {
                invalid++;
                continue;
            }
            Assert.Equal(expectedSum, actualSum);
            Assert.Equal(expected.Take(expectedCount).Select(BitConverter.DoubleToInt64Bits), actual.Take(actualCount).Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.InRange(invalid, 100, 5000);
    }

    /// <summary>
    /// Decodes with both; asserts the same problem and, where there is none, the same doubles bit for bit. (With a
    /// problem the record is refused and the destination discarded; the fast path may have written past the last good word.)
    /// </summary>
    private static string? AssertSame(byte[] data, int count, bool steim2, bool bigEndian)
    {
        var expected = new double[count];
        var actual = new double[count];
        Array.Fill(expected, double.NaN);
        Array.Fill(actual, double.NaN);
        var expectedProblem = ReferenceSteimDecoder.Decode(data, count, steim2, bigEndian, expected);
        var actualProblem = SteimDecoder.Decode(data, count, steim2, bigEndian, actual);
        Assert.Equal(expectedProblem, actualProblem);
        if (actualProblem is not null)
        {
            return actualProblem;
        }
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        return actualProblem;
    }

    /// <summary>
    /// <paramref name="frames"/> frames of random words: random codes (a few empty words), random bits, valid Steim2
    /// sub-codes but for one word in 300, random integration constants. Returns the data and how many differences it holds.
    /// </summary>
    private static (byte[] Data, int Differences) RandomFrames(Random random, int frames, bool steim2, bool bigEndian)
    {
        var data = new byte[64 * frames];
        random.NextBytes(data);
        var differences = 0;
        for (var frame = 0; frame < frames; frame++)
        {
            uint codes = 0;
            for (var word = frame == 0 ? 3 : 1; word < 16; word++)
            {
                var code = random.Next(10) == 0 ? 0 : random.Next(1, 4);
                codes |= (uint)code << (30 - (2 * word));
                var at = data.AsSpan((64 * frame) + (4 * word));
                var value = ReadUInt32(at, bigEndian);
                if (steim2 && code >= 2)
                {
                    var subCode = random.Next(300) == 0 ? (code == 2 ? 0 : 3) : (code == 2 ? random.Next(1, 4) : random.Next(0, 3));
                    value = (value & 0x3FFF_FFFF) | ((uint)subCode << 30);
                    WriteInt32(at, (int)value, bigEndian);
                }
                differences += PerWord(code, steim2, value);
            }
            WriteInt32(data.AsSpan(64 * frame), (int)codes, bigEndian);
        }
        return (data, differences);
    }

    private static int PerWord(int code, bool steim2, uint value) => (code, steim2, (int)(value >> 30)) switch
    {
        (0, _, _) => 0,
        (1, _, _) => 4,
        (2, false, _) => 2,
        (3, false, _) => 1,
        (2, true, var sub) => sub,
        (3, true, var sub) => sub < 3 ? 5 + sub : 0,
        _ => 0,
    };

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private static void WriteInt32(Span<byte> bytes, int value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        }
    }
}
