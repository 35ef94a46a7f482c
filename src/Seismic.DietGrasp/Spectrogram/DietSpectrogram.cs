using System.Globalization;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// The DiET spectrogram (the original's <c>Make_Spec</c>, METHOD.md section 1): one minute of
/// three-component velocity, [3, 60 fs] component-major (VX, VY, VZ), becomes a float32
/// [73, 71, 3] image (frequency, time, component; index (f x 71 + t) x 3 + c) with values in [0, 1].
/// Per component exactly <c>scipy.signal.spectrogram(x, fs, window=('tukey', 0.25), nperseg=4fs,
/// noverlap=3.2fs, nfft=4fs, detrend='constant', scaling='density', mode='psd')</c> restricted to
/// 2..20 Hz, then L = log10(PSD + 1e-30) and clip((L - (Lmax - 4)) / 4, 0, 1) with Lmax the
/// station-minute's largest L.
/// </summary>
/// <remarks>
/// The span overloads write into the caller's buffer and allocate nothing once a thread has computed
/// its first spectrogram at a given rate. Batches ([M, 3, 60 fs] into [M, 73, 71, 3]) run in parallel
/// and give the same bits as computing each station-minute alone. Bad input (NaN or infinite samples,
/// a wrong length, a dead component) raises <see cref="InvalidWaveformException"/>; no spectrogram of
/// garbage is ever returned.
/// </remarks>
public static class DietSpectrogram
{
    [ThreadStatic]
    private static SpectrogramWorkspace? _threadWorkspace;

    /// <summary>Computes one station-minute's spectrogram into a new [73, 71, 3] array.</summary>
    /// <param name="waveform">[3, 60 fs] samples, VX then VY then VZ.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <returns>15,549 float32 values in [0, 1], index (f x 71 + t) x 3 + c.</returns>
    /// <exception cref="InvalidWaveformException">Wrong length, a NaN or infinite sample, or a dead component.</exception>
    public static float[] Compute(ReadOnlySpan<double> waveform, SpectrogramParameters parameters)
    {
        var result = new float[SpectrogramParameters.ValueCount];
        Compute(waveform, parameters, result);
        return result;
    }

    /// <summary>Computes one station-minute's spectrogram from float32 samples into a new [73, 71, 3] array.</summary>
    /// <param name="waveform">[3, 60 fs] samples, VX then VY then VZ.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <returns>15,549 float32 values in [0, 1], index (f x 71 + t) x 3 + c.</returns>
    /// <exception cref="InvalidWaveformException">Wrong length, a NaN or infinite sample, or a dead component.</exception>
    public static float[] Compute(ReadOnlySpan<float> waveform, SpectrogramParameters parameters)
    {
        var result = new float[SpectrogramParameters.ValueCount];
        Compute(waveform, parameters, result);
        return result;
    }

    /// <summary>Computes one station-minute's spectrogram into the caller's buffer, allocating nothing.</summary>
    /// <param name="waveform">[3, 60 fs] samples, VX then VY then VZ.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="destination">At least 15,549 values; the first 15,549 receive [73, 71, 3].</param>
    /// <exception cref="InvalidWaveformException">Wrong length, a NaN or infinite sample, or a dead component.</exception>
    /// <exception cref="InvalidParameterException">The destination holds fewer than 15,549 values.</exception>
    public static void Compute(ReadOnlySpan<double> waveform, SpectrogramParameters parameters, Span<float> destination) =>
        Compute(waveform, parameters, destination, SpectrogramPrecision.Double);

    /// <summary>Computes one station-minute's spectrogram into the caller's buffer with the Fourier transforms in the given precision, allocating nothing.</summary>
    /// <param name="waveform">[3, 60 fs] samples, VX then VY then VZ.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="destination">At least 15,549 values; the first 15,549 receive [73, 71, 3].</param>
    /// <param name="precision"><see cref="SpectrogramPrecision.Double"/> (scipy's numbers) or <see cref="SpectrogramPrecision.Single"/> (faster; within 1e-5 of them on high-passed records).</param>
    /// <exception cref="InvalidWaveformException">Wrong length, a NaN or infinite sample, or a dead component.</exception>
    /// <exception cref="InvalidParameterException">The destination holds fewer than 15,549 values, or the precision is not one of <see cref="SpectrogramPrecision"/>'s values.</exception>
    public static void Compute(ReadOnlySpan<double> waveform, SpectrogramParameters parameters, Span<float> destination, SpectrogramPrecision precision)
    {
        CheckPrecision(precision, nameof(precision));
        var workspace = Prepare(waveform.Length, parameters, destination.Length);
        workspace.Kernel.Compute(waveform, destination, workspace, precision);
    }

