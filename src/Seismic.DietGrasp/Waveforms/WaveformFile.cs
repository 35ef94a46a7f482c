namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// Reads SAC and miniSEED records whole, from a stream or a file. The format is told by content, never by the name.
/// For many files or long records, index them with <see cref="WaveformArchive"/> and read time windows instead.
/// </summary>
/// <remarks>
/// The stream overloads are the readers; the path overloads open the file and read it the same way (without
/// copying it to memory first). A stream is read from its position to its end, into memory (the readers seek), and
/// is left open.
/// </remarks>
public static class WaveformFile
{
    private const string NeitherFormat = "neither SAC (header version NVHDR = 6 at byte 304) nor miniSEED 2 (a data record header: 6-digit sequence number, quality D/R/Q/M)";

    /// <summary>Tells SAC from miniSEED by the stream's first bytes (read from its position; the stream is left where it was when it can seek).</summary>
    /// <param name="stream">The bytes of a SAC or miniSEED record.</param>
    /// <param name="name">A name for messages (e.g. the file name it came from); default "stream".</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidFileException">The bytes are neither SAC nor miniSEED.</exception>
    public static WaveformFormat DetectFormat(Stream stream, string? name = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }
        var start = stream.CanSeek ? stream.Position : -1;
        var head = new byte[SacFormat.HeaderLength];
        var read = WaveformStreams.ReadAtMost(stream, head, head.Length);
        if (start >= 0)
        {
            stream.Position = start;
        }
        return Detect(head.AsSpan(0, read)) ?? throw new InvalidFileException(name ?? "stream", NeitherFormat);
    }

    /// <summary>Tells SAC from miniSEED by the file's first bytes.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format.</returns>
    /// <exception cref="InvalidFileException">The file is missing, or neither SAC nor miniSEED.</exception>
    public static WaveformFormat DetectFormat(string path) =>
        TryDetectFormat(WaveformSource.File(path)) ?? throw new InvalidFileException(path, NeitherFormat);

    /// <summary>
    /// Reads every trace of a SAC or miniSEED stream: SAC holds one; miniSEED one per channel and contiguous run of
    /// records (records of several channels are grouped by NET.STA.LOC.CHAN; a gap or an overlap starts a new
    /// trace). Sorted by channel, then start time.
    /// </summary>
    /// <param name="stream">The bytes, read from the stream's position to its end; the stream is left open.</param>
    /// <param name="name">A name for messages (e.g. the file name it came from); default "stream".</param>
    /// <returns>The decoded traces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidFileException">The bytes are neither format, truncated or corrupt (the message names the record and byte offset), 2 GiB or more, or the stream cannot be read.</exception>
    public static IReadOnlyList<Trace> Read(Stream stream, string? name = null) => Read(WaveformSource.Of(stream, name));

    /// <summary>Reads every trace of a SAC or miniSEED file (as <see cref="Read(Stream, string)"/>).</summary>
    /// <param name="path">A SAC or miniSEED file.</param>
    /// <returns>The decoded traces.</returns>
    /// <exception cref="InvalidFileException">The file is missing, neither format, truncated or corrupt; the message names the record and byte offset.</exception>
    public static IReadOnlyList<Trace> Read(string path) => Read(WaveformSource.File(Guard.NotNull(path, nameof(path))));

    /// <summary>Reads a stream that must hold exactly one continuous trace (one channel, no gap or overlap).</summary>
    /// <param name="stream">The bytes, read from the stream's position to its end; the stream is left open.</param>
    /// <param name="name">A name for messages; default "stream".</param>
    /// <returns>The trace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidFileException">The bytes hold no samples, several channels, or a gap or overlap (the message lists the traces), or they cannot be read.</exception>
    public static Trace ReadSingleTrace(Stream stream, string? name = null) => Single(Read(stream, name), name ?? "stream");

    /// <summary>Reads a file that must hold exactly one continuous trace (one channel, no gap or overlap).</summary>
    /// <param name="path">A SAC or miniSEED file.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="InvalidFileException">The file holds no samples, several channels, or a gap or overlap (the message lists the traces), or it cannot be read.</exception>
    public static Trace ReadSingleTrace(string path) => Single(Read(path), path);

    private static IReadOnlyList<Trace> Read(WaveformSource source) =>
        Index(source, TryDetectFormat(source) ?? throw new InvalidFileException(source.Name, NeitherFormat))
            .OrderBy(extent => extent.Id.ToString(), StringComparer.Ordinal)
            .ThenBy(extent => extent.StartTicks)
            .Select(extent => extent.ReadTrace())
            .ToList();

    private static Trace Single(IReadOnlyList<Trace> traces, string name)
    {
        if (traces.Count == 1)
        {
            return traces[0];
        }
        if (traces.Count == 0)
        {
            throw new InvalidFileException(name, "holds no samples");
        }
        var listed = string.Join("; ", traces.Take(4).Select(trace => trace.ToString())) + (traces.Count > 4 ? "; ..." : string.Empty);
        var channels = traces.Select(trace => trace.Id).Distinct().Count();
        var why = channels > 1 ? $"{channels} channels" : "one channel with gaps or overlaps";
        throw new InvalidFileException(name, $"holds {traces.Count} traces ({why}: {listed}); exactly one continuous trace is expected");
    }

    internal static WaveformFormat? TryDetectFormat(WaveformSource source)
    {
        var head = new byte[SacFormat.HeaderLength];
        int read;
        using (var stream = source.Open())
        {
            read = WaveformStreams.ReadAtMost(stream, head, head.Length);
        }
        return Detect(head.AsSpan(0, read));
    }

    private static WaveformFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (MiniSeedRecordHeader.LooksLikeDataRecord(head))
        {
            return WaveformFormat.MiniSeed;
        }
        return SacFormat.TryDetectByteOrder(head, out _) ? WaveformFormat.Sac : null;
    }

    internal static IReadOnlyList<WaveformExtent> Index(WaveformSource source, WaveformFormat format, ICollection<LeftOutRecord>? leftOut = null, CorruptRecordHandling onCorrupt = CorruptRecordHandling.Fail)
    {
        if (format == WaveformFormat.MiniSeed)
        {
            return MiniSeedFormat.Index(source, leftOut, onCorrupt);
        }
        var header = new byte[SacFormat.HeaderLength];
        long length;
        int read;
        using (var stream = source.Open())
        {
            length = stream.Length;
            read = WaveformStreams.ReadAtMost(stream, header, header.Length);
        }
        if (onCorrupt == CorruptRecordHandling.Fail || leftOut is null)
        {
            return new[] { SacFormat.ReadHeader(source, header.AsSpan(0, read), length) };
        }
        try
        {
            // A truncated file keeps the samples it holds; a header that cannot be read leaves the file out.
            return new[] { SacFormat.ReadHeader(source, header.AsSpan(0, read), length, leftOut) };
        }
        catch (InvalidFileException e)
        {
            leftOut.Add(new LeftOutRecord($"{e.Message}; corrupt, the file left out (--on-corrupt skip): its minutes are empty", null, null, true));
            return Array.Empty<WaveformExtent>();
        }
    }
}
