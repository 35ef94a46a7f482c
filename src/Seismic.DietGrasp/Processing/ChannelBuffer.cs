using System.Numerics;
using System.Runtime.InteropServices;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// One component's window as the spectrogram gets it: the samples read (when nothing is done to them),
/// or high-passed and resampled into a buffer the worker keeps between hours. Where the window has no
/// data or overlapping pieces disagree, the buffer says so, and no minute touching it is classified.
/// </summary>
/// <remarks>
/// Each gap-free run of the window is filtered alone (scipy's sosfiltfilt on that run, odd padding), so
/// a minute within the filter's settling time of a gap or of the record's first or last sample sees the
/// filter's edge response, as scipy's sosfiltfilt of a record shows it at that record's ends; minutes
/// with a margin of record on both sides equal the filtered long record. Runs shorter than a minute hold
/// no whole minute and are left as they are. A NaN or infinite sample is a gap of one sample (found before
/// filtering: an IIR filter would carry it over the whole run, 40-odd minutes of a station-hour with its
/// margins, where as a gap it costs only its own minute). Resampling takes each run's mean away (the minute's mean is
/// removed later anyway) and treats the window as zero outside its runs, as scipy's resample_poly treats
/// the ends of its input; an output sample is present when the input samples on both sides of it are.
/// </remarks>
internal sealed class ChannelBuffer
{
    private readonly List<SampleRange> _bad = new();
    private readonly List<SampleRange> _nonFinite = new();
    private double[] _filtered = Array.Empty<double>();
    private double[] _resampled = Array.Empty<double>();
    private ReadOnlyMemory<double> _recorded;
    private List<SampleRange> _runs = new();
    private int _length;
    private double _recordedRate;

    /// <summary>
    /// Where the component's window is read (<see cref="WaveformArchive.ReadWindow(ChannelId, DateTime, DateTime, WindowBuffer)"/>),
    /// kept with the buffer from hour to hour: the window's samples stay in use as <see cref="Recorded"/> until the next read.
    /// </summary>
    public WindowBuffer Window { get; } = new();

    /// <summary>The samples at <see cref="Rate"/>, from the window's start.</summary>
    public ReadOnlyMemory<double> Samples { get; private set; }

    /// <summary>The rate of <see cref="Samples"/>.</summary>
    public double Rate { get; private set; }

