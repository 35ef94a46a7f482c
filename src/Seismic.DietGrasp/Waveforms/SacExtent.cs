using System.Buffers.Binary;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>The samples of one SAC file, read straight from disk at the requested offset.</summary>
internal sealed class SacExtent : WaveformExtent
{
    private readonly bool _bigEndian;

    public SacExtent(WaveformSource source, ChannelId id, long startTicks, double samplingRate, long sampleCount, bool bigEndian)
        : base(source, id, startTicks, samplingRate, sampleCount)
    {
        _bigEndian = bigEndian;
    }

    public override void ReadSamples(long first, Span<double> destination)
    {
        using var stream = Source.Open(1 << 16);
        stream.Position = SacFormat.HeaderLength + 4 * first;
        var buffer = new byte[4 * Math.Min(destination.Length, 1 << 14)];
        for (var done = 0; done < destination.Length;)
        {
            var count = Math.Min(buffer.Length / 4, destination.Length - done);
            WaveformStreams.ReadExactly(stream, buffer, 4 * count, Path);
            for (var i = 0; i < count; i++)
            {
                var bits = _bigEndian ? BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(4 * i)) : BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(4 * i));
                destination[done + i] = SacFormat.FloatFromBits(bits);
            }
            done += count;
        }
    }
}