    /// <summary>Computes one station-minute's spectrogram from float32 samples into the caller's buffer, allocating nothing.</summary>
    /// <param name="waveform">[3, 60 fs] samples, VX then VY then VZ.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="destination">At least 15,549 values; the first 15,549 receive [73, 71, 3].</param>
    /// <exception cref="InvalidWaveformException">Wrong length, a NaN or infinite sample, or a dead component.</exception>
    /// <exception cref="InvalidParameterException">The destination holds fewer than 15,549 values.</exception>
    public static void Compute(ReadOnlySpan<float> waveform, SpectrogramParameters parameters, Span<float> destination)
    {
        var workspace = Prepare(waveform.Length, parameters, destination.Length);
        workspace.Kernel.Compute(waveform, destination, workspace);
    }

    /// <summary>Computes the spectrograms of M station-minutes in parallel into a new [M, 73, 71, 3] array.</summary>
    /// <param name="waveforms">[M, 3, 60 fs] samples, contiguous.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="cancellation">Stops the batch early (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>M x 15,549 float32 values.</returns>
    /// <exception cref="InvalidWaveformException">The length is not a whole number of station-minutes, or a station-minute is bad (the message names the first bad one).</exception>
    public static float[] ComputeBatch(ReadOnlyMemory<double> waveforms, SpectrogramParameters parameters, CancellationToken cancellation = default)
    {
        var result = NewOutput(CountStationMinutes(waveforms.Length, parameters));
        ComputeBatch(waveforms, parameters, result, cancellation);
        return result;
    }

    /// <summary>Computes the spectrograms of M float32 station-minutes in parallel into a new [M, 73, 71, 3] array.</summary>
    /// <param name="waveforms">[M, 3, 60 fs] samples, contiguous.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="cancellation">Stops the batch early (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>M x 15,549 float32 values.</returns>
    /// <exception cref="InvalidWaveformException">The length is not a whole number of station-minutes, or a station-minute is bad (the message names the first bad one).</exception>
    public static float[] ComputeBatch(ReadOnlyMemory<float> waveforms, SpectrogramParameters parameters, CancellationToken cancellation = default)
    {
        var result = NewOutput(CountStationMinutes(waveforms.Length, parameters));
        ComputeBatch(waveforms, parameters, result, cancellation);
        return result;
    }

    /// <summary>Computes the spectrograms of M station-minutes in parallel into the caller's [M, 73, 71, 3] buffer.</summary>
    /// <param name="waveforms">[M, 3, 60 fs] samples, contiguous.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="destination">At least M x 15,549 values.</param>
    /// <param name="cancellation">Stops the batch early (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="InvalidWaveformException">The length is not a whole number of station-minutes, or a station-minute is bad (the message names the first bad one).</exception>
    /// <exception cref="InvalidParameterException">The destination holds fewer than M x 15,549 values.</exception>
    public static void ComputeBatch(ReadOnlyMemory<double> waveforms, SpectrogramParameters parameters, Memory<float> destination, CancellationToken cancellation = default) =>
        RunBatch(waveforms.Length, parameters, destination, cancellation,
            (workspace, minute, output) => workspace.Kernel.Compute(Slice(waveforms.Span, minute, parameters), output, workspace));

    /// <summary>Computes the spectrograms of M float32 station-minutes in parallel into the caller's [M, 73, 71, 3] buffer.</summary>
    /// <param name="waveforms">[M, 3, 60 fs] samples, contiguous.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="destination">At least M x 15,549 values.</param>
    /// <param name="cancellation">Stops the batch early (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="InvalidWaveformException">The length is not a whole number of station-minutes, or a station-minute is bad (the message names the first bad one).</exception>
    /// <exception cref="InvalidParameterException">The destination holds fewer than M x 15,549 values.</exception>
    public static void ComputeBatch(ReadOnlyMemory<float> waveforms, SpectrogramParameters parameters, Memory<float> destination, CancellationToken cancellation = default) =>
        RunBatch(waveforms.Length, parameters, destination, cancellation,
            (workspace, minute, output) => workspace.Kernel.Compute(Slice(waveforms.Span, minute, parameters), output, workspace));

