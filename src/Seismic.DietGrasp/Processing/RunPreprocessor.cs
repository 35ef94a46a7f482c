using System.Collections.Concurrent;
using System.Globalization;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The run's preprocessing, shared by its workers: the high-pass corner, the margin read around each
/// station-hour window, and one filter and one resampler per sampling rate met (designed once).
/// </summary>
internal sealed class RunPreprocessor
{
    // A margin of whole 4 s keeps the window's first minute on a whole sample at every rate the
    // spectrogram takes (multiples of 1.25 Hz).
    private const double MarginStepSeconds = 4;

    // Enough for the resampler alone (its filter reaches about 10 input samples, 0.1 s at 100 Hz).
    private const double ResamplingMarginSeconds = 4;

    private readonly ConcurrentDictionary<double, ButterworthHighPass> _filters = new();
    private readonly ConcurrentDictionary<double, (double Rate, PolyphaseResampler? Resampler)> _resamplers = new();
    private readonly ConcurrentBag<ChannelBuffer[]> _buffers = new();

    /// <param name="highPassCorner">The high-pass corner in Hz; 0: none.</param>
    /// <param name="precision">The spectrograms' arithmetic; null: <see cref="DefaultPrecision"/> for the corner.</param>
    public RunPreprocessor(double highPassCorner, Spectrogram.SpectrogramPrecision? precision = null)
    {
        HighPassCorner = highPassCorner;
        Precision = precision is { } chosen ? Spectrogram.DietSpectrogram.CheckPrecision(chosen, nameof(precision)) : DefaultPrecision(highPassCorner);
        FilterMargin = highPassCorner > 0
            ? TimeSpan.FromSeconds(Math.Ceiling(ButterworthHighPass.SettlingSecondsFor(highPassCorner) / MarginStepSeconds) * MarginStepSeconds)
            : TimeSpan.Zero;
    }

    /// <summary>0: no high-pass.</summary>
    public double HighPassCorner { get; }

    /// <summary>
    /// The spectrogram arithmetic a run uses unless told: float32 after a high-pass (within 1e-5 of double there), double
    /// without one (microseism-dominated minutes would exceed that bound).
    /// </summary>
    public static Spectrogram.SpectrogramPrecision DefaultPrecision(double highPassCorner) =>
        highPassCorner > 0 ? Spectrogram.SpectrogramPrecision.Single : Spectrogram.SpectrogramPrecision.Double;

    /// <summary>The arithmetic of the spectrograms' transforms.</summary>
    public Spectrogram.SpectrogramPrecision Precision { get; }

    /// <summary>Record read before and after each window so that its minutes see no filter edge (0 without a high-pass).</summary>
    public TimeSpan FilterMargin { get; }

    /// <summary>The margin a resampled record needs when there is no high-pass.</summary>
    public static TimeSpan ResamplingMargin { get; } = TimeSpan.FromSeconds(ResamplingMarginSeconds);

    /// <summary>The filter at <paramref name="rate"/>, or null without a high-pass.</summary>
    /// <exception cref="InvalidParameterException">The corner is not below the rate's Nyquist frequency.</exception>
    public ButterworthHighPass? HighPass(double rate) =>
        HighPassCorner > 0 ? _filters.GetOrAdd(rate, r => new ButterworthHighPass(HighPassCorner, r)) : null;

    /// <summary>The spectrogram's rate for records at <paramref name="rate"/> and the resampler to it (null when the rate is taken as it is).</summary>
    /// <exception cref="InvalidParameterException">The rate is below 40 Hz or its ratio to the target is not a small fraction.</exception>
    public (double Rate, PolyphaseResampler? Resampler) Target(double rate) =>
        _resamplers.GetOrAdd(rate, r =>
        {
            var target = SpectrogramRate.For(r);
            return (target, target == r ? null : SpectrogramRate.Resampler(r, target));
        });

    /// <summary>
    /// How far beyond a window the pre-processing of records at <paramref name="rates"/> reads: the filter's margin, or
    /// the resampler's where only resampling reaches out. A day's inputs include the files these margins touch.
    /// </summary>
    public TimeSpan ReadMargin(IEnumerable<double> rates)
    {
        var resamples = rates.Any(rate => rate >= Spectrogram.SpectrogramParameters.MinimumSamplingRate && !SpectrogramRate.IsSupported(rate));
        return resamples && ResamplingMargin > FilterMargin ? ResamplingMargin : FilterMargin;
    }

    /// <summary>A set of three channel buffers for one station-hour: as many sets exist as workers ran at once, reused (not reallocated) for the whole run.</summary>
    public ChannelBuffer[] RentBuffers() => _buffers.TryTake(out var set) ? set : new[] { new ChannelBuffer(), new ChannelBuffer(), new ChannelBuffer() };

    /// <summary>Gives a set back for the next station-hour.</summary>
    public void ReturnBuffers(ChannelBuffer[] set) => _buffers.Add(set);

    /// <summary>What was done, for the log: the filter and any resampling of the given rates.</summary>
    public string Describe(IEnumerable<double> rates)
    {
        var filter = HighPassCorner > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0} Hz high-pass (Butterworth, order {1}, zero-phase, {2} s margins)", HighPassCorner, ButterworthHighPass.DefaultOrder, FilterMargin.TotalSeconds)
            : "no high-pass";
        var resampled = new List<string>();
        foreach (var rate in rates.Distinct().OrderBy(r => r))
        {
            if (rate >= Spectrogram.SpectrogramParameters.MinimumSamplingRate && !SpectrogramRate.IsSupported(rate))
            {
                resampled.Add(string.Format(CultureInfo.InvariantCulture, "{0} Hz resampled to {1} Hz", rate, SpectrogramRate.For(rate)));
            }
        }
        if (Precision == Spectrogram.SpectrogramPrecision.Single)
        {
            resampled.Add("spectrogram transforms in float32");
        }
        return resampled.Count == 0 ? filter : $"{filter}; {string.Join(", ", resampled)}";
    }
}
