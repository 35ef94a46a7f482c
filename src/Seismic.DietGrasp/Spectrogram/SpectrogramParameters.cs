using System.Collections.ObjectModel;
using System.Globalization;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// The fixed DiET spectrogram parameters (the original's <c>Params_DiET</c>, METHOD.md section 1).
/// Only the sampling rate is a user choice; everything else is a constant of the method:
/// one minute of three components, 4 s Tukey(0.25) windows every 0.8 s (71 frames centred at
/// 2.0, 2.8, ..., 58.0 s), 73 frequencies from 2 to 20 Hz in 0.25 Hz steps, and a 4-decade
/// dynamic range for the log scaling.
/// </summary>
public sealed class SpectrogramParameters
{
    /// <summary>Number of frequencies (rows): 2.00, 2.25, ..., 20.00 Hz.</summary>
    public const int FrequencyCount = 73;

    /// <summary>Number of time frames (columns): centres 2.0, 2.8, ..., 58.0 s.</summary>
    public const int TimeCount = 71;

    /// <summary>Number of components (channels), in the order VX, VY, VZ.</summary>
    public const int ComponentCount = 3;

    /// <summary>Values in one station-minute's spectrogram: 73 x 71 x 3 = 15,549.</summary>
    public const int ValueCount = FrequencyCount * TimeCount * ComponentCount;

    /// <summary>Length of the waveform one spectrogram covers, in seconds.</summary>
    public const double DurationSeconds = 60;

    /// <summary>Window (segment) length in seconds; it is also the FFT length, so bins are 0.25 Hz apart.</summary>
    public const double WindowSeconds = 4;

    /// <summary>Step between successive windows in seconds (overlap 3.2 s).</summary>
    public const double HopSeconds = 0.8;

    /// <summary>Lowest frequency kept, in Hz.</summary>
    public const double MinimumFrequency = 2;

    /// <summary>Highest frequency kept, in Hz.</summary>
    public const double MaximumFrequency = 20;

    /// <summary>Spacing of the frequency axis in Hz (1 / <see cref="WindowSeconds"/>).</summary>
    public const double FrequencyStep = 0.25;

    /// <summary>
    /// Decades of power between the station-minute's loudest pixel (value 1) and the level that
    /// maps to 0 (our choice R, METHOD.md section 1).
    /// </summary>
    public const double DynamicRange = 4;

    /// <summary>The Tukey window's taper fraction (scipy's <c>('tukey', 0.25)</c>).</summary>
    public const double TukeyAlpha = 0.25;

    /// <summary>The lowest sampling rate for which 20 Hz is still at or below the Nyquist frequency.</summary>
    public const double MinimumSamplingRate = 2 * MaximumFrequency;

    /// <summary>The first FFT bin kept: 2 Hz at 0.25 Hz resolution.</summary>
    internal const int FirstBin = 8;

    private static readonly ReadOnlyCollection<double> Frequencies = new(
        Enumerable.Range(0, FrequencyCount).Select(k => MinimumFrequency + (FrequencyStep * k)).ToArray());

    private static readonly ReadOnlyCollection<double> Times = new(
        Enumerable.Range(0, TimeCount).Select(t => (WindowSeconds / 2) + (HopSeconds * t)).ToArray());

    private static readonly ReadOnlyCollection<string> Components = new(new[] { "VX", "VY", "VZ" });

