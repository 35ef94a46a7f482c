using System.Globalization;

namespace Seismic.DietGrasp.Preprocessing;

/// <summary>
/// What is done to waveforms before their DiET spectrogram: a zero-phase Butterworth high-pass
/// (<see cref="ButterworthHighPass"/>, order 4) and resampling of rates the spectrogram does not take
/// (<see cref="SpectrogramRate"/>, <see cref="PolyphaseResampler"/>). An immutable record (the library's
/// one options style): <c>WaveformPreprocessing.Default with { HighPassCorner = 2 }</c>.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is what <c>dietgrasp run</c> and <c>classify --waveforms</c> feed the model
/// (1 Hz high-pass, resampling on); <see cref="None"/> is scipy's spectrogram of the samples as given
/// (the <c>spectrogram</c> command's default). On separate minutes (<see cref="ApplyToMinutes"/>) each
/// component of each minute is treated alone: its mean removed, high-passed with scipy's default odd
/// padding (so a minute's first and last second or so carry the filter's edge response, which the
/// continuous pipeline avoids by filtering with margins), then resampled.
/// </remarks>
public sealed record WaveformPreprocessing
{
    /// <summary>The default high-pass corner in Hz.</summary>
    public const double DefaultHighPassCorner = 1;

    /// <summary>The lowest corner accepted (other than 0, off): below it the run's margins (20 corner periods) would pass half an hour.</summary>
    public const double MinimumHighPassCorner = 0.01;

    private readonly double _highPassCorner = DefaultHighPassCorner;

    /// <summary>Nothing: the samples as given, at their own rate (which must then be one the spectrogram takes).</summary>
    public static WaveformPreprocessing None { get; } = new() { HighPassCorner = 0, Resample = false };

    /// <summary>The pipeline's (also what <c>new()</c> gives): 1 Hz high-pass, rates the spectrogram does not take resampled.</summary>
    public static WaveformPreprocessing Default { get; } = new();

    /// <summary>The high-pass corner in Hz; 0 when off.</summary>
    /// <exception cref="InvalidParameterException">Negative, not finite, or between 0 and <see cref="MinimumHighPassCorner"/>.</exception>
    public double HighPassCorner
    {
        get => _highPassCorner;
        init => _highPassCorner = CheckCorner(value);
    }

    /// <summary>Whether a rate the spectrogram does not take is resampled (<see cref="SpectrogramRate.For"/>) rather than refused.</summary>
    public bool Resample { get; init; } = true;

    /// <summary>Whether nothing is done.</summary>
    public bool IsNone => HighPassCorner == 0 && !Resample;

    /// <summary>Checks the whole; every value is checked as it is set, so this never throws today (the library's one options style).</summary>
    /// <returns>This instance.</returns>
    public WaveformPreprocessing Validate() => this;

    /// <summary>The rate the spectrogram gets for records at <paramref name="samplingRate"/>.</summary>
    /// <param name="samplingRate">The records' rate.</param>
    /// <returns>The rate itself, or with <see cref="Resample"/> the rate <see cref="SpectrogramRate.For"/> chooses.</returns>
    /// <exception cref="InvalidParameterException">With <see cref="Resample"/>: the rate is below 40 Hz.</exception>
    public double OutputRate(double samplingRate) => Resample ? SpectrogramRate.For(samplingRate) : samplingRate;

    /// <summary>The high-pass filter at <paramref name="samplingRate"/>, or <see langword="null"/> when off.</summary>
    /// <param name="samplingRate">The records' rate.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="InvalidParameterException">The corner is not below the Nyquist frequency.</exception>
    public ButterworthHighPass? HighPassFor(double samplingRate) => HighPassCorner > 0 ? new ButterworthHighPass(HighPassCorner, samplingRate) : null;

    /// <summary>
    /// Applies the preprocessing to separate station-minutes [M, 3, n] (or any rows of n samples), each row
    /// alone: mean removed, high-passed, resampled. Rows are processed in parallel.
    /// </summary>
    /// <param name="waveforms">M x 3 rows of <paramref name="rowLength"/> samples, row after row.</param>
    /// <param name="rowLength">Samples per row (60 fs for minutes).</param>
    /// <param name="samplingRate">Their rate.</param>
    /// <param name="outputRate">The rate of the result (<see cref="OutputRate"/>).</param>
    /// <param name="cancellation">Stops the work.</param>
    /// <returns>The rows at <paramref name="outputRate"/>, each <c>ceil(rowLength x out / in)</c> samples; the input itself when <see cref="IsNone"/>.</returns>
    /// <exception cref="InvalidParameterException">The row length does not divide the input, a row is too short to filter, or the rate cannot be used.</exception>
    public ReadOnlyMemory<double> ApplyToMinutes(ReadOnlyMemory<double> waveforms, int rowLength, double samplingRate, out double outputRate, CancellationToken cancellation = default)
    {
        if (rowLength <= 0 || waveforms.Length % rowLength != 0)
        {
            throw new InvalidParameterException(nameof(rowLength), $"{waveforms.Length} samples are not whole rows of {rowLength}");
        }
        outputRate = OutputRate(samplingRate);
        var highPass = HighPassFor(samplingRate);
        var resampler = outputRate == samplingRate ? null : SpectrogramRate.Resampler(samplingRate, outputRate);
        if (highPass is null && resampler is null)
        {
            return waveforms;
        }
        if (highPass is not null && rowLength <= highPass.PadLength)
        {
            throw new InvalidParameterException(nameof(rowLength), $"rows of {rowLength} samples are too short to high-pass; more than {highPass.PadLength} are needed");
        }
        var rows = waveforms.Length / rowLength;
        var outLength = resampler is null ? rowLength : (int)resampler.OutputLength(rowLength);
        var result = new double[(long)rows * outLength];
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(
            0,
            rows,
            options,
            () => new double[rowLength],
            (r, _, row) =>
            {
                var source = waveforms.Span.Slice(r * rowLength, rowLength);
                var sum = 0.0;
                foreach (var value in source)
                {
                    sum += value;
                }
                var mean = sum / rowLength;
                for (var i = 0; i < rowLength; i++)
                {
                    row[i] = source[i] - mean;
                }
                highPass?.FilterZeroPhase(row);
                var target = result.AsSpan(r * outLength, outLength);
                if (resampler is null)
                {
                    row.AsSpan().CopyTo(target);
                }
                else
                {
                    resampler.Resample(row, target);
                }
                return row;
            },
            _ => { });
        return result;
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsNone ? "no preprocessing"
        : string.Format(CultureInfo.InvariantCulture, "{0}{1}", HighPassCorner > 0 ? $"{HighPassCorner.ToString("R", CultureInfo.InvariantCulture)} Hz high-pass" : "no high-pass", Resample ? ", unsupported rates resampled" : string.Empty);

    internal static double CheckCorner(double cornerFrequency)
    {
        if (double.IsNaN(cornerFrequency) || double.IsInfinity(cornerFrequency) || cornerFrequency < 0 || (cornerFrequency > 0 && cornerFrequency < MinimumHighPassCorner))
        {
            throw new InvalidParameterException("highPass", $"the high-pass corner must be 0 (off) or at least {MinimumHighPassCorner.ToString("R", CultureInfo.InvariantCulture)} Hz, got {cornerFrequency.ToString("R", CultureInfo.InvariantCulture)}");
        }
        return cornerFrequency;
    }
}
