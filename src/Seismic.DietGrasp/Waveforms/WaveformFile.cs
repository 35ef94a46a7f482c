namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// Reads SAC and miniSEED files whole. The format is told by content, never by the file name.
/// For many files or long records, index them with <see cref="WaveformArchive"/> and read time windows instead.
/// </summary>
public static class WaveformFile
{
    /// <summary>Tells SAC from miniSEED by the file's first bytes.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format.</returns>
    /// <exception cref="InvalidFileException">The file is neither SAC nor miniSEED.</exception>
    public static WaveformFormat DetectFormat(string path) =>
        TryDetectFormat(path) ?? throw new InvalidFileException(path, "neither SAC (header version NVHDR = 6 at byte 304) nor miniSEED 2 (a data record header: 6-digit sequence number, quality D/R/Q/M)");

    /// <summary>
    /// Reads every trace of a file: a SAC file holds one; a miniSEED file one per channel and
    /// contiguous run of records (records of several channels are grouped by NET.STA.LOC.CHAN; a
    /// gap or an overlap starts a new trace). Sorted by channel, then start time.
    /// </summary>
    /// <param name="path">A SAC or miniSEED file.</param>
    /// <returns>The decoded traces.</returns>
    /// <exception cref="InvalidFileException">The file is neither format, truncated or corrupt; the message names the record and byte offset.</exception>
    public static IReadOnlyList<Trace> Read(string path) =>
        Index(path, DetectFormat(path))
            .OrderBy(extent => extent.Id.ToString(), StringComparer.Ordinal)
            .ThenBy(extent => extent.StartTicks)
            .Select(extent => extent.ReadTrace())
            .ToList();

    /// <summary>Reads a file that must hold exactly one continuous trace (one channel, no gap or overlap).</summary>
    /// <param name="path">A SAC or miniSEED file.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="InvalidFileException">The file holds no samples, several channels, or a gap or overlap (the message lists the traces), or it cannot be read.</exception>
    public static Trace ReadSingleTrace(string path)
    {
        var traces = Read(path);
        if (traces.Count == 1)
        {
            return traces[0];
        }
        if (traces.Count == 0)
        {
            throw new InvalidFileException(path, "holds no samples");
        }
        var listed = string.Join("; ", traces.Take(4).Select(trace => trace.ToString())) + (traces.Count > 4 ? "; ..." : string.Empty);
        var channels = traces.Select(trace => trace.Id).Distinct().Count();
        var why = channels > 1 ? $"{channels} channels" : "one channel with gaps or overlaps";
        throw new InvalidFileException(path, $"holds {traces.Count} traces ({why}: {listed}); exactly one continuous trace is expected");
    }

    internal static WaveformFormat? TryDetectFormat(string path)
    {
        var head = new byte[SacFormat.HeaderLength];
        int read;
        using (var stream = IO.InputFile.OpenRead(path))
        {
            read = WaveformStreams.ReadAtMost(stream, head, head.Length);
        }
        if (MiniSeedRecordHeader.LooksLikeDataRecord(head.AsSpan(0, read)))
        {
            return WaveformFormat.MiniSeed;
        }
        return SacFormat.TryDetectByteOrder(head.AsSpan(0, read), out _) ? WaveformFormat.Sac : null;
    }

    internal static IReadOnlyList<WaveformExtent> Index(string path, WaveformFormat format, ICollection<LeftOutRecord>? leftOut = null, CorruptRecordHandling onCorrupt = CorruptRecordHandling.Fail)
    {
        if (format == WaveformFormat.MiniSeed)
        {
            return MiniSeedFormat.Index(path, leftOut, onCorrupt);
        }
        var header = new byte[SacFormat.HeaderLength];
        long length;
        int read;
        using (var stream = IO.InputFile.OpenRead(path))
        {
            length = stream.Length;
            read = WaveformStreams.ReadAtMost(stream, header, header.Length);
        }
        if (onCorrupt == CorruptRecordHandling.Fail || leftOut is null)
        {
            return new[] { SacFormat.ReadHeader(path, header.AsSpan(0, read), length) };
        }
        try
        {
            // A truncated file keeps the samples it holds; a header that cannot be read leaves the file out.
            return new[] { SacFormat.ReadHeader(path, header.AsSpan(0, read), length, leftOut) };
        }
        catch (InvalidFileException e)
        {
            leftOut.Add(new LeftOutRecord($"{e.Message}; corrupt, the file left out (--on-corrupt skip): its minutes are empty", null, null, true));
            return Array.Empty<WaveformExtent>();
        }
    }
}
