using System.Collections.Concurrent;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>The three components' channels of one station (index = <see cref="Component"/>).</summary>
internal sealed record StationChannels(int Station, string Name, ChannelId[] Channels);

/// <summary>
/// The probabilities of one day being computed: [minute of the day range, station] per class, NaN
/// until a station-minute is classified. Workers write disjoint cells.
/// </summary>
internal sealed class DayProbabilities
{
    public DayProbabilities(DateTime start, DateTime end, int stationCount)
    {
        Start = start;
        End = end;
        StationCount = stationCount;
        MinuteCount = MinuteClock.MinutesBetween(start, end);
        Earthquake = NewTable(MinuteCount * stationCount);
        Tremor = NewTable(MinuteCount * stationCount);
        Noise = NewTable(MinuteCount * stationCount);
    }

    public DateTime Start { get; }

    public DateTime End { get; }

    public int StationCount { get; }

    public int MinuteCount { get; }

    public float[] Earthquake { get; }

    public float[] Tremor { get; }

    public float[] Noise { get; }

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentDictionary<ChannelId, int> DeadMinutes { get; } = new();

    private static float[] NewTable(int length)
    {
        var values = new float[length];
        values.AsSpan().Fill(float.NaN);
        return values;
    }
}

/// <summary>
/// One worker's buffers: reads a station's three components over a window of whole minutes (at most
/// an hour), cuts the complete, live minutes, removes their means, applies the sensitivity, makes their
/// spectrograms and classifies them in one batch. Memory: the window's samples plus 60 spectrograms.
/// </summary>
internal sealed class StationHourClassifier
{
    private const int Values = SpectrogramParameters.ValueCount;
    private readonly WaveformArchive _archive;
    private readonly DietModel _model;
    private readonly ChannelSensitivity? _sensitivity;
    private readonly ConcurrentDictionary<double, SpectrogramParameters> _parameters;
    private readonly int[] _rows = new int[60];
    private readonly float[] _probabilities = new float[60 * DietModel.ClassCount];
    private readonly WaveformWindow[] _windows = new WaveformWindow[3];
    private readonly double[] _scales = new double[3];
    private float[] _spectrograms = Array.Empty<float>();
    private double[] _minute = Array.Empty<double>();

    public StationHourClassifier(WaveformArchive archive, DietModel model, ChannelSensitivity? sensitivity, ConcurrentDictionary<double, SpectrogramParameters> parameters)
    {
        _archive = archive;
        _model = model;
        _sensitivity = sensitivity;
        _parameters = parameters;
    }

    public void Classify(StationChannels station, DateTime from, DateTime to, DayProbabilities day)
    {
        var parameters = ReadWindows(station, from, to, day.Warnings.Enqueue);
        if (parameters is null)
        {
            return;
        }
        var perMinute = parameters.SamplesPerMinute;
        var minutes = MinuteClock.MinutesBetween(from, to);
        var firstRow = MinuteClock.MinutesBetween(day.Start, from);
        var count = 0;
        for (var m = 0; m < minutes; m++)
        {
            if (!TryCutMinute(station, m * perMinute, perMinute, dead => day.DeadMinutes.AddOrUpdate(dead, 1, (_, n) => n + 1), day.Warnings.Enqueue))
            {
                continue;
            }
            try
            {
                DietSpectrogram.Compute(_minute.AsSpan(0, 3 * perMinute), parameters, _spectrograms.AsSpan(count * Values, Values));
            }
            catch (InvalidWaveformException e)
            {
                day.Warnings.Enqueue($"{station.Name} {from.AddMinutes(m):yyyy-MM-dd HH:mm}: {e.Message}; cell left empty");
                continue;
            }
            _rows[count++] = firstRow + m;
        }
        if (count == 0)
        {
            return;
        }
        _model.PredictBatch(_spectrograms.AsSpan(0, count * Values), _probabilities.AsSpan(0, count * DietModel.ClassCount));
        for (var i = 0; i < count; i++)
        {
            var cell = (_rows[i] * day.StationCount) + station.Station;
            day.Earthquake[cell] = _probabilities[3 * i];
            day.Tremor[cell] = _probabilities[(3 * i) + 1];
            day.Noise[cell] = _probabilities[(3 * i) + 2];
        }
    }