    /// <summary>
    /// Computes the spectrograms of M station-minutes [M, 3, 60 fs] after <paramref name="preprocessing"/>
    /// (each component of each minute alone: mean removed, high-passed, resampled to a rate the spectrogram
    /// takes). With <see cref="WaveformPreprocessing.None"/> this is <see cref="ComputeBatch(ReadOnlyMemory{double}, SpectrogramParameters, CancellationToken)"/>.
    /// </summary>
    /// <param name="waveforms">[M, 3, 60 fs] samples at <paramref name="samplingRate"/>, contiguous.</param>
    /// <param name="samplingRate">Their rate in Hz (60 s must be a whole number of samples).</param>
    /// <param name="preprocessing">What to do first, e.g. <see cref="WaveformPreprocessing.Default"/>.</param>
    /// <param name="parameters">The spectrogram parameters used: their rate says whether the minutes were resampled.</param>
    /// <param name="cancellation">Stops the batch early (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>M x 15,549 float32 values.</returns>
    /// <exception cref="InvalidParameterException">The rate cannot be used (below 40 Hz, or unsupported without resampling, or 60 s is not whole samples), or the corner is at or above the Nyquist frequency.</exception>
    /// <exception cref="InvalidWaveformException">The length is not a whole number of station-minutes, or a station-minute is bad.</exception>
    public static float[] ComputeBatch(ReadOnlyMemory<double> waveforms, double samplingRate, WaveformPreprocessing preprocessing, out SpectrogramParameters parameters, CancellationToken cancellation = default)
    {
        if (preprocessing is null)
        {
            throw new ArgumentNullException(nameof(preprocessing));
        }
        var perMinute = Math.Round(samplingRate * SpectrogramParameters.DurationSeconds);
        if (double.IsNaN(perMinute) || perMinute < 1 || Math.Abs((samplingRate * SpectrogramParameters.DurationSeconds) - perMinute) > 1e-9 * perMinute || perMinute > int.MaxValue / 3)
        {
            throw new InvalidParameterException(nameof(samplingRate), $"60 s at {samplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz is not a whole number of samples");
        }
        if (waveforms.Length % (3 * (int)perMinute) != 0)
        {
            throw new InvalidWaveformException($"{waveforms.Length} samples are not whole station-minutes of 3 x {perMinute} samples");
        }
        var prepared = preprocessing.ApplyToMinutes(waveforms, (int)perMinute, samplingRate, out var rate, cancellation);
        parameters = new SpectrogramParameters(rate);
        return ComputeBatch(prepared, parameters, cancellation);
    }

