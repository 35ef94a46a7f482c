namespace Seismic.DietGrasp.Waveforms;

/// <summary>Indexes a miniSEED 2 file from its record headers and decodes records on demand.</summary>
internal static class MiniSeedFormat
{
    private readonly record struct IndexedRecord(ChannelId Id, int Index, long Offset, int Length, long StartTicks, int SampleCount, double SamplingRate);

    /// <summary>
    /// Reads every record header of the file (not the data) and groups the records by channel into
    /// contiguous extents: a record continues the previous one of its channel when it starts within
    /// half a sample of where that one ends. With <paramref name="leftOut"/>, records whose start lies far
    /// outside the file's other records (<see cref="RecordTimeOutliers"/>) are left out and described there.
    /// </summary>
    public static IReadOnlyList<MiniSeedExtent> Index(string path, ICollection<string>? leftOut = null)
    {
        var records = new List<IndexedRecord>();
        var probe = new byte[MiniSeedRecordHeader.ProbeLength];
        var lastCodes = new byte[MiniSeedRecordHeader.FixedHeaderLength];
        ChannelId lastId = default;
        using (var stream = IO.InputFile.OpenRead(path, 1 << 16))
        {
            var length = stream.Length;
            long offset = 0;
            for (var index = 0; offset < length; index++)
            {
                stream.Position = offset;
                var read = WaveformStreams.ReadAtMost(stream, probe, probe.Length);
                var where = new RecordLocation(path, index, offset);
                var header = MiniSeedRecordHeader.Parse(probe.AsSpan(0, read), where);
                if (offset + header.RecordLength > length)
                {
                    throw where.Fail($"file ends {length - offset} bytes into this {header.RecordLength}-byte record (truncated file)");
                }
                if (header.SampleCount > 0 && header.Encoding != 0)
                {
                    MiniSeedDecoder.CheckSampleCount(header, where);
                    if (records.Count == 0 || !MiniSeedRecordHeader.SameCodes(probe, lastCodes))
                    {
                        lastId = MiniSeedRecordHeader.ReadChannel(probe);
                        Array.Copy(probe, lastCodes, lastCodes.Length);
                    }
                    records.Add(new IndexedRecord(lastId, index, offset, header.RecordLength, header.StartTicks, header.SampleCount, header.SamplingRate));
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
                    extents.Add(MakeExtent(path, run));
                    run.Clear();
                    runSamples = 0;
                }
                run.Add(record);
                runSamples += record.SampleCount;
            }
            extents.Add(MakeExtent(path, run));
        }
        return extents;
    }

    private static List<IndexedRecord> LeaveOutStrayTimes(string path, List<IndexedRecord> records, ICollection<string> leftOut)
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
            leftOut.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0}: record {1} (byte {2}) of {3} starts at {4:yyyy-MM-ddTHH:mm:ss.fffZ}, far outside the file's other records ({5:yyyy-MM-ddTHH:mm:ssZ} to {6:yyyy-MM-ddTHH:mm:ssZ}); a damaged record time? left out",
                path, record.Index, record.Offset, record.Id, new DateTime(record.StartTicks, DateTimeKind.Utc),
                new DateTime(records.Min(r => r.StartTicks >= low && r.StartTicks <= high ? r.StartTicks : long.MaxValue), DateTimeKind.Utc),
                new DateTime(records.Max(r => r.StartTicks >= low && r.StartTicks <= high ? r.StartTicks : long.MinValue), DateTimeKind.Utc)));
        }
        return kept;
    }

    private static bool Continues(IndexedRecord first, long samples, IndexedRecord next) =>
        SampleClock.SameRate(first.SamplingRate, next.SamplingRate)
        && SampleClock.Continues(first.StartTicks, samples, first.SamplingRate, next.StartTicks);

    private static MiniSeedExtent MakeExtent(string path, List<IndexedRecord> run)
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
        return new MiniSeedExtent(path, run[0].Id, run[0].StartTicks, run[0].SamplingRate, offsets, lengths, indices, firstSamples);
    }
}
