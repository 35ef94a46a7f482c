using System.Buffers;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>Consecutive records of one channel in one miniSEED file; decodes only the records a read touches.</summary>
internal sealed class MiniSeedExtent : WaveformExtent
{
    private readonly long[] _offsets;
    private readonly int[] _lengths;
    private readonly int[] _indices;
    private readonly long[] _firstSamples;
    private readonly int _longestRecord;

    public MiniSeedExtent(WaveformSource source, ChannelId id, long startTicks, double samplingRate, long[] offsets, int[] lengths, int[] indices, long[] firstSamples)
        : base(source, id, startTicks, samplingRate, firstSamples[firstSamples.Length - 1])
    {
        _offsets = offsets;
        _lengths = lengths;
        _indices = indices;
        _firstSamples = firstSamples;
        _longestRecord = lengths.Max();
    }

    public override void ReadSamples(long first, Span<double> destination)
    {
        if (destination.Length == 0)
        {
            return;
        }
        var end = first + destination.Length;
        var record = Array.BinarySearch(_firstSamples, first);
        record = record >= 0 ? record : ~record - 1;
        var recordBuffer = ArrayPool<byte>.Shared.Rent(_longestRecord);
        var sampleBuffer = ArrayPool<double>.Shared.Rent(ushort.MaxValue + 1);
        try
        {
            using var stream = Source.Open(1 << 16);
            for (; record < _offsets.Length && _firstSamples[record] < end; record++)
            {
                stream.Position = _offsets[record];
                WaveformStreams.ReadExactly(stream, recordBuffer, _lengths[record], Path);
                var where = new RecordLocation(Path, _indices[record], _offsets[record]);
                var bytes = recordBuffer.AsSpan(0, _lengths[record]);
                var header = MiniSeedRecordHeader.Parse(bytes, where);
                var recordFirst = _firstSamples[record];
                if (header.SampleCount != _firstSamples[record + 1] - recordFirst)
                {
                    throw where.Fail("the record changed since the file was indexed");
                }
                // Whole records inside the request decode straight into the destination.
                var whole = recordFirst >= first && recordFirst + header.SampleCount <= end;
                var target = whole ? destination.Slice((int)(recordFirst - first), header.SampleCount) : sampleBuffer.AsSpan(0, header.SampleCount);
                MiniSeedDecoder.Decode(bytes, header, target, where);
                if (!whole)
                {
                    var from = Math.Max(first, recordFirst);
                    var to = Math.Min(end, recordFirst + header.SampleCount);
                    target.Slice((int)(from - recordFirst), (int)(to - from)).CopyTo(destination.Slice((int)(from - first)));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(recordBuffer);
            ArrayPool<double>.Shared.Return(sampleBuffer);
        }
    }
}
