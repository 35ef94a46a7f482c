using System.Buffers;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>Indexes a miniSEED 2 file from its record headers and decodes records on demand.</summary>
internal static class MiniSeedFormat
{
    private readonly record struct IndexedRecord(ChannelId Id, int Index, long Offset, int Length, long StartTicks, int SampleCount, double SamplingRate, bool Integer);

    // Records are at least 256 bytes long (SEED 2.4: 2^8 to 2^16): after a header that cannot be read, the next
    // record is looked for at the following multiples of 256 bytes.
    private const int SmallestRecord = 256;

    /// <summary>
    /// Reads every record header of the file (not the data) and groups the records by channel into
    /// contiguous extents: a record continues the previous one of its channel when it starts within
    /// half a sample of where that one ends. With <paramref name="leftOut"/>, records whose start lies far
    /// outside the file's other records (<see cref="RecordTimeOutliers"/>) are left out and described there.
    /// With <see cref="CorruptRecordHandling.Skip"/>, every record's data is decoded too, and a corrupt record
    /// (unreadable header, bad sample count, undecodable data, truncated) is left out and described in
    /// <paramref name="leftOut"/> instead of failing the file.
    /// </summary>
    public static IReadOnlyList<MiniSeedExtent> Index(WaveformSource source, ICollection<LeftOutRecord>? leftOut = null, CorruptRecordHandling onCorrupt = CorruptRecordHandling.Fail)
    {
        var path = source.Name;
        var skip = onCorrupt == CorruptRecordHandling.Skip && leftOut is not null;
        var records = new List<IndexedRecord>();
        var lastCodes = new byte[MiniSeedRecordHeader.FixedHeaderLength];
        ChannelId lastId = default;
        long? lastEnd = null;
        // Whether the records came as one channel in time order (nearly every file): then they need no grouping or sorting.
        var oneChannelInOrder = true;
        using (var stream = source.Open(1))
        using (var reader = new ChunkReader(stream))
        {
            var length = reader.Length;
            long offset = 0;
            for (var index = 0; offset < length; index++)
            {
                var probe = reader.Peek(offset, MiniSeedRecordHeader.ProbeLength);
                var where = new RecordLocation(path, index, offset);
                MiniSeedRecordHeader header;
                try
                {
                    header = MiniSeedRecordHeader.Parse(probe, where);
                }
                catch (InvalidFileException e) when (skip)
                {
                    var next = NextHeader(reader, offset);
                    leftOut!.Add(Corrupt(e.Message, $"bytes {offset} to {next} left out", records.Count > 0 ? lastId : null, lastEnd, after: true));
                    offset = next;
                    continue;
                }
                try
                {
                    if (offset + header.RecordLength > length)
                    {
                        throw where.Fail($"file ends {length - offset} bytes into this {header.RecordLength}-byte record (truncated file)");
                    }
                    if (header.SampleCount > 0 && header.Encoding != 0)
                    {
                        MiniSeedDecoder.CheckSampleCount(header, where);
                        if (skip)
                        {
                            CheckData(reader.Peek(offset, header.RecordLength), header, where);
                            probe = reader.Peek(offset, MiniSeedRecordHeader.ProbeLength);
                        }
                        if (records.Count == 0)
                        {
                            // One record per record length of the file, as a first guess (the list grew 20 times a channel-day).
                            records.Capacity = (int)Math.Min(int.MaxValue / 2, (length / header.RecordLength) + 1);
                        }
                        if (records.Count == 0 || !MiniSeedRecordHeader.SameCodes(probe, lastCodes))
                        {
                            oneChannelInOrder &= records.Count == 0;
                            lastId = MiniSeedRecordHeader.ReadChannel(probe);
                            probe.Slice(0, lastCodes.Length).CopyTo(lastCodes);
                        }
                        oneChannelInOrder &= records.Count == 0 || header.StartTicks >= records[records.Count - 1].StartTicks;
                        records.Add(new IndexedRecord(lastId, index, offset, header.RecordLength, header.StartTicks, header.SampleCount, header.SamplingRate, MiniSeedDecoder.IsInteger(header.Encoding)));
                        lastEnd = header.StartTicks + SampleClock.OffsetTicks(header.SampleCount, header.SamplingRate);
                    }
                }
                catch (InvalidFileException e) when (skip)
                {
                    leftOut!.Add(Corrupt(e.Message, "left out", MiniSeedRecordHeader.ReadChannel(reader.Peek(offset, MiniSeedRecordHeader.ProbeLength)), header.StartTicks, after: false));
                }
                offset += header.RecordLength;
            }
        }

        if (leftOut is not null)
        {
            records = LeaveOutStrayTimes(path, records, leftOut);
        }
        var extents = new List<MiniSeedExtent>();
        // Leaving records out keeps the order, so one channel in time order stays one group, already sorted (OrderBy is stable).
        IEnumerable<IEnumerable<IndexedRecord>> channels = oneChannelInOrder
            ? new[] { records }
            : records.GroupBy(record => record.Id).Select(channel => channel.OrderBy(record => record.StartTicks));
        foreach (var channel in channels)
        {
            var run = new List<IndexedRecord>();
            long runSamples = 0;
            foreach (var record in channel)
            {
                if (run.Count > 0 && !Continues(run[0], runSamples, record))
                {
                    extents.Add(MakeExtent(source, run));
                    run.Clear();
                    runSamples = 0;
                }
                run.Add(record);
                runSamples += record.SampleCount;
            }
            if (run.Count > 0)
            {
                extents.Add(MakeExtent(source, run));
            }
        }
        return extents;
    }

