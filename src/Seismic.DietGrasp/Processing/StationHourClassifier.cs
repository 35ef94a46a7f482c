using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// One worker's buffers: reads a station's three components over a window of whole minutes (at most
/// an hour) and the preprocessing's margins around it, high-passes and resamples them when asked
/// (<see cref="ChannelBuffer"/>), cuts the complete, live minutes, removes their means, applies the
/// sensitivity, makes their spectrograms and classifies them eight at a time. Memory: the window's samples
/// (and their filtered and resampled copies, kept between hours) plus 8 spectrograms.
/// </summary>
internal sealed class StationHourClassifier
{
    private const int Values = SpectrogramParameters.ValueCount;

    // Spectrograms made before the model classifies them: so few that they are still in the core's cache when it reads
    // them (8 x 62 KB instead of the hour's 3.7 MB), and their buffer is the same memory minute after minute. The same
    // probabilities bit for bit; the S-net day x0.98 (medians of 6 alternating rounds, within their spread; 16 at a time
    // no better), 2026-12-04 00:02-00:07 UTC.
    private const int ChunkMinutes = 8;
    // Stretches between rate changes start and end on whole 4 s (a whole number of samples at every rate the spectrogram takes).
    private const long StretchStepTicks = 4 * TimeSpan.TicksPerSecond;
    private readonly WaveformArchive _archive;
    private readonly DietModel _model;
    private readonly ChannelSensitivity? _sensitivity;
    private readonly ConcurrentDictionary<double, SpectrogramParameters> _parameters;
    private readonly RunPreprocessor _preprocessor;
    private readonly int[] _rows = new int[60];
    private readonly float[] _probabilities = new float[60 * DietModel.ClassCount];
    // Rented from the run for each call: Parallel.ForEach retires and creates workers, and a set holds
    // about 3 x 2.9 MB for a 100 Hz hour with margins; the run keeps one set per worker running at once.
    private ChannelBuffer[] Channels { get; set; } = Array.Empty<ChannelBuffer>();
    private readonly double[] _scales = new double[3];
    private float[] _spectrograms = Array.Empty<float>();
    private double[] _minute = Array.Empty<double>();

    public StationHourClassifier(WaveformArchive archive, DietModel model, ChannelSensitivity? sensitivity, ConcurrentDictionary<double, SpectrogramParameters> parameters, RunPreprocessor preprocessor)
    {
        _archive = archive;
        _model = model;
        _sensitivity = sensitivity;
        _parameters = parameters;
        _preprocessor = preprocessor;
    }

    public void Classify(StationChannels station, DateTime from, DateTime to, DayProbabilities day)
    {
        Channels = _preprocessor.RentBuffers();
        try
        {
            ClassifyRented(station, from, to, day);
        }
        finally
        {
            _preprocessor.ReturnBuffers(Channels);
        }
    }

    private void ClassifyRented(StationChannels station, DateTime from, DateTime to, DayProbabilities day)
    {
        var minutes = MinuteClock.MinutesBetween(from, to);
        var firstRow = MinuteClock.MinutesBetween(day.Start, from);
        var count = 0;
        var classified = 0;
        // One delegate each per station-hour, not one per minute (60 closures an hour before).
        Action<RunWarning> warn = day.Warnings.Enqueue;
        Action<ChannelId> onDead = dead => day.DeadMinutes.AddOrUpdate((station.Name, dead), 1, (_, n) => n + 1);
        foreach (var (stretchStart, stretchEnd) in Stretches(station, from, to, warn))
        {
            var window = ReadWindows(station, from, to, stretchStart, stretchEnd, warn);
            if (window is null)
            {
                continue;
            }
            var (parameters, windowStart) = window.Value;
            var perMinute = parameters.SamplesPerMinute;
            for (var m = 0; m < minutes; m++)
            {
                var minute = from.AddMinutes(m);
                if (minute < stretchStart || minute.AddMinutes(1) > stretchEnd
                    || !TryCutMinute(station, OffsetOf(minute, windowStart, parameters), perMinute, minute, onDead, warn))
                {
                    continue;
                }
                try
                {
                    DietSpectrogram.Compute(_minute.AsSpan(0, 3 * perMinute), parameters, _spectrograms.AsSpan((count - classified) * Values, Values), _preprocessor.Precision);
                }
                catch (InvalidWaveformException e)
                {
                    day.Warnings.Enqueue(new RunWarning(RunWarningKind.Spectrogram, $"{station.Name} {minute:yyyy-MM-dd HH:mm}: {e.Message}; cell left empty", station.Name, null, minute));
                    continue;
                }
                _rows[count++] = firstRow + m;
                if (count - classified == ChunkMinutes)
                {
                    ClassifyChunk(classified, count);
                    classified = count;
                }
            }
        }
        if (count > classified)
        {
            ClassifyChunk(classified, count);
        }
        for (var i = 0; i < count; i++)
        {
            var cell = (_rows[i] * day.StationCount) + station.Station;
            day.Earthquake[cell] = _probabilities[3 * i];
            day.Tremor[cell] = _probabilities[(3 * i) + 1];
            day.Noise[cell] = _probabilities[(3 * i) + 2];
        }
    }

