using System.Buffers;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// An index of many SAC and miniSEED files (any names, any number of files per channel), built
/// from headers only; samples are decoded on demand by time window. Immutable and safe to read
/// from several threads at once (e.g. one station per thread).
/// </summary>
/// <remarks>
/// Memory: the index keeps, per miniSEED record, its offset, length and first sample index
/// (about 24 bytes); a window read holds only that window's samples.
/// </remarks>
public sealed class WaveformArchive
{
    // Samples plus a state byte each: about 2 GB at most for one window.
    private const int MaximumWindowSamples = int.MaxValue / 9;

    private readonly Dictionary<ChannelId, ChannelIndex> _channels;

    private WaveformArchive(Dictionary<ChannelId, ChannelIndex> channels, IReadOnlyList<string> skippedFiles, IReadOnlyList<LeftOutRecord> leftOut, IReadOnlyList<string> unopenableFiles)
    {
        _channels = channels;
        SkippedFiles = skippedFiles;
        UnopenableFiles = unopenableFiles;
        LeftOut = leftOut;
        LeftOutRecords = leftOut.Select(record => record.Message).ToList();
        Channels = channels.Keys.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();
        Discontinuities = Channels.SelectMany(id => channels[id].Discontinuities).ToList();
        if (channels.Count > 0)
        {
            StartTime = new DateTime(channels.Values.Min(channel => channel.Extents[0].StartTicks), DateTimeKind.Utc);
            EndTime = new DateTime(channels.Values.Max(channel => channel.MaxEndTicks[channel.MaxEndTicks.Length - 1]), DateTimeKind.Utc);
        }
    }

    /// <summary>
    /// Indexes every SAC and miniSEED file under <paramref name="directory"/> (recursively; format by content).
    /// Files that are neither format are listed in <see cref="SkippedFiles"/>; a file that is one of them
    /// but corrupt fails the scan.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="maxDegreeOfParallelism">Files indexed at once (default: the processor count).</param>
    /// <param name="cancellation">Stops the scan.</param>
    /// <returns>The index.</returns>
    /// <exception cref="InvalidFileException">The folder does not exist, or a waveform file is truncated or corrupt (the message names file and record).</exception>
    public static WaveformArchive Scan(string directory, int maxDegreeOfParallelism = -1, CancellationToken cancellation = default) =>
        Scan(directory, maxDegreeOfParallelism, CorruptRecordHandling.Fail, cancellation);