    /// <summary>
    /// Computes the spectrograms of a <c>.npy</c> file of waveforms, [M, 3, 60 fs] or [3, 60 fs], float32
    /// or float64, into a float32 [M, 73, 71, 3] <c>.npy</c> file (what <c>dietgrasp spectrogram</c> does).
    /// The waveforms are streamed in small chunks of station-minutes, read, computed and written by one worker
    /// per processor, so files far larger than memory work and the I/O overlaps with the computing;
    /// the output appears (atomically) only when every station-minute has been computed.
    /// </summary>
    /// <param name="waveformPath">The input <c>.npy</c> file.</param>
    /// <param name="spectrogramPath">The output <c>.npy</c> file, created or replaced.</param>
    /// <param name="parameters">The sampling rate and the fixed DiET constants.</param>
    /// <param name="cancellation">Stops early (throws <see cref="OperationCanceledException"/>) and leaves no output.</param>
    /// <returns>How many station-minutes were written, and the first one's spectrogram.</returns>
    /// <exception cref="InvalidFileException">The input is not a supported <c>.npy</c> file, its shape is not [M, 3, 60 fs] or [3, 60 fs], or a station-minute is bad (NaN, infinite, dead component; the message names it).</exception>
    public static SpectrogramFileResult ComputeFile(string waveformPath, string spectrogramPath, SpectrogramParameters parameters, CancellationToken cancellation = default)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }
        return SpectrogramFileJob.Run(waveformPath, spectrogramPath, parameters, cancellation);
    }

    /// <summary>[M, 73, 71, 3] floats, every one of which the batch overwrites: not zeroed where the runtime allows.</summary>
    private static float[] NewOutput(int count)
    {
        var length = (long)count * SpectrogramParameters.ValueCount;
        if (length > int.MaxValue)
        {
            throw new ArgumentException($"{count} station-minutes need {length} output values, more than one array can hold; compute the batch in parts");
        }
#if NET
        return GC.AllocateUninitializedArray<float>((int)length);
#else
        return new float[length];
#endif
    }

    private static ReadOnlySpan<T> Slice<T>(ReadOnlySpan<T> batch, int minute, SpectrogramParameters parameters) =>
        batch.Slice(minute * parameters.SamplesPerStationMinute, parameters.SamplesPerStationMinute);

    private delegate void MinuteAction(SpectrogramWorkspace workspace, int minute, Span<float> output);

    private static void RunBatch(int sampleCount, SpectrogramParameters parameters, Memory<float> destination, CancellationToken cancellation, MinuteAction computeMinute)
    {
        var count = CountStationMinutes(sampleCount, parameters);
        CheckDestination(destination.Length, count);
        var firstBad = int.MaxValue;
        InvalidWaveformException? firstError = null;
        var gate = new object();
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, count, options, (minute, state) =>
        {
            var workspace = WorkspaceFor(parameters);
            try
            {
                var output = destination.Span.Slice(minute * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount);
                computeMinute(workspace, minute, output);
            }
            catch (InvalidWaveformException e)
            {
                lock (gate)
                {
                    if (minute < firstBad)
                    {
                        firstBad = minute;
                        firstError = e;
                    }
                }
                // Break still runs every lower index, so the reported station-minute is the first bad one.
                state.Break();
            }
        });
        if (firstError is not null)
        {
            throw new InvalidWaveformException($"station-minute {firstBad}: {firstError.Message}");
        }
    }

    private static SpectrogramWorkspace Prepare(int sampleCount, SpectrogramParameters parameters, int destinationLength)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }
        if (sampleCount != parameters.SamplesPerStationMinute)
        {
            throw new InvalidWaveformException(DescribeLength(sampleCount, parameters, "one station-minute"));
        }
        CheckDestination(destinationLength, 1);
        return WorkspaceFor(parameters);
    }

    /// <summary><paramref name="precision"/> when it is one of <see cref="SpectrogramPrecision"/>'s values (a cast integer may not be).</summary>
    /// <exception cref="InvalidParameterException">It is not.</exception>
    internal static SpectrogramPrecision CheckPrecision(SpectrogramPrecision precision, string parameterName) =>
        precision is SpectrogramPrecision.Double or SpectrogramPrecision.Single
            ? precision
            : throw new InvalidParameterException(parameterName, $"the spectrogram precision must be Double or Single, got {(int)precision}");

    /// <summary>This thread's workspace for the parameters' sampling rate.</summary>
    internal static SpectrogramWorkspace WorkspaceFor(SpectrogramParameters parameters)
    {
        var workspace = _threadWorkspace;
        if (workspace is null || workspace.Kernel.Parameters.SamplingRate != parameters.SamplingRate)
        {
            workspace = SpectrogramKernel.For(parameters).CreateWorkspace();
            _threadWorkspace = workspace;
        }
        return workspace;
    }

    private static int CountStationMinutes(int sampleCount, SpectrogramParameters parameters)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }
        var perMinute = parameters.SamplesPerStationMinute;
        if (sampleCount % perMinute != 0)
        {
            throw new InvalidWaveformException(DescribeLength(sampleCount, parameters, "a batch of station-minutes [M, 3, 60 fs]"));
        }
        return sampleCount / perMinute;
    }

    private static void CheckDestination(int destinationLength, int count)
    {
        if (destinationLength < (long)count * SpectrogramParameters.ValueCount)
        {
            throw new InvalidParameterException("destination",
                $"holds {destinationLength} values; {count} spectrogram(s) of 73 x 71 x 3 need {(long)count * SpectrogramParameters.ValueCount}");
        }
    }

    private static string DescribeLength(int sampleCount, SpectrogramParameters parameters, string what)
    {
        var perComponent = parameters.SamplesPerMinute;
        var rate = parameters.SamplingRate.ToString("R", CultureInfo.InvariantCulture);
        var expected = $"{what} needs 3 components (VX, VY, VZ) of 60 s at {rate} Hz = 3 x {perComponent} = {parameters.SamplesPerStationMinute} samples" +
            (what.StartsWith("a batch", StringComparison.Ordinal) ? " per station-minute" : string.Empty);
        var hint = sampleCount % perComponent == 0 && sampleCount / perComponent % 3 != 0
            ? $" ({sampleCount / perComponent} whole component(s): is a component missing?)"
            : sampleCount % perComponent != 0 ? $" (not a whole number of {perComponent}-sample components)" : string.Empty;
        return $"{expected}; got {sampleCount}{hint}";
    }
}