    /// <summary>Classifies the spectrograms of minutes [from, to) of the station-hour, held in the chunk buffer from its start.</summary>
    private void ClassifyChunk(int from, int to) =>
        _model.PredictBatch(_spectrograms.AsSpan(0, (to - from) * Values), _probabilities.AsSpan(from * DietModel.ClassCount, (to - from) * DietModel.ClassCount));

    /// <summary>The spectrogram the run classified for one station-minute, or null when that minute is not whole and live.</summary>
    public float[]? Spectrogram(StationChannels station, DateTime minute)
    {
        var parameters = CutMinute(station, minute);
        if (parameters is null)
        {
            return null;
        }
        var spectrogram = new float[Values];
        DietSpectrogram.Compute(_minute.AsSpan(0, parameters.SamplesPerStationMinute), parameters, spectrogram, _preprocessor.Precision);
        return spectrogram;
    }

    /// <summary>The three components of one station-minute as the spectrogram gets them (filtered, resampled, mean removed, scaled), or null when that minute is not whole and live.</summary>
    public double[]? PreparedMinute(StationChannels station, DateTime minute)
    {
        var parameters = CutMinute(station, minute);
        return parameters is null ? null : _minute.AsSpan(0, parameters.SamplesPerStationMinute).ToArray();
    }

    private SpectrogramParameters? CutMinute(StationChannels station, DateTime minute)
    {
        Channels = _preprocessor.RentBuffers();
        try
        {
            var end = minute.AddMinutes(1);
            foreach (var (stretchStart, stretchEnd) in Stretches(station, minute, end, _ => { }))
            {
                if (minute < stretchStart || end > stretchEnd)
                {
                    continue;
                }
                var window = ReadWindows(station, minute, end, stretchStart, stretchEnd, _ => { });
                return window is null || !TryCutMinute(station, OffsetOf(minute, window.Value.Start, window.Value.Parameters), window.Value.Parameters.SamplesPerMinute, minute, _ => { })
                    ? null
                    : window.Value.Parameters;
            }
            return null;
        }
        finally
        {
            _preprocessor.ReturnBuffers(Channels);
        }
    }

    private static int OffsetOf(DateTime minute, DateTime windowStart, SpectrogramParameters parameters) =>
        (int)Math.Round((minute - windowStart).TotalSeconds * parameters.SamplingRate);

    /// <summary>
    /// The stretches of time around [from, to) in which each of the station's channels keeps one sampling rate: one
    /// unbounded stretch when no rate changes within the reach of the preprocessing's margins. A rate change is
    /// a gap: the stretch before it ends at the last whole 4 s before the new rate's first sample, the one after
    /// starts at the first whole 4 s after the earlier rate's last sample (whole 4 s keep the minutes on whole
    /// samples at every rate the spectrogram takes), and each stretch is filtered and resampled on its own. So
    /// only the minutes that straddle the change are lost, and the new rate is used as any other (resampled when
    /// the spectrogram does not take it). Warns once per change, from the station-hour that holds it.
    /// </summary>
    private List<(DateTime Start, DateTime End)> Stretches(StationChannels station, DateTime from, DateTime to, Action<RunWarning> warn)
    {
        var reach = _preprocessor.FilterMargin > RunPreprocessor.ResamplingMargin ? _preprocessor.FilterMargin : RunPreprocessor.ResamplingMargin;
        var changes = station.Channels.SelectMany(id => _archive.RateChangesBetween(id, from - reach, to + reach)).OrderBy(change => change.LaterStart).ToList();
        if (changes.Count == 0)
        {
            return new List<(DateTime, DateTime)> { (DateTime.MinValue, DateTime.MaxValue) };
        }
        var stretches = new List<(DateTime Start, DateTime End)>();
        var start = DateTime.MinValue;
        foreach (var change in changes)
        {
            var end = MinuteClock.Floor(change.LaterStart, StretchStepTicks);
            if (end > start)
            {
                stretches.Add((start, end));
            }
            var next = MinuteClock.Floor(change.EarlierEnd.AddTicks(StretchStepTicks - 1), StretchStepTicks);
            start = next > start ? next : start;
            if (change.LaterStart >= from && change.LaterStart < to)
            {
                warn(new RunWarning(RunWarningKind.RateChange, string.Format(CultureInfo.InvariantCulture,
                    "{0}: the sampling rate changes from {1} to {2} Hz at {3:yyyy-MM-ddTHH:mm:ss.fffZ}; {4}'s minutes that straddle it are left empty (a gap), the record on each side is used at its own rate",
                    change.Id, change.EarlierRate, change.LaterRate, change.LaterStart, station.Name), station.Name, change.Id, change.LaterStart));
            }
        }
        stretches.Add((start, DateTime.MaxValue));
        return stretches;
    }