    /// <summary>Whether samples [start, start + count) are all present and free of conflicts.</summary>
    public bool IsCompleteBetween(int start, int count)
    {
        if (start < 0 || start + count > Samples.Length)
        {
            return false;
        }
        foreach (var range in _bad)
        {
            if (range.Start < start + count && range.End > start)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The samples as recorded (before filtering and resampling) that the prepared samples [start, start + count) come from.</summary>
    public ReadOnlySpan<double> Recorded(int start, int count)
    {
        var ratio = _recordedRate / Rate;
        var from = Math.Max(0, (int)Math.Round(start * ratio));
        var to = Math.Min(_recorded.Length, (int)Math.Round((start + count) * ratio));
        return _recorded.Span.Slice(from, Math.Max(0, to - from));
    }

    /// <summary>
    /// The first NaN or infinite sample as recorded behind the prepared samples [start, start + count): its index
    /// within <see cref="Recorded"/>(start, count) and its value; null when there is none (a gap's missing samples do not count).
    /// </summary>
    public (int Index, double Value)? FirstNonFinite(int start, int count)
    {
        var ratio = _recordedRate / Rate;
        var from = Math.Max(0, (int)Math.Round(start * ratio));
        var to = Math.Min(_recorded.Length, (int)Math.Round((start + count) * ratio));
        foreach (var range in _nonFinite)
        {
            if (range.Start < to && range.End > from)
            {
                var first = Math.Max(range.Start, from);
                return (first - from, _recorded.Span[first]);
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the recorded samples behind [start, start + count) of <see cref="Samples"/> are all equal (a dead
    /// channel): judged on the record as read, since a filtered constant is rounding noise.
    /// </summary>
    public bool IsRecordedConstant(int start, int count)
    {
        var samples = Recorded(start, count);
        if (samples.IsEmpty)
        {
            return false;
        }
        var first = samples[0];
        foreach (var sample in samples)
        {
            if (sample != first)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Takes a station's three windows, filtering and resampling them when asked. When the three share their
    /// gaps (the usual case), their runs are filtered together (<see cref="ButterworthHighPass.FilterZeroPhase(Span{double}, Span{double}, Span{double})"/>,
    /// the same numbers, faster).
    /// </summary>
    public static void PrepareAll(ChannelBuffer[] channels, WaveformWindow[] windows, ButterworthHighPass? highPass, double targetRate, PolyphaseResampler? resampler)
    {
        if (highPass is null && resampler is null)
        {
            for (var c = 0; c < 3; c++)
            {
                channels[c].UseAsRead(windows[c]);
            }
            return;
        }
        for (var c = 0; c < 3; c++)
        {
            channels[c].Load(windows[c]);
        }
        // Runs at least this long are filtered from the window straight into the filter buffer; the rest is copied as read.
        var minimumRun = int.MaxValue;
        if (highPass is not null)
        {
            minimumRun = Math.Max(highPass.PadLength + 1, (int)Math.Floor(60 * windows[0].SamplingRate));
            if (channels[1].SameRuns(channels[0]) && channels[2].SameRuns(channels[0]))
            {
                foreach (var run in channels[0]._runs)
                {
                    if (run.Count >= minimumRun)
                    {
                        highPass.FilterZeroPhase(channels[0].RecordedRun(run), channels[1].RecordedRun(run), channels[2].RecordedRun(run), channels[0].Run(run), channels[1].Run(run), channels[2].Run(run));
                    }
                }
            }
            else
            {
                foreach (var channel in channels)
                {
                    foreach (var run in channel._runs)
                    {
                        if (run.Count >= minimumRun)
                        {
                            highPass.FilterZeroPhase(channel.RecordedRun(run), channel.Run(run));
                        }
                    }
                }
            }
        }
        for (var c = 0; c < 3; c++)
        {
            channels[c].CopyUnfiltered(minimumRun);
        }
        for (var c = 0; c < 3; c++)
        {
            channels[c].Finish(windows[c], targetRate, resampler);
        }
    }

    private void UseAsRead(WaveformWindow window)
    {
        _bad.Clear();
        Rate = window.SamplingRate;
        _recorded = window.Samples;
        _recordedRate = window.SamplingRate;
        Samples = window.Samples;
        if (window.OnlyIntegers)
        {
            // Decoded integers are finite: the scan below was 1.7% of an S-net day's CPU (perf, 2026-12-03 23:14 UTC).
            _nonFinite.Clear();
        }
        else
        {
            FindNonFinite(window.Samples.Span, window.MissingRanges, _nonFinite);
        }
        _bad.AddRange(window.MissingRanges);
        _bad.AddRange(window.ConflictRanges);
        _bad.AddRange(_nonFinite);
    }

    /// <summary>The runs of NaN or infinite samples outside the missing ranges (which hold NaN for "no data"), in order.</summary>
    /// <remarks>
    /// Why the vectors: every sample of every window is looked at, 1.1 M a 100 Hz station-hour, and nearly all are
    /// finite; a vector of them (x - x is 0 for a finite x, NaN for an infinite or NaN one) is passed over at once:
    /// 0.27 instead of 0.91 ms a station-hour (NonFiniteScanBenchmarks, shared machine; issue #18). The same runs (NonFiniteScanTests).
    /// </remarks>
    internal static void FindNonFinite(ReadOnlySpan<double> samples, IReadOnlyList<SampleRange> missing, List<SampleRange> found)
    {
        found.Clear();
        var gap = 0;
        var width = Vector<double>.Count;
        for (var i = 0; i < samples.Length; i++)
        {
            while (i <= samples.Length - width && AllFinite(MemoryMarshal.Read<Vector<double>>(MemoryMarshal.AsBytes(samples.Slice(i, width)))))
            {
                i += width;
            }
            if (i >= samples.Length)
            {
                break;
            }
            var value = samples[i];
            if (!double.IsNaN(value) && !double.IsInfinity(value))
            {
                continue;
            }
            while (gap < missing.Count && missing[gap].End <= i)
            {
                gap++;
            }
            if (gap < missing.Count && missing[gap].Start <= i)
            {
                i = missing[gap].End - 1;
                continue;
            }
            if (found.Count > 0 && found[found.Count - 1].End == i)
            {
                found[found.Count - 1] = new SampleRange(found[found.Count - 1].Start, found[found.Count - 1].Count + 1);
            }
            else
            {
                found.Add(new SampleRange(i, 1));
            }
        }
    }

    private static bool AllFinite(Vector<double> samples) => Vector.EqualsAll(samples - samples, Vector<double>.Zero);

    /// <summary>
    /// Takes the window, makes the filter buffer long enough for it and finds its gap-free runs. The samples reach the
    /// buffer through the filter (<see cref="RecordedRun"/> into <see cref="Run"/>) or <see cref="CopyUnfiltered"/>.
    /// </summary>
    /// <remarks>
    /// Why not copy the window first and filter in place: the copy was 2.9 MB a component-hour at 100 Hz, written and
    /// read again by the filter's forward pass, which now reads the window itself (the same numbers; benchmarks/README.md, issue #18).
    /// </remarks>
    private void Load(WaveformWindow window)
    {
        UseAsRead(window);
        var n = window.Samples.Length;
        if (_filtered.Length < n)
        {
            _filtered = new double[n];
        }
        _length = n;
        _runs = Runs(Merge(window.MissingRanges, _nonFinite), n);
    }

    private Span<double> Run(SampleRange run) => _filtered.AsSpan(run.Start, run.Count);

    private ReadOnlySpan<double> RecordedRun(SampleRange run) => _recorded.Span.Slice(run.Start, run.Count);

    /// <summary>
    /// Copies the window's samples as read into the filter buffer everywhere the filter did not write them: runs shorter
    /// than <paramref name="minimumRun"/> (all of them without a high-pass) and the gaps between runs, so that the whole
    /// buffer holds what copying the window and filtering it in place would.
    /// </summary>
    private void CopyUnfiltered(int minimumRun)
    {
        var recorded = _recorded.Span;
        var from = 0;
        foreach (var run in _runs)
        {
            if (run.Count >= minimumRun)
            {
                recorded.Slice(from, run.Start - from).CopyTo(_filtered.AsSpan(from));
                from = run.End;
            }
        }
        recorded.Slice(from, _length - from).CopyTo(_filtered.AsSpan(from));
    }

    private bool SameRuns(ChannelBuffer other) => _length == other._length && _runs.SequenceEqual(other._runs);

    /// <summary>The filtered samples as they are, or resampled to <paramref name="targetRate"/>.</summary>
    private void Finish(WaveformWindow window, double targetRate, PolyphaseResampler? resampler)
    {
        var n = _length;
        var samples = _filtered.AsSpan(0, n);
        if (resampler is null)
        {
            Samples = _filtered.AsMemory(0, n);
            return;
        }

        _bad.Clear();
        Rate = targetRate;
        var outLength = (int)resampler.OutputLength(n);
        if (_resampled.Length < outLength)
        {
            _resampled = new double[outLength];
        }
        var output = _resampled.AsSpan(0, outLength);
        output.Clear();
        long up = resampler.Up, down = resampler.Down;
        var covered = 0;
        foreach (var run in _runs)
        {
            var slice = samples.Slice(run.Start, run.Count);
            var sum = 0.0;
            foreach (var value in slice)
            {
                sum += value;
            }
            var mean = sum / run.Count;
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] -= mean;
            }
            // Outputs whose time lies within the run: k down / up in [start, end - 1].
            var first = (int)(((run.Start * up) + down - 1) / down);
            var last = (int)Math.Min(outLength - 1, ((run.End - 1) * up) / down);
            if (last < first)
            {
                continue;
            }
            resampler.Resample(samples, run.Start, run.End, first, output.Slice(first, last - first + 1));
            if (first > covered)
            {
                _bad.Add(new SampleRange(covered, first - covered));
            }
            covered = last + 1;
        }
        if (covered < outLength)
        {
            _bad.Add(new SampleRange(covered, outLength - covered));
        }
        foreach (var conflict in window.ConflictRanges)
        {
            var first = (int)Math.Max(0, ((conflict.Start * up) / down) - 1);
            var last = (int)Math.Min(outLength, (((conflict.End * up) + down - 1) / down) + 1);
            _bad.Add(new SampleRange(first, last - first));
        }
        Samples = _resampled.AsMemory(0, outLength);
    }

    /// <summary>Two sorted lists of ranges as one sorted list (overlaps are left to <see cref="Runs"/>).</summary>
    private static IReadOnlyList<SampleRange> Merge(IReadOnlyList<SampleRange> a, List<SampleRange> b) =>
        b.Count == 0 ? a : a.Concat(b).OrderBy(range => range.Start).ToList();

    /// <summary>The gap-free runs between the missing ranges (sorted, as the window lists them).</summary>
    private static List<SampleRange> Runs(IReadOnlyList<SampleRange> missing, int length)
    {
        var runs = new List<SampleRange>(missing.Count + 1);
        var start = 0;
        foreach (var gap in missing)
        {
            if (gap.Start > start)
            {
                runs.Add(new SampleRange(start, gap.Start - start));
            }
            start = Math.Max(start, gap.End);
        }
        if (length > start)
        {
            runs.Add(new SampleRange(start, length - start));
        }
        return runs;
    }
}
