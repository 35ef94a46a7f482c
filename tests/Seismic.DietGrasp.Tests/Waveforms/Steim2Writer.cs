using System.Buffers.Binary;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>
/// A small greedy Steim2 packer (big-endian, 4096-byte records) to make benchmark input of any
/// length. Shared with the benchmarks (linked there), which check it decodes back exactly.
/// </summary>
internal static class Steim2Writer
{
    private static readonly (int Count, int Bits, int Code, int SubCode)[] Layouts =
    {
        (7, 4, 3, 2), (6, 5, 3, 1), (5, 6, 3, 0), (4, 8, 1, -1), (3, 10, 2, 3), (2, 15, 2, 2), (1, 30, 2, 1),
    };

    public static byte[] Write(int[] samples, DateTime start, double samplingRate, string network = "XX", string station = "BENCH", string channel = "HHZ")
    {
        const int recordLength = 4096, frames = (recordLength - 64) / 64;
        var output = new MemoryStream();
        var record = new byte[recordLength];
        var position = 0;
        for (var sequence = 1; position < samples.Length; sequence++)
        {
            Array.Clear(record, 0, record.Length);
            var first = position;
            for (var frame = 0; frame < frames && position < samples.Length; frame++)
            {
                var frameBytes = record.AsSpan(64 + 64 * frame, 64);
                uint codes = 0;
                for (var word = frame == 0 ? 3 : 1; word < 16 && position < samples.Length; word++)
                {
                    var layout = Layouts.First(candidate => Fits(samples, position, candidate.Count, candidate.Bits));
                    uint value = layout.SubCode >= 0 ? (uint)layout.SubCode << 30 : 0;
                    for (var j = 0; j < layout.Count; j++)
                    {
                        var difference = position + j == 0 ? 0 : samples[position + j] - samples[position + j - 1];
                        var shift = layout.Bits * (layout.Count - 1 - j);
                        value |= ((uint)difference & ((1u << layout.Bits) - 1)) << shift;
                    }
                    BinaryPrimitives.WriteUInt32BigEndian(frameBytes.Slice(4 * word), value);
                    codes |= (uint)layout.Code << (30 - 2 * word);
                    position += layout.Count;
                }
                BinaryPrimitives.WriteUInt32BigEndian(frameBytes, codes);
            }
            BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(64 + 4), samples[first]);
            BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(64 + 8), samples[position - 1]);
            WriteHeader(record, sequence, start.AddTicks((long)Math.Round(first * TimeSpan.TicksPerSecond / samplingRate)), position - first, (int)samplingRate, $"{station,-5}  {channel,-3}{network,-2}");
            output.Write(record, 0, record.Length);
        }
        return output.ToArray();
    }

    private static bool Fits(int[] samples, int position, int count, int bits)
    {
        if (position + count > samples.Length)
        {
            return false;
        }
        var limit = 1 << (bits - 1);
        for (var j = 0; j < count; j++)
        {
            var difference = position + j == 0 ? 0 : samples[position + j] - samples[position + j - 1];
            if (difference < -limit || difference >= limit)
            {
                return false;
            }
        }
        return true;
    }

    private static void WriteHeader(byte[] record, int sequence, DateTime time, int count, int rate, string codes)
    {
        System.Text.Encoding.ASCII.GetBytes($"{sequence % 1000000:000000}D {codes}").CopyTo(record, 0);
        var header = record.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(20), (ushort)time.Year);
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(22), (ushort)time.DayOfYear);
        header[24] = (byte)time.Hour;
        header[25] = (byte)time.Minute;
        header[26] = (byte)time.Second;
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(28), (ushort)(time.Ticks % TimeSpan.TicksPerSecond / 1000));
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(30), (ushort)count);
        BinaryPrimitives.WriteInt16BigEndian(header.Slice(32), (short)rate);
        BinaryPrimitives.WriteInt16BigEndian(header.Slice(34), 1);
        header[39] = 1; // one blockette
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(44), 64);
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(46), 48);
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(48), 1000);
        header[52] = 11; // Steim2
        header[53] = 1;  // big-endian
        header[54] = 12; // 2^12 = 4096 bytes
    }
}