    /// <summary>
    /// Reads the three components over [from, to) with the preprocessing's margins, within [stretchStart, stretchEnd), and
    /// prepares them; returns the spectrogram parameters and the time of the window's first sample, or null (with a
    /// warning) when their rates differ or are unusable.
    /// </summary>
    private (SpectrogramParameters Parameters, DateTime Start)? ReadWindows(StationChannels station, DateTime from, DateTime to, DateTime stretchStart, DateTime stretchEnd, Action<RunWarning> warn)
    {
        var margin = _preprocessor.FilterMargin;
        var windows = Read(station, Later(from - margin, stretchStart), Earlier(to + margin, stretchEnd), warn);
        if (windows is null)
        {
            return null;
        }
        var rate = windows[0].SamplingRate;
        if (!SampleClock.SameRate(rate, windows[1].SamplingRate) || !SampleClock.SameRate(rate, windows[2].SamplingRate))
        {
            warn(new RunWarning(RunWarningKind.SamplingRate, $"{station.Name}: components sampled at {windows[0].SamplingRate}, {windows[1].SamplingRate} and {windows[2].SamplingRate} Hz in [{from:yyyy-MM-dd HH:mm}, {to:HH:mm}); cells left empty", station.Name, null, from));
            return null;
        }
        double target;
        PolyphaseResampler? resampler;
        ButterworthHighPass? highPass;
        try
        {
            (target, resampler) = _preprocessor.Target(rate);
            highPass = _preprocessor.HighPass(rate);
        }
        catch (InvalidParameterException e)
        {
            warn(new RunWarning(RunWarningKind.SamplingRate, $"{station.Name}: sampling rate {rate} Hz cannot make a DiET spectrogram ({e.Message}); cells left empty from {from:yyyy-MM-dd HH:mm} to {to:HH:mm}", station.Name, null, from));
            return null;
        }
        if (resampler is not null && margin == TimeSpan.Zero)
        {
            // Without a filter margin, read the little the resampler's filter reaches beyond the window.
            margin = RunPreprocessor.ResamplingMargin;
            windows = Read(station, Later(from - margin, stretchStart), Earlier(to + margin, stretchEnd), warn);
            if (windows is null)
            {
                return null;
            }
        }
        if (!TryParameters(target, out var parameters))
        {
            warn(new RunWarning(RunWarningKind.SamplingRate, $"{station.Name}: sampling rate {rate} Hz cannot make a DiET spectrogram (4 s and 0.8 s must be whole numbers of samples, at least {SpectrogramParameters.MinimumSamplingRate} Hz); cells left empty from {from:yyyy-MM-dd HH:mm} to {to:HH:mm}", station.Name, null, from));
            return null;
        }
        ChannelBuffer.PrepareAll(Channels, windows, highPass, target, resampler);
        EnsureCapacity(parameters);
        return (parameters, windows[0].StartTime);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private WaveformWindow[]? Read(StationChannels station, DateTime from, DateTime to, Action<RunWarning> warn)
    {
        if (to - from < TimeSpan.FromMinutes(1))
        {
            // A stretch between two rate changes too short to hold a minute.
            return null;
        }
        var windows = new WaveformWindow[3];
        for (var c = 0; c < 3; c++)
        {
            if (!_archive.HasOneRateBetween(station.Channels[c], from, to))
            {
                // Pieces at two rates that overlap in time: neither can be trusted there.
                warn(new RunWarning(RunWarningKind.RateChange, $"{station.Channels[c]}: pieces at different sampling rates overlap in [{from:yyyy-MM-dd HH:mm:ss}, {to:HH:mm:ss}); {station.Name}'s cells left empty there", station.Name, station.Channels[c], from));
                return null;
            }
            // Into the worker's buffer of that component: PrepareAll hands windows[c] to Channels[c].
            windows[c] = _archive.ReadWindow(station.Channels[c], from, to, Channels[c].Window);
            _scales[c] = 1 / (_sensitivity?.For(station.Channels[c]) ?? 1);
        }
        return windows;
    }

    /// <summary>Copies one minute of the three components into the minute buffer, mean removed and scaled; false when a component has a gap, a conflict, a NaN or infinite sample, or is constant.</summary>
    private bool TryCutMinute(StationChannels station, int offset, int perMinute, DateTime minuteStart, Action<ChannelId> onDead, Action<RunWarning>? onNonFinite = null)
    {
        var complete = true;
        for (var c = 0; c < 3; c++)
        {
            if (Channels[c].IsCompleteBetween(offset, perMinute))
            {
                continue;
            }
            complete = false;
            // A non-finite sample is a gap of its own (found before filtering); named as recorded.
            if (Channels[c].FirstNonFinite(offset, perMinute) is { } bad)
            {
                onNonFinite?.Invoke(NonFiniteMessage(station, c, bad.Index, bad.Value, minuteStart));
            }
        }
        if (!complete)
        {
            return false;
        }
        Span<double> sums = stackalloc double[3];
        SumInOrder(Channels[0].Samples.Span.Slice(offset, perMinute), Channels[1].Samples.Span.Slice(offset, perMinute), Channels[2].Samples.Span.Slice(offset, perMinute), sums);
        for (var c = 0; c < 3; c++)
        {
            // Dead (constant) as recorded: a filtered constant is rounding noise, not a constant.
            if (Channels[c].IsRecordedConstant(offset, perMinute))
            {
                onDead(station.Channels[c]);
                return false;
            }
            var samples = Channels[c].Samples.Span.Slice(offset, perMinute);
            var sum = sums[c];
            if (double.IsNaN(sum) || double.IsInfinity(sum))
            {
                // Finite as recorded but not after the preprocessing: samples near the largest double overflow the filter.
                onNonFinite?.Invoke(new RunWarning(RunWarningKind.NonFiniteSample, $"{station.Channels[c]} {minuteStart:yyyy-MM-dd HH:mm}: the samples overflow (not finite after the high-pass or their sum); {station.Name}'s cell left empty", station.Name, station.Channels[c], minuteStart));
                return false;
            }
            RemoveMeanAndScale(samples, sum / perMinute, _scales[c], _minute.AsSpan(c * perMinute, perMinute));
        }
        return true;
    }

    /// <summary>
    /// The sums of three equally long spans, each added up in the order of its samples as a plain loop would (the same
    /// sums bit for bit), the three in one loop.
    /// </summary>
    /// <remarks>
    /// Why: an addition waits for the one before it (about 4 cycles), so one sum after the other left the core idle
    /// most of the time; three independent chains share it. With <see cref="RemoveMeanAndScale"/>, cutting the 60 minutes
    /// of a 100 Hz station-hour took 0.54 instead of 1.59 ms (MinuteCutBenchmarks, shared machine; benchmarks/README.md, issue #18).
    /// </remarks>
    internal static void SumInOrder(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> sums)
    {
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException($"the spans differ in length: {x.Length}, {y.Length}, {z.Length}");
        }
        double sumX = 0, sumY = 0, sumZ = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sumX += x[i];
            sumY += y[i];
            sumZ += z[i];
        }
        sums[0] = sumX;
        sums[1] = sumY;
        sums[2] = sumZ;
    }

    /// <summary>target[i] = (samples[i] - mean) * scale, a vector at a time (the same two roundings per sample as one at a time).</summary>
    internal static void RemoveMeanAndScale(ReadOnlySpan<double> samples, double mean, double scale, Span<double> target)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(samples);
        var targets = MemoryMarshal.Cast<double, Vector<double>>(target);
        var means = new Vector<double>(mean);
        var scales = new Vector<double>(scale);
        for (var v = 0; v < vectors.Length; v++)
        {
            targets[v] = (vectors[v] - means) * scales;
        }
        for (var i = vectors.Length * Vector<double>.Count; i < samples.Length; i++)
        {
            target[i] = (samples[i] - mean) * scale;
        }
    }

    private static RunWarning NonFiniteMessage(StationChannels station, int component, int index, double value, DateTime minute)
    {
        var what = double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
        return new RunWarning(RunWarningKind.NonFiniteSample, $"{station.Channels[component]} {minute:yyyy-MM-dd HH:mm}: sample {index} of the minute is {what}; {station.Name}'s cell left empty",
            station.Name, station.Channels[component], minute);
    }

    private bool TryParameters(double rate, out SpectrogramParameters parameters)
    {
        if (_parameters.TryGetValue(rate, out parameters!))
        {
            return true;
        }
        try
        {
            parameters = _parameters.GetOrAdd(rate, r => new SpectrogramParameters(r));
            return true;
        }
        catch (InvalidParameterException)
        {
            return false;
        }
    }

    private void EnsureCapacity(SpectrogramParameters parameters)
    {
        if (_minute.Length < parameters.SamplesPerStationMinute)
        {
            _minute = new double[parameters.SamplesPerStationMinute];
        }
        if (_spectrograms.Length == 0)
        {
            _spectrograms = new float[ChunkMinutes * Values];
        }
    }
}