    /// <summary>Creates the parameters for one sampling rate.</summary>
    /// <param name="samplingRate">Samples per second (Hz), e.g. 100 for S-net.</param>
    /// <exception cref="InvalidParameterException">
    /// The rate is not a finite positive number, is below <see cref="MinimumSamplingRate"/>, or makes
    /// 4 s or 0.8 s a fractional number of samples (the rate must be a multiple of 1.25 Hz).
    /// </exception>
    public SpectrogramParameters(double samplingRate)
    {
        if (double.IsNaN(samplingRate) || double.IsInfinity(samplingRate) || samplingRate <= 0)
        {
            throw new InvalidParameterException("sampling_freq", $"the sampling rate must be a finite positive number of Hz, got {Format(samplingRate)}");
        }
        if (samplingRate < MinimumSamplingRate)
        {
            throw new InvalidParameterException("sampling_freq",
                $"the sampling rate {Format(samplingRate)} Hz is below {Format(MinimumSamplingRate)} Hz: the spectrogram reaches 20 Hz, which needs a Nyquist frequency of at least 20 Hz");
        }
        if (samplingRate * DurationSeconds * ComponentCount > int.MaxValue)
        {
            throw new InvalidParameterException("sampling_freq",
                $"at {Format(samplingRate)} Hz one station-minute (3 x 60 s) is more samples than one array can hold");
        }
        var segment = WholeSamples(samplingRate, WindowSeconds);
        var hop = WholeSamples(samplingRate, HopSeconds);
        var minute = WholeSamples(samplingRate, DurationSeconds);
        if (segment is null || hop is null || minute is null)
        {
            throw new InvalidParameterException("sampling_freq",
                $"at {Format(samplingRate)} Hz the 4 s window or the 0.8 s step is not a whole number of samples; use a rate that is a multiple of 1.25 Hz (e.g. 50, 100, 200)");
        }
        SamplingRate = samplingRate;
        SegmentLength = segment.Value;
        HopLength = hop.Value;
        SamplesPerMinute = minute.Value;
    }

    /// <summary>The S-net setting: 100 Hz.</summary>
    public static SpectrogramParameters SNet { get; } = new(100);

    /// <summary>Samples per second (Hz): the original's <c>sampling_freq</c>.</summary>
    public double SamplingRate { get; }

    /// <summary>Samples per window and FFT length (scipy's <c>nperseg</c> = <c>nfft</c> = 4 fs).</summary>
    public int SegmentLength { get; }

    /// <summary>Samples between successive windows (0.8 fs).</summary>
    public int HopLength { get; }

    /// <summary>Samples shared by successive windows (scipy's <c>noverlap</c> = 3.2 fs).</summary>
    public int OverlapLength => SegmentLength - HopLength;

    /// <summary>Samples in one component of one station-minute (60 fs).</summary>
    public int SamplesPerMinute { get; }

    /// <summary>Samples in one station-minute, all three components (3 x 60 fs).</summary>
    public int SamplesPerStationMinute => ComponentCount * SamplesPerMinute;

    /// <summary>The frequency of each row in Hz: 2.00, 2.25, ..., 20.00 (the original's <c>f_sample</c>).</summary>
    public static IReadOnlyList<double> FrequencyAxis => Frequencies;

    /// <summary>The centre of each time frame in seconds from the minute's start: 2.0, 2.8, ..., 58.0 (the original's <c>t_sample</c>).</summary>
    public static IReadOnlyList<double> TimeAxis => Times;

    /// <summary>The component names in channel order: VX, VY, VZ.</summary>
    public static IReadOnlyList<string> ComponentNames => Components;

    /// <summary>The flat index of (frequency, time, component) in a [73, 71, 3] spectrogram.</summary>
    /// <param name="frequency">Row, 0..72.</param>
    /// <param name="time">Column, 0..70.</param>
    /// <param name="component">Channel, 0..2 (VX, VY, VZ).</param>
    /// <returns>(frequency x 71 + time) x 3 + component.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its axis.</exception>
    public static int IndexOf(int frequency, int time, int component) =>
        (((Guard.Index(frequency, FrequencyCount, nameof(frequency)) * TimeCount) + Guard.Index(time, TimeCount, nameof(time))) * ComponentCount) + Guard.Index(component, ComponentCount, nameof(component));

    /// <inheritdoc />
    public override string ToString() => $"DiET spectrogram at {Format(SamplingRate)} Hz (window {SegmentLength}, step {HopLength} samples)";

    private static int? WholeSamples(double samplingRate, double seconds)
    {
        var exact = samplingRate * seconds;
        var rounded = Math.Round(exact);
        return Math.Abs(exact - rounded) <= 1e-9 * Math.Max(1, exact) && rounded <= int.MaxValue ? (int)rounded : null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