    /// <summary>The spectrogram the run classified for one station-minute, or null when that minute is not whole and live.</summary>
    public float[]? Spectrogram(StationChannels station, DateTime minute)
    {
        var parameters = ReadWindows(station, minute, minute.AddMinutes(1), _ => { });
        if (parameters is null || !TryCutMinute(station, 0, parameters.SamplesPerMinute, _ => { }))
        {
            return null;
        }
        return DietSpectrogram.Compute(_minute.AsSpan(0, parameters.SamplesPerStationMinute), parameters);
    }

    /// <summary>Reads the three components over [from, to) and returns their spectrogram parameters, or null (with a warning) when their rates differ or are unusable.</summary>
    private SpectrogramParameters? ReadWindows(StationChannels station, DateTime from, DateTime to, Action<string> warn)
    {
        for (var c = 0; c < 3; c++)
        {
            if (!_archive.HasOneRateBetween(station.Channels[c], from, to))
            {
                // As a whole channel at an unusable rate: that channel's gap, not the end of the run.
                warn($"{station.Channels[c]}: the sampling rate changes in [{from:yyyy-MM-dd HH:mm}, {to:HH:mm}); {station.Name}'s cells left empty there");
                return null;
            }
            _windows[c] = _archive.ReadWindow(station.Channels[c], from, to);
            _scales[c] = 1 / (_sensitivity?.For(station.Channels[c]) ?? 1);
        }
        var rate = _windows[0].SamplingRate;
        if (!SampleClock.SameRate(rate, _windows[1].SamplingRate) || !SampleClock.SameRate(rate, _windows[2].SamplingRate))
        {
            warn($"{station.Name}: components sampled at {_windows[0].SamplingRate}, {_windows[1].SamplingRate} and {_windows[2].SamplingRate} Hz in [{from:yyyy-MM-dd HH:mm}, {to:HH:mm}); cells left empty");
            return null;
        }
        if (!TryParameters(rate, out var parameters))
        {
            warn($"{station.Name}: sampling rate {rate} Hz cannot make a DiET spectrogram (4 s and 0.8 s must be whole numbers of samples, at least {SpectrogramParameters.MinimumSamplingRate} Hz); cells left empty from {from:yyyy-MM-dd HH:mm} to {to:HH:mm}");
            return null;
        }
        EnsureCapacity(parameters);
        return parameters;
    }

    /// <summary>Copies one minute of the three components into the minute buffer, mean removed and scaled; false when a component has a gap, a conflict or is constant.</summary>
    private bool TryCutMinute(StationChannels station, int offset, int perMinute, Action<ChannelId> onDead, Action<string>? onNonFinite = null)
    {
        for (var c = 0; c < 3; c++)
        {
            var window = _windows[c];
            if (offset + perMinute > window.Samples.Length || !window.IsCompleteBetween(offset, perMinute))
            {
                return false;
            }
        }
        for (var c = 0; c < 3; c++)
        {
            var samples = _windows[c].Samples.Span.Slice(offset, perMinute);
            var sum = 0.0;
            var first = samples[0];
            var constant = true;
            foreach (var sample in samples)
            {
                sum += sample;
                constant &= sample == first;
            }
            if (constant)
            {
                onDead(station.Channels[c]);
                return false;
            }
            if (double.IsNaN(sum) || double.IsInfinity(sum))
            {
                // Found before the mean removal, which would spread it over the minute as NaN from sample 0.
                onNonFinite?.Invoke(NonFiniteMessage(station, c, samples, offset));
                return false;
            }
            var mean = sum / perMinute;
            var scale = _scales[c];
            var target = _minute.AsSpan(c * perMinute, perMinute);
            for (var i = 0; i < perMinute; i++)
            {
                target[i] = (samples[i] - mean) * scale;
            }
        }
        return true;
    }

    private string NonFiniteMessage(StationChannels station, int component, ReadOnlySpan<double> samples, int offset)
    {
        var i = 0;
        while (i < samples.Length && !double.IsNaN(samples[i]) && !double.IsInfinity(samples[i]))
        {
            i++;
        }
        var what = i == samples.Length ? "so large that the minute's sum overflows" : double.IsNaN(samples[i]) ? "NaN" : samples[i] > 0 ? "+infinity" : "-infinity";
        var minute = _windows[component].StartTime.AddSeconds(offset / _windows[component].SamplingRate);
        return i == samples.Length
            ? $"{station.Channels[component]} {minute:yyyy-MM-dd HH:mm}: samples {what}; {station.Name}'s cell left empty"
            : $"{station.Channels[component]} {minute:yyyy-MM-dd HH:mm}: sample {i} of the minute is {what}; {station.Name}'s cell left empty";
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
            _spectrograms = new float[60 * Values];
        }
    }
}