    private static List<IndexedRecord> LeaveOutStrayTimes(string path, List<IndexedRecord> records, ICollection<LeftOutRecord> leftOut)
    {
        var (low, high) = RecordTimeOutliers.Bounds(records.Select(record => record.StartTicks).ToList());
        if (low is null || high is null)
        {
            return records;
        }
        var kept = new List<IndexedRecord>(records.Count);
        foreach (var record in records)
        {
            if (record.StartTicks >= low && record.StartTicks <= high)
            {
                kept.Add(record);
                continue;
            }
            leftOut.Add(new LeftOutRecord(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0}: record {1} (byte {2}) of {3} starts at {4:yyyy-MM-ddTHH:mm:ss.fffZ}, far outside the file's other records ({5:yyyy-MM-ddTHH:mm:ssZ} to {6:yyyy-MM-ddTHH:mm:ssZ}); a damaged record time? left out",
                path, record.Index, record.Offset, record.Id, new DateTime(record.StartTicks, DateTimeKind.Utc),
                new DateTime(records.Min(r => r.StartTicks >= low && r.StartTicks <= high ? r.StartTicks : long.MaxValue), DateTimeKind.Utc),
                new DateTime(records.Max(r => r.StartTicks >= low && r.StartTicks <= high ? r.StartTicks : long.MinValue), DateTimeKind.Utc)),
                record.Id, new DateTime(record.StartTicks, DateTimeKind.Utc), false));
        }
        return kept;
    }

    /// <summary>A corrupt record's line: the reader's message (file, record, byte offset, what is wrong), what was left out, and the channel and time when known.</summary>
    private static LeftOutRecord Corrupt(string message, string what, ChannelId? channel, long? ticks, bool after)
    {
        var time = ticks is { } t && t >= 0 && t <= DateTime.MaxValue.Ticks ? new DateTime(t, DateTimeKind.Utc) : (DateTime?)null;
        var when = time is null ? string.Empty
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, after ? " (after {0}'s sample ending {1:yyyy-MM-ddTHH:mm:ss.fffZ})" : " ({0} from {1:yyyy-MM-ddTHH:mm:ss.fffZ})", channel, time);
        return new LeftOutRecord($"{message}{when}; corrupt, {what} (--on-corrupt skip): its minutes are empty", channel, time, true);
    }

    /// <summary>Decodes a record's data (to find a corrupt one while indexing).</summary>
    private static void CheckData(ReadOnlySpan<byte> bytes, in MiniSeedRecordHeader header, RecordLocation where)
    {
        var samples = ArrayPool<double>.Shared.Rent(header.SampleCount);
        try
        {
            MiniSeedDecoder.Decode(bytes, header, samples.AsSpan(0, header.SampleCount), where);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(samples);
        }
    }

    /// <summary>The offset of the next readable record header after a damaged one (at the following multiples of 256 bytes), or the file's length.</summary>
    private static long NextHeader(ChunkReader reader, long offset)
    {
        for (var next = offset + SmallestRecord; next < reader.Length; next += SmallestRecord)
        {
            var probe = reader.Peek(next, MiniSeedRecordHeader.ProbeLength);
            try
            {
                if (MiniSeedRecordHeader.LooksLikeDataRecord(probe))
                {
                    MiniSeedRecordHeader.Parse(probe, new RecordLocation(string.Empty, 0, next));
                    return next;
                }
            }
            catch (InvalidFileException)
            {
                // Not a header either: keep looking.
            }
        }
        return reader.Length;
    }

    private static bool Continues(IndexedRecord first, long samples, IndexedRecord next) =>
        SampleClock.SameRate(first.SamplingRate, next.SamplingRate)
        && SampleClock.Continues(first.StartTicks, samples, first.SamplingRate, next.StartTicks);

    private static MiniSeedExtent MakeExtent(WaveformSource source, List<IndexedRecord> run)
    {
        var offsets = new long[run.Count];
        var lengths = new int[run.Count];
        var indices = new int[run.Count];
        var firstSamples = new long[run.Count + 1];
        var integers = true;
        for (var i = 0; i < run.Count; i++)
        {
            integers &= run[i].Integer;
            offsets[i] = run[i].Offset;
            lengths[i] = run[i].Length;
            indices[i] = run[i].Index;
            firstSamples[i + 1] = firstSamples[i] + run[i].SampleCount;
        }
        return new MiniSeedExtent(source, run[0].Id, run[0].StartTicks, run[0].SamplingRate, offsets, lengths, indices, firstSamples, integers);
    }
}
