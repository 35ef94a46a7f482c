using System.Globalization;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Preprocessing;

/// <summary>
/// Which sampling rate a record is given to the DiET spectrogram at. The spectrogram needs a rate of
/// at least 40 Hz that makes its 4 s windows and 0.8 s steps whole numbers of samples (a multiple of
/// 1.25 Hz); a record at another rate of at least 40 Hz is resampled down to the highest multiple of
/// 5 Hz not above its rate (128 Hz to 125 Hz, 44.1 Hz to 40 Hz, 256 Hz to 255 Hz).
/// </summary>
/// <remarks>
/// Why down and to a multiple of 5 Hz: resampling up would only add band the instrument never recorded,
/// and the spectrogram reads 2-20 Hz, which any rate of at least 40 Hz holds; a multiple of 5 Hz is a
/// supported rate that keeps the resampling ratio small for the usual rates (125/128 for 128 Hz), and it
/// is the nearest supported rate below that does. Rates the spectrogram supports are never touched.
/// </remarks>
public static class SpectrogramRate
{
    // 1e-9 relative, as SpectrogramParameters accepts rates.
    private const double Tolerance = 1e-9;

    /// <summary>Whether the spectrogram takes <paramref name="samplingRate"/> as it is.</summary>
    /// <param name="samplingRate">Samples per second.</param>
    /// <returns><see langword="true"/> for a finite rate of at least 40 Hz that is a multiple of 1.25 Hz.</returns>
    public static bool IsSupported(double samplingRate)
    {
        if (double.IsNaN(samplingRate) || double.IsInfinity(samplingRate) || samplingRate < SpectrogramParameters.MinimumSamplingRate)
        {
            return false;
        }
        var steps = samplingRate / 1.25;
        return Math.Abs(steps - Math.Round(steps)) <= Tolerance * Math.Max(1, steps);
    }

    /// <summary>The rate the spectrogram is made at for a record sampled at <paramref name="samplingRate"/>.</summary>
    /// <param name="samplingRate">The record's samples per second.</param>
    /// <returns>The rate itself when supported, else the highest multiple of 5 Hz not above it.</returns>
    /// <exception cref="InvalidParameterException">The rate is not finite or is below 40 Hz (the spectrogram reaches 20 Hz).</exception>
    public static double For(double samplingRate)
    {
        if (double.IsNaN(samplingRate) || double.IsInfinity(samplingRate) || samplingRate < SpectrogramParameters.MinimumSamplingRate)
        {
            throw new InvalidParameterException(nameof(samplingRate),
                $"the sampling rate {Format(samplingRate)} Hz is below {Format(SpectrogramParameters.MinimumSamplingRate)} Hz or not finite: the spectrogram reaches 20 Hz, which needs at least 40 Hz");
        }
        return IsSupported(samplingRate) ? samplingRate : Math.Floor((samplingRate / 5) + Tolerance) * 5;
    }

    /// <summary>The resampler from <paramref name="from"/> to <paramref name="to"/> Hz (their ratio as a fraction of small whole numbers).</summary>
    /// <param name="from">The record's rate.</param>
    /// <param name="to">The target rate.</param>
    /// <returns>The resampler.</returns>
    /// <exception cref="InvalidParameterException">The ratio is not a fraction with factors up to <see cref="PolyphaseResampler.MaximumFactor"/> (to 1e-9).</exception>
    public static PolyphaseResampler Resampler(double from, double to)
    {
        var ratio = to / from;
        for (var down = 1; down <= PolyphaseResampler.MaximumFactor; down++)
        {
            var up = Math.Round(ratio * down);
            if (up >= 1 && up <= PolyphaseResampler.MaximumFactor && Math.Abs((up / down) - ratio) <= Tolerance * ratio)
            {
                return new PolyphaseResampler((int)up, down);
            }
        }
        throw new InvalidParameterException("samplingRate",
            $"cannot resample {Format(from)} Hz to {Format(to)} Hz: their ratio is not a fraction of whole numbers up to {PolyphaseResampler.MaximumFactor}");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