    /// <summary>
    /// Indexes every SAC and miniSEED file under <paramref name="directory"/> (recursively; format by content), choosing
    /// what a corrupt record does: fail the scan, or be left out and listed in <see cref="LeftOutRecords"/>.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="maxDegreeOfParallelism">Files indexed at once (-1: the processor count).</param>
    /// <param name="onCorrupt">What a corrupt miniSEED record or SAC file does (<see cref="CorruptRecordHandling"/>).</param>
    /// <param name="cancellation">Stops the scan.</param>
    /// <returns>The index.</returns>
    /// <exception cref="InvalidFileException">The folder does not exist, or (with <see cref="CorruptRecordHandling.Fail"/>) a waveform file is truncated or corrupt.</exception>
    public static WaveformArchive Scan(string directory, int maxDegreeOfParallelism, CorruptRecordHandling onCorrupt, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidFileException(directory, "waveform folder not found");
        }
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal);
        return FromFiles(files, maxDegreeOfParallelism, onCorrupt, cancellation);
    }

    /// <summary>Indexes the given files (SAC or miniSEED by content); others are listed in <see cref="SkippedFiles"/>.</summary>
    /// <param name="paths">The files.</param>
    /// <param name="maxDegreeOfParallelism">Files indexed at once (default: the processor count).</param>
    /// <param name="cancellation">Stops the scan.</param>
    /// <returns>The index.</returns>
    /// <exception cref="InvalidFileException">A waveform file is missing, truncated or corrupt.</exception>
    /// <exception cref="InvalidParameterException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static WaveformArchive FromFiles(IEnumerable<string> paths, int maxDegreeOfParallelism = -1, CancellationToken cancellation = default) =>
        FromFiles(paths, maxDegreeOfParallelism, CorruptRecordHandling.Fail, cancellation);

    /// <summary>Indexes the given files (SAC or miniSEED by content), choosing what a corrupt record does; others are listed in <see cref="SkippedFiles"/>.</summary>
    /// <param name="paths">The files.</param>
    /// <param name="maxDegreeOfParallelism">Files indexed at once (-1: the processor count).</param>
    /// <param name="onCorrupt">What a corrupt miniSEED record or SAC file does (<see cref="CorruptRecordHandling"/>).</param>
    /// <param name="cancellation">Stops the scan.</param>
    /// <returns>The index.</returns>
    /// <exception cref="InvalidFileException">A waveform file is missing, or (with <see cref="CorruptRecordHandling.Fail"/>) truncated or corrupt.</exception>
    /// <exception cref="InvalidParameterException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static WaveformArchive FromFiles(IEnumerable<string> paths, int maxDegreeOfParallelism, CorruptRecordHandling onCorrupt, CancellationToken cancellation = default)
    {
        if (paths is null)
        {
            throw new ArgumentNullException(nameof(paths));
        }
        Parallelism.Check(maxDegreeOfParallelism);
        var files = paths.ToArray();
        var indexed = new IReadOnlyList<WaveformExtent>?[files.Length];
        var leftOut = new List<LeftOutRecord>?[files.Length];
        var unopenable = new bool[files.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation };
        try
        {
            Parallel.For(0, files.Length, options, i =>
            {
                if (IO.NonUtf8Name.IsUnopenable(files[i]))
                {
                    unopenable[i] = true;
                    return;
                }
                var source = WaveformSource.File(files[i]);
                var format = WaveformFile.TryDetectFormat(source);
                leftOut[i] = new List<LeftOutRecord>();
                indexed[i] = format is null ? null : WaveformFile.Index(source, format.Value, leftOut[i], onCorrupt);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first failure as itself (an InvalidFileException naming file and record).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions.OrderBy(inner => inner is DietGraspException ? 0 : 1).First()).Throw();
            throw;
        }
        var skipped = files.Where((_, i) => indexed[i] is null && !unopenable[i]).ToList();
        var channels = indexed
            .Where(extents => extents is not null)
            .SelectMany(extents => extents!)
            .GroupBy(extent => extent.Id)
            .ToDictionary(group => group.Key, group => new ChannelIndex(group));
        return new WaveformArchive(channels, skipped, leftOut.SelectMany(list => list ?? new List<LeftOutRecord>()).ToList(),
            files.Where((_, i) => unopenable[i]).Select(IO.NonUtf8Name.Describe).ToList());
    }

    /// <summary>An archive of traces in memory (one or more per channel; gaps between them as in files).</summary>
    internal static WaveformArchive FromTraces(IEnumerable<Trace> traces)
    {
        var channels = traces.Where(trace => trace.Count > 0).Select(trace => (WaveformExtent)new TraceExtent(trace))
            .GroupBy(extent => extent.Id)
            .ToDictionary(group => group.Key, group => new ChannelIndex(group));
        return new WaveformArchive(channels, Array.Empty<string>(), Array.Empty<LeftOutRecord>(), Array.Empty<string>());
    }

    /// <summary>Every channel found, sorted by <c>NET.STA.LOC.CHAN</c>.</summary>
    public IReadOnlyList<ChannelId> Channels { get; }

    /// <summary>The stations found, as <c>NET.STA</c> (<see cref="ChannelId.StationKey"/>), sorted.</summary>
    public IReadOnlyList<string> Stations => Channels.Select(id => id.StationKey).Distinct().ToList();

    /// <summary>Files that are neither SAC nor miniSEED and were left out.</summary>
    public IReadOnlyList<string> SkippedFiles { get; }

    /// <summary>
    /// Files left out because their name is not valid UTF-8 (Linux allows any bytes; .NET cannot open such a
    /// name), each with the name's bad bytes written as <c>\xHH</c>.
    /// </summary>
    public IReadOnlyList<string> UnopenableFiles { get; }

    /// <summary>
    /// miniSEED records left out of the index because they start far outside their file's other records (a
    /// damaged record time: one record dated 15 years off would otherwise stretch the archive's span), and, with
    /// <see cref="CorruptRecordHandling.Skip"/>, corrupt records and SAC files: one line each naming the file,
    /// record, byte offset, channel and time (as far as the damage lets them be read).
    /// </summary>
    public IReadOnlyList<string> LeftOutRecords { get; }

    /// <summary><see cref="LeftOutRecords"/> with their channel and time.</summary>
    internal IReadOnlyList<LeftOutRecord> LeftOut { get; }

    /// <summary>The gaps, overlaps and rate changes of all channels, by channel then time.</summary>
    public IReadOnlyList<Discontinuity> Discontinuities { get; }

    /// <summary>The earliest first sample over all channels (<see cref="DateTime.MinValue"/> when empty).</summary>
    public DateTime StartTime { get; }

    /// <summary>The latest end (just after the last sample) over all channels (<see cref="DateTime.MinValue"/> when empty).</summary>
    public DateTime EndTime { get; }

    /// <summary>The channels of one station and component, sorted (several when locations or band codes differ).</summary>
    /// <param name="station">The station as <c>NET.STA</c> or <c>STA</c>.</param>
    /// <param name="component">The component (channel code's last letter).</param>
    /// <returns>The matching channels; empty when the station has no such component.</returns>
    public IReadOnlyList<ChannelId> FindChannels(string station, Component component) =>
        Guard.NotNull(station, nameof(station)) is var name ? Channels.Where(id => id.Component == component && id.IsStation(name)).ToList() : Array.Empty<ChannelId>();

    /// <summary>The time-ordered gap-free segments of a channel.</summary>
    /// <param name="id">The channel.</param>
    /// <returns>The segments; empty for an unknown channel.</returns>
    public IReadOnlyList<WaveformSegment> GetSegments(ChannelId id) =>
        _channels.TryGetValue(id, out var channel) ? channel.Segments : Array.Empty<WaveformSegment>();

    /// <summary>The files holding samples of <paramref name="id"/> in [<paramref name="startTime"/>, <paramref name="endTime"/>) (UTC), in time order, each once.</summary>
    internal IEnumerable<string> FilesBetween(ChannelId id, DateTime startTime, DateTime endTime) =>
        _channels.TryGetValue(id, out var channel)
            ? channel.Overlapping(startTime.Ticks, endTime.Ticks).Select(extent => extent.Path).Distinct()
            : Enumerable.Empty<string>();

    /// <summary>Whether every piece of <paramref name="id"/> in [<paramref name="startTime"/>, <paramref name="endTime"/>) (UTC) has one sampling rate (<see cref="ReadWindow(ChannelId, DateTime, DateTime)"/> refuses a window where it changes).</summary>
    internal bool HasOneRateBetween(ChannelId id, DateTime startTime, DateTime endTime)
    {
        if (!_channels.TryGetValue(id, out var channel))
        {
            return true;
        }
        var pieces = channel.Overlapping(startTime.Ticks, endTime.Ticks);
        return pieces.All(piece => SampleClock.SameRate(piece.SamplingRate, pieces[0].SamplingRate));
    }

    /// <summary>The sampling-rate changes of <paramref name="id"/> among its pieces in [<paramref name="startTime"/>, <paramref name="endTime"/>) (UTC), in time order.</summary>
    internal List<RateChange> RateChangesBetween(ChannelId id, DateTime startTime, DateTime endTime)
    {
        var changes = new List<RateChange>();
        if (!_channels.TryGetValue(id, out var channel))
        {
            return changes;
        }
        var pieces = channel.Overlapping(startTime.Ticks, endTime.Ticks);
        for (int i = 1, first = 0; i < pieces.Count; i++)
        {
            if (SampleClock.SameRate(pieces[i].SamplingRate, pieces[first].SamplingRate))
            {
                continue;
            }
            var earlierEnd = pieces.Skip(first).Take(i - first).Max(piece => piece.EndTicks);
            changes.Add(new RateChange(id, new DateTime(earlierEnd, DateTimeKind.Utc), new DateTime(pieces[i].StartTicks, DateTimeKind.Utc), pieces[first].SamplingRate, pieces[i].SamplingRate));
            first = i;
        }
        return changes;
    }

    /// <summary>
    /// Reads one channel on the grid [<paramref name="startTime"/>, <paramref name="endTime"/>) at the
    /// channel's sampling rate, decoding only the records (or SAC bytes) that fall in it. A data sample
    /// lands on the nearest grid point; samples with no data are NaN and listed as missing; where
    /// overlapping pieces disagree, the samples are listed as conflicts.
    /// </summary>
    /// <param name="id">The channel.</param>
    /// <param name="startTime">Window start, included (UTC; a local time is converted, an unspecified one read as UTC).</param>
    /// <param name="endTime">Window end, excluded (UTC; a local time is converted, an unspecified one read as UTC).</param>
    /// <returns>The window's samples with what is missing or in conflict.</returns>
    /// <exception cref="InvalidParameterException">The window is empty, reversed or too long for one array, or the channel is unknown.</exception>
    /// <exception cref="InvalidFileException">Pieces of different sampling rates fall in the window, or a file is corrupt.</exception>
    public WaveformWindow ReadWindow(ChannelId id, DateTime startTime, DateTime endTime) => ReadWindow(id, startTime, endTime, null);

    /// <summary>
    /// <see cref="ReadWindow(ChannelId, DateTime, DateTime)"/> into <paramref name="buffer"/> (a worker's, reused from
    /// hour to hour) instead of new arrays; the window's samples are then the buffer's, valid until its next read.
    /// The same samples, bit for bit, and the same ranges.
    /// </summary>
    internal WaveformWindow ReadWindow(ChannelId id, DateTime startTime, DateTime endTime, WindowBuffer? buffer)
    {
        if (!_channels.TryGetValue(id, out var channel))
        {
            throw new InvalidParameterException("channel", $"{id} is not in the archive");
        }
        // Local times (DateTime.Now and friends) would otherwise be read as UTC, hours off.
        startTime = startTime.Kind == DateTimeKind.Local ? startTime.ToUniversalTime() : startTime;
        endTime = endTime.Kind == DateTimeKind.Local ? endTime.ToUniversalTime() : endTime;
        if (endTime <= startTime)
        {
            throw new InvalidParameterException("endTime", $"window end {endTime:o} is not after its start {startTime:o}");
        }
        var pieces = channel.Overlapping(startTime.Ticks, endTime.Ticks);
        var rate = pieces.Count > 0 ? pieces[0].SamplingRate : channel.Extents[0].SamplingRate;
        var mismatch = pieces.FirstOrDefault(piece => !SampleClock.SameRate(piece.SamplingRate, rate));
        if (mismatch is not null)
        {
            throw new InvalidFileException(mismatch.Path, $"{id} changes sampling rate inside [{startTime:o}, {endTime:o}): {mismatch.SamplingRate} Hz here, {rate} Hz in {pieces[0].Path}");
        }
        var exactLength = Math.Round(SampleClock.SamplesBetween(startTime.Ticks, endTime.Ticks, rate), MidpointRounding.AwayFromZero);
        if (exactLength > MaximumWindowSamples)
        {
            throw new InvalidParameterException("endTime",
                $"window [{startTime:o}, {endTime:o}) holds {exactLength:0} samples of {id} at {rate.ToString(System.Globalization.CultureInfo.InvariantCulture)} Hz, more than one read can return ({MaximumWindowSamples}); read shorter windows");
        }
        var length = (int)exactLength;
        Memory<double> window;
        Span<byte> state; // 0 missing, 1 present, 2 conflict
        if (buffer is null)
        {
            window = new double[length];
            state = new byte[length];
        }
        else
        {
            window = buffer.Take(length, out state);
        }
        var samples = window.Span;
        long written = 0; // one past the last slot any piece has written
        foreach (var piece in pieces)
        {
            var offset = (long)Math.Floor(SampleClock.SamplesBetween(startTime.Ticks, piece.StartTicks, rate) + 0.5);
            var from = Math.Max(0, offset);
            var to = Math.Min(length, offset + piece.SampleCount);
            if (to <= from)
            {
                continue;
            }
            var count = (int)(to - from);
            if (from >= written)
            {
                // No earlier piece reaches here (the usual case: records and files follow each other), so every slot is
                // still missing and the piece decodes straight into the window: no staging buffer and no copy.
                piece.ReadSamples(from - offset, samples.Slice((int)from, count));
                state.Slice((int)from, count).Fill(1);
            }
            else
            {
                Overlay(piece, from - offset, samples.Slice((int)from, count), state.Slice((int)from, count));
            }
            written = Math.Max(written, to);
        }
        var missing = Ranges(state, 0);
        foreach (var range in missing)
        {
            samples.Slice(range.Start, range.Count).Fill(double.NaN);
        }
        return new WaveformWindow(id, DateTime.SpecifyKind(startTime, DateTimeKind.Utc), rate, window, missing, Ranges(state, 2), pieces.All(piece => piece.HoldsOnlyIntegers));
    }

    /// <summary>
    /// Reads a piece over slots that an earlier piece may have filled: an empty slot takes the piece's sample, a
    /// filled one keeps its value and becomes a conflict where the two differ (bit for bit).
    /// </summary>
    private static void Overlay(WaveformExtent piece, long first, Span<double> samples, Span<byte> state)
    {
        var count = samples.Length;
        var buffer = ArrayPool<double>.Shared.Rent(count);
        try
        {
            piece.ReadSamples(first, buffer.AsSpan(0, count));
            for (var i = 0; i < count; i++)
            {
                if (state[i] == 0)
                {
                    samples[i] = buffer[i];
                    state[i] = 1;
                }
                else if (BitConverter.DoubleToInt64Bits(samples[i]) != BitConverter.DoubleToInt64Bits(buffer[i]))
                {
                    state[i] = 2;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static List<SampleRange> Ranges(ReadOnlySpan<byte> state, byte value)
    {
        var ranges = new List<SampleRange>();
        var i = 0;
        while (i < state.Length)
        {
            // The vectorised search skips the long runs of other states (a complete window has no missing slot at all).
            var next = state.Slice(i).IndexOf(value);
            if (next < 0)
            {
                break;
            }
            var start = i + next;
            i = start + 1;
            while (i < state.Length && state[i] == value)
            {
                i++;
            }
            ranges.Add(new SampleRange(start, i - start));
        }
        return ranges;
    }

    /// <summary>One channel's pieces sorted by start, with the running maximum of their ends for window searches.</summary>
    private sealed class ChannelIndex
    {
        public ChannelIndex(IEnumerable<WaveformExtent> extents)
        {
            Extents = extents.OrderBy(extent => extent.StartTicks).ThenBy(extent => extent.Path, StringComparer.Ordinal).ToArray();
            MaxEndTicks = new long[Extents.Length];
            var segments = new List<WaveformSegment>();
            var discontinuities = new List<Discontinuity>();
            var id = Extents[0].Id;
            WaveformExtent? segmentStart = null;
            long segmentEnd = 0;
            for (var i = 0; i < Extents.Length; i++)
            {
                var extent = Extents[i];
                MaxEndTicks[i] = Math.Max(i > 0 ? MaxEndTicks[i - 1] : long.MinValue, extent.EndTicks);
                if (segmentStart is not null)
                {
                    var rate = segmentStart.SamplingRate;
                    var halfSample = SampleClock.OffsetTicks(1, rate) / 2;
                    DiscontinuityKind? kind =
                        !SampleClock.SameRate(rate, extent.SamplingRate) ? DiscontinuityKind.SamplingRateChange
                        : extent.StartTicks >= segmentEnd + halfSample ? DiscontinuityKind.Gap
                        : extent.StartTicks <= segmentEnd - halfSample ? DiscontinuityKind.Overlap
                        : null;
                    if (kind == DiscontinuityKind.Overlap)
                    {
                        discontinuities.Add(new Discontinuity(id, DiscontinuityKind.Overlap, Utc(extent.StartTicks), Utc(Math.Min(segmentEnd, extent.EndTicks)), extent.Path));
                        segmentEnd = Math.Max(segmentEnd, extent.EndTicks);
                        continue;
                    }
                    if (kind is null)
                    {
                        segmentEnd = extent.EndTicks;
                        continue;
                    }
                    segments.Add(new WaveformSegment(id, Utc(segmentStart.StartTicks), Utc(segmentEnd), rate));
                    discontinuities.Add(kind == DiscontinuityKind.Gap
                        ? new Discontinuity(id, DiscontinuityKind.Gap, Utc(segmentEnd), Utc(extent.StartTicks), extent.Path)
                        : new Discontinuity(id, DiscontinuityKind.SamplingRateChange, Utc(extent.StartTicks), Utc(extent.StartTicks), extent.Path));
                }
                segmentStart = extent;
                segmentEnd = extent.EndTicks;
            }
            segments.Add(new WaveformSegment(id, Utc(segmentStart!.StartTicks), Utc(segmentEnd), segmentStart.SamplingRate));
            Segments = segments;
            Discontinuities = discontinuities;
        }

        public WaveformExtent[] Extents { get; }

        public long[] MaxEndTicks { get; }

        public IReadOnlyList<WaveformSegment> Segments { get; }

        public IReadOnlyList<Discontinuity> Discontinuities { get; }

        /// <summary>Pieces with data in [start, end), in start order.</summary>
        public List<WaveformExtent> Overlapping(long startTicks, long endTicks)
        {
            // Last piece starting before the window's end; walk back while some earlier piece may still reach into it.
            int low = 0, high = Extents.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Extents[middle].StartTicks < endTicks)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            var found = new List<WaveformExtent>();
            for (var i = low - 1; i >= 0 && MaxEndTicks[i] > startTicks; i--)
            {
                if (Extents[i].EndTicks > startTicks)
                {
                    found.Add(Extents[i]);
                }
            }
            found.Reverse();
            return found;
        }

        private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
    }
}
