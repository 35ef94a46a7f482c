using System.Buffers.Binary;
using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>
/// Steim2 words of 5 six-bit differences as libmseed packs them (sac2mseed 1.13, in
/// tools/waveforms/make_fixtures.sh), decoded against mseed2sac and the known input. Before these
/// fixtures, only the project's own packer (Steim2Writer, big-endian) ever made such words.
/// </summary>
public sealed class Steim2LibmseedTests
{
    [Theory]
    [InlineData("smalldiffs_e11_be_4096.mseed")]
    [InlineData("smalldiffs_e11_le_512.mseed")]
    public void FiveDifferenceWordsDecodeAsLibmseedDecodesThem(string name)
    {
        // The file really holds 5-difference words (code 3, sub-code 0), most of its words in fact.
        var words = CountWords(File.ReadAllBytes(Path(name)));
        Assert.True(words.GetValueOrDefault((3, 0)) >= 400, $"{name}: {string.Join(", ", words.Select(w => $"{w.Key}: {w.Value}"))}");

        var trace = Assert.Single(WaveformFile.Read(Path(name)));
        var fromMseed2sac = Assert.Single(WaveformFile.Read(Path(name + ".expected.sac")));
        var input = Assert.Single(WaveformFile.Read(Path("smalldiffs.sac")));
        Assert.Equal(Samples(fromMseed2sac), Samples(trace));
        Assert.Equal(Samples(input), Samples(trace));
        Assert.Equal(new ChannelId("XX", "DGT04", "", "HHZ"), trace.Id);
        Assert.Equal(FixtureStart, trace.StartTime);
    }

    /// <summary>
    /// (code, sub-code) of every data word, walked straight from the SEED layout: the data offset at
    /// byte 44 of the fixed header, the record length and byte order in blockette 1000 at byte 48
    /// (sac2mseed writes it first), 64-byte frames whose word 0 holds fifteen 2-bit codes.
    /// </summary>
    private static Dictionary<(int Code, int SubCode), int> CountWords(byte[] file)
    {
        var counts = new Dictionary<(int, int), int>();
        for (var position = 0; position < file.Length;)
        {
            var record = file.AsMemory(position);
            var bigEndian = record.Span[48 + 5] == 1;
            int Read16(int at) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(record.Span.Slice(at)) : BinaryPrimitives.ReadUInt16LittleEndian(record.Span.Slice(at));
            uint Read32(int at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(record.Span.Slice(at)) : BinaryPrimitives.ReadUInt32LittleEndian(record.Span.Slice(at));
            Assert.Equal(1000, Read16(48));
            Assert.Equal(11, record.Span[48 + 4]);
            var length = 1 << record.Span[48 + 6];
            var offset = Read16(44);
            for (var frame = offset; frame + 64 <= length; frame += 64)
            {
                var codes = Read32(frame);
                for (var word = frame == offset ? 3 : 1; word < 16; word++)
                {
                    var code = (int)(codes >> (30 - (2 * word))) & 3;
                    if (code >= 2)
                    {
                        var key = (code, (int)(Read32(frame + (4 * word)) >> 30));
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
            position += length;
        }
        return counts;
    }
}
