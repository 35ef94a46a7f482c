using System.Collections.Concurrent;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// Classifies one station's continuous three-component record held in memory into per-minute DiET probabilities, as
/// <c>dietgrasp run</c> does for each station of an archive: the same high-pass with margins, resampling, clock-aligned
/// minutes, mean removal, and the same empty minutes (gaps, NaN or infinite samples, dead components, rate changes), with
/// warnings. No files: for records that come from a stream, a database or a digitiser.
/// </summary>
/// <remarks>
/// Uses the model given (not disposed here). One instance may be used from one thread at a time; classify several
/// stations at once with one instance each (they may share the model).
/// </remarks>
public sealed class StationClassifier
{
    private readonly DietModel _model;
    private readonly RunPreprocessor _preprocessor;
    private readonly ConcurrentDictionary<double, SpectrogramParameters> _parameters = new();

    /// <summary>A classifier using <paramref name="model"/> with the run's preprocessing.</summary>
    /// <param name="model">The DiET model (e.g. <see cref="DietModel.LoadBundled(DietModelOptions)"/>).</param>
    /// <param name="highPassCorner">The zero-phase Butterworth high-pass corner in Hz (default 1 Hz, as <c>run</c>); 0: none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="InvalidParameterException">The corner is negative, not finite, or between 0 and <see cref="WaveformPreprocessing.MinimumHighPassCorner"/>.</exception>
    public StationClassifier(DietModel model, double highPassCorner = WaveformPreprocessing.DefaultHighPassCorner)
        : this(model, highPassCorner, null)
    {
    }

    /// <summary>A classifier using <paramref name="model"/> with the run's preprocessing and the given spectrogram arithmetic.</summary>
    /// <param name="model">The DiET model (e.g. <see cref="DietModel.LoadBundled(DietModelOptions)"/>).</param>
    /// <param name="highPassCorner">The zero-phase Butterworth high-pass corner in Hz (<c>run</c>'s default is 1 Hz); 0: none.</param>
    /// <param name="precision">The spectrograms' transforms; null: as <see cref="RunOptions.EffectiveSpectrogramPrecision"/> (float32 with the high-pass, double without).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="InvalidParameterException">The corner is negative, not finite, or between 0 and <see cref="WaveformPreprocessing.MinimumHighPassCorner"/>; or the precision is not one of <see cref="SpectrogramPrecision"/>'s values.</exception>
    public StationClassifier(DietModel model, double highPassCorner, SpectrogramPrecision? precision)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _preprocessor = new RunPreprocessor(WaveformPreprocessing.CheckCorner(highPassCorner), precision);
    }

    /// <summary>
    /// Classifies every whole minute that the three components cover together (from the latest first sample, rounded up
    /// to the minute, to the earliest end, rounded down), or the minutes of [<paramref name="startTime"/>, <paramref name="endTime"/>).
    /// </summary>
    /// <param name="vx">The VX (east or X) component; the three need distinct channel ids.</param>
    /// <param name="vy">The VY (north or Y) component.</param>
    /// <param name="vz">The VZ (vertical) component.</param>
    /// <param name="startTime">The first minute (UTC; rounded down to the minute), or <see langword="null"/> for the components' common start.</param>
    /// <param name="endTime">The end (UTC, excluded; rounded up to the minute), or <see langword="null"/> for their common end.</param>
    /// <returns>The probabilities of each minute, and the warnings.</returns>
    /// <exception cref="ArgumentNullException">A component is null.</exception>
    /// <exception cref="InvalidParameterException">Two components share a channel id, the range holds no whole minute, or the high-pass corner is not below a component's Nyquist frequency.</exception>
    public StationProbabilities Classify(Trace vx, Trace vy, Trace vz, DateTime? startTime = null, DateTime? endTime = null)
    {
        var traces = new[] { Guard.NotNull(vx, nameof(vx)), Guard.NotNull(vy, nameof(vy)), Guard.NotNull(vz, nameof(vz)) };
        if (traces.Select(trace => trace.Id).Distinct().Count() < 3)
        {
            throw new InvalidParameterException("channel", $"the three components share a channel id ({vx.Id}, {vy.Id}, {vz.Id}); give each its own");
        }
        var start = startTime is { } s ? MinuteClock.Floor(MinuteClock.Utc(s)) : MinuteClock.Ceiling(traces.Max(trace => trace.StartTime));
        var end = endTime is { } e ? MinuteClock.Ceiling(MinuteClock.Utc(e)) : MinuteClock.Floor(traces.Min(trace => trace.EndTime));
        if (end <= start)
        {
            throw new InvalidParameterException("endTime", $"[{start:yyyy-MM-ddTHH:mm:ssZ}, {end:yyyy-MM-ddTHH:mm:ssZ}) holds no whole minute that the three components cover");
        }
        foreach (var rate in traces.Select(trace => trace.SamplingRate).Where(rate => rate >= SpectrogramParameters.MinimumSamplingRate))
        {
            // As the run: a corner at or above a record's Nyquist frequency is the caller's error, not a warning per hour.
            _preprocessor.HighPass(rate);
        }

        var archive = WaveformArchive.FromTraces(traces);
        var station = new StationChannels(0, vx.Id.StationKey, traces.Select(trace => trace.Id).ToArray());
        var worker = new StationHourClassifier(archive, _model, null, _parameters, _preprocessor);
        var day = new DayProbabilities(start, end, 1);
        foreach (var (from, to) in MinuteClock.Hours(start, end))
        {
            worker.Classify(station, from, to, day);
        }
        var minutes = Enumerable.Range(0, day.MinuteCount).Select(m => start.AddMinutes(m)).ToArray();
        var probabilities = Enumerable.Range(0, day.MinuteCount)
            .Select(m => float.IsNaN(day.Earthquake[m]) ? (DietProbabilities?)null : new DietProbabilities(day.Earthquake[m], day.Tremor[m], day.Noise[m]))
            .ToArray();
        return new StationProbabilities(station.Name, minutes, probabilities, day.OrderedWarnings(new[] { station.Name }));
    }

    /// <summary>Classifies three sample arrays that start together at one rate (as <see cref="Classify(Trace, Trace, Trace, DateTime?, DateTime?)"/>, channels named <c>STA</c> HHX, HHY, HHZ).</summary>
    /// <param name="vx">The VX samples.</param>
    /// <param name="vy">The VY samples.</param>
    /// <param name="vz">The VZ samples.</param>
    /// <param name="startTime">The time of the first sample of each (UTC).</param>
    /// <param name="samplingRate">Samples per second.</param>
    /// <returns>The probabilities of each whole minute the three cover, and the warnings.</returns>
    /// <exception cref="InvalidParameterException">The rate is not a finite positive number, the arrays hold no whole clock minute, or the high-pass corner is not below the Nyquist frequency.</exception>
    public StationProbabilities Classify(ReadOnlyMemory<double> vx, ReadOnlyMemory<double> vy, ReadOnlyMemory<double> vz, DateTime startTime, double samplingRate) =>
        Classify(
            new Trace(new ChannelId(string.Empty, "STA", string.Empty, "HHX"), startTime, samplingRate, vx),
            new Trace(new ChannelId(string.Empty, "STA", string.Empty, "HHY"), startTime, samplingRate, vy),
            new Trace(new ChannelId(string.Empty, "STA", string.Empty, "HHZ"), startTime, samplingRate, vz));
}
