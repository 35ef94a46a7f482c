using System.Buffers;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>Indexes a miniSEED 2 file from its record headers and decodes records on demand.</summary>
internal static class MiniSeedFormat
{
    private readonly record struct IndexedRecord(ChannelId Id, int Index, long Offset, int Length, long StartTicks, int SampleCount, double SamplingRate);

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
        var probe = new byte[MiniSeedRecordHeader.ProbeLength];
        var lastCodes = new byte[MiniSeedRecordHeader.FixedHeaderLength];
        ChannelId lastId = default;
        long? lastEnd = null;
        using (var stream = source.Open(1 << 16))
        {
            var length = stream.Length;
            long offset = 0;
            for (var index = 0; offset < length; index++)
            {
                stream.Position = offset;
                var read = WaveformStreams.ReadAtMost(stream, probe, probe.Length);
                var where = new RecordLocation(path, index, offset);
                MiniSeedRecordHeader header;
                try
                {
                    header = MiniSeedRecordHeader.Parse(probe.AsSpan(0, read), where);
                }
                catch (InvalidFileException e) when (skip)
                {
                    var next = NextHeader(stream, offset, probe);
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
                            CheckData(stream, offset, header, where);
                        }
                        if (records.Count == 0 || !MiniSeedRecordHeader.SameCodes(probe, lastCodes))
                        {
                            lastId = MiniSeedRecordHeader.ReadChannel(probe);
                            Array.Copy(probe, lastCodes, lastCodes.Length);
                        }
                        records.Add(new IndexedRecord(lastId, index, offset, header.RecordLength, header.StartTicks, header.SampleCount, header.SamplingRate));
                        lastEnd = header.StartTicks + SampleClock.OffsetTicks(header.SampleCount, header.SamplingRate);
                    }
                }
                catch (InvalidFileException e) when (skip)
                {
                    leftOut!.Add(Corrupt(e.Message, "left out", MiniSeedRecordHeader.ReadChannel(probe), header.StartTicks, after: false));
                }
                offset += header.RecordLength;
            }
        }

        if (leftOut is not null)
        {
            records = LeaveOutStrayTimes(path, records, leftOut);
        }
        var extents = new List<MiniSeedExtent>();
        foreach (var channel in records.GroupBy(record => record.Id))
        {
            var run = new List<IndexedRecord>();
            long runSamples = 0;
            foreach (var record in channel.OrderBy(record => record.StartTicks))
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
            extents.Add(MakeExtent(source, run));
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
    private static void CheckData(Stream stream, long offset, in MiniSeedRecordHeader header, RecordLocation where)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(header.RecordLength);
        var samples = ArrayPool<double>.Shared.Rent(header.SampleCount);
        try
        {
            stream.Position = offset;
            WaveformStreams.ReadExactly(stream, bytes, header.RecordLength, where.Path);
            MiniSeedDecoder.Decode(bytes.AsSpan(0, header.RecordLength), header, samples.AsSpan(0, header.SampleCount), where);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<double>.Shared.Return(samples);
        }
    }

    /// <summary>The offset of the next readable record header after a damaged one (at the following multiples of 256 bytes), or the file's length.</summary>
    private static long NextHeader(Stream stream, long offset, byte[] probe)
    {
        for (var next = offset + SmallestRecord; next < stream.Length; next += SmallestRecord)
        {
            stream.Position = next;
            var read = WaveformStreams.ReadAtMost(stream, probe, probe.Length);
            try
            {
                if (MiniSeedRecordHeader.LooksLikeDataRecord(probe.AsSpan(0, read)))
                {
                    MiniSeedRecordHeader.Parse(probe.AsSpan(0, read), new RecordLocation(string.Empty, 0, next));
                    return next;
                }
            }
            catch (InvalidFileException)
            {
                // Not a header either: keep looking.
            }
        }
        return stream.Length;
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
        for (var i = 0; i < run.Count; i++)
        {
            offsets[i] = run[i].Offset;
            lengths[i] = run[i].Length;
            indices[i] = run[i].Index;
            firstSamples[i + 1] = firstSamples[i] + run[i].SampleCount;
        }
        return new MiniSeedExtent(source, run[0].Id, run[0].StartTicks, run[0].SamplingRate, offsets, lengths, indices, firstSamples);
    }
}
