using System.Buffers;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>Consecutive records of one channel in one miniSEED file; decodes only the records a read touches.</summary>
internal sealed class MiniSeedExtent : WaveformExtent
{
    // Bytes read at once: 16 records of 4096 bytes, as many as the FileStream buffer that it replaces held.
    private const int ChunkBytes = 1 << 16;

    private readonly long[] _offsets;
    private readonly int[] _lengths;
    private readonly int[] _indices;
    private readonly long[] _firstSamples;
    private readonly int _longestRecord;

    public MiniSeedExtent(WaveformSource source, ChannelId id, long startTicks, double samplingRate, long[] offsets, int[] lengths, int[] indices, long[] firstSamples, bool holdsOnlyIntegers)
        : base(source, id, startTicks, samplingRate, firstSamples[firstSamples.Length - 1])
    {
        HoldsOnlyIntegers = holdsOnlyIntegers;
        _offsets = offsets;
        _lengths = lengths;
        _indices = indices;
        _firstSamples = firstSamples;
        _longestRecord = lengths.Max();
    }

    /// <inheritdoc/>
    public override bool HoldsOnlyIntegers { get; }

    public override void ReadSamples(long first, Span<double> destination)
    {
        if (destination.Length == 0)
        {
            return;
        }
        var end = first + destination.Length;
        var record = Array.BinarySearch(_firstSamples, first);
        record = record >= 0 ? record : ~record - 1;
        var chunk = ArrayPool<byte>.Shared.Rent(Math.Max(_longestRecord, ChunkBytes));
        var sampleBuffer = ArrayPool<double>.Shared.Rent(ushort.MaxValue + 1);
        try
        {
            // Unbuffered: the records are read a run of neighbours at a time into the pooled chunk instead. A
            // FileStream's own 64 KB buffer was a new array per read, 192 KB of the 194 KB that a station-hour's
            // three window reads allocated once the windows themselves were reused.
            using var stream = Source.Open(1);
            int chunkFirst = record, chunkEnd = record; // records [chunkFirst, chunkEnd) are in the chunk
            for (; record < _offsets.Length && _firstSamples[record] < end; record++)
            {
                if (record >= chunkEnd)
                {
                    chunkFirst = record;
                    chunkEnd = ChunkEnd(record, end, chunk.Length, out var chunkBytes);
                    stream.Position = _offsets[record];
                    WaveformStreams.ReadExactly(stream, chunk, chunkBytes, Path);
                }
                var where = new RecordLocation(Path, _indices[record], _offsets[record]);
                var bytes = chunk.AsSpan((int)(_offsets[record] - _offsets[chunkFirst]), _lengths[record]);
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
            ArrayPool<byte>.Shared.Return(chunk);
            ArrayPool<double>.Shared.Return(sampleBuffer);
        }
    }

    /// <summary>
    /// One past the last record that is read with <paramref name="record"/> in one piece: the following records that
    /// lie right behind it in the file, hold samples before <paramref name="endSample"/> and fit in <paramref name="room"/> bytes.
    /// </summary>
    private int ChunkEnd(int record, long endSample, int room, out int bytes)
    {
        bytes = _lengths[record];
        var next = record + 1;
        while (next < _offsets.Length && _firstSamples[next] < endSample
            && _offsets[next] == _offsets[next - 1] + _lengths[next - 1]
            && bytes + _lengths[next] <= room)
        {
            bytes += _lengths[next];
            next++;
        }
        return next;
    }
}
