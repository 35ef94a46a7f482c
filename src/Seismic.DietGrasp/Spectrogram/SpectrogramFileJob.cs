using System.Globalization;
using System.Runtime.ExceptionServices;
using Seismic.DietGrasp.IO;
#if NET
using Microsoft.Win32.SafeHandles;
#endif

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>
/// <see cref="DietSpectrogram.ComputeFile"/>: one worker per processor takes the next chunk of station-minutes,
/// reads it, computes it and writes it at its place in the output. Reading and writing thus overlap with the
/// other workers' computing, and the small per-worker buffers stay in cache instead of being faulted in fresh.
/// </summary>
/// <remarks>
/// Chunks are taken in file order and each chunk is computed in order, so when something fails (a bad
/// station-minute, a truncated file, an I/O error) every earlier chunk has been taken and runs to its end or
/// to its own failure: the earliest failure in the file is the one reported, as if the file were read
/// sequentially. On .NET the input (when seekable) and the output are read and written positionally without
/// locks; otherwise the reads (in chunk order) and the writes (after a seek) take turns.
/// </remarks>
internal sealed class SpectrogramFileJob
{
    // 16 station-minutes: 1.2 MB of float32 samples and 1 MB of spectrograms per worker at 100 Hz.
    private const int ChunkMinutes = 16;

    private readonly string _inputPath;
    private readonly FileStream _input;
    private readonly NpyHeader _header;
    private readonly FileStream _output;
#if NET
    // Taken once, before the workers start: FileStream.SafeFileHandle flushes the stream's buffer, which is not thread-safe.
    private readonly SafeFileHandle? _seekableInput;
    private readonly SafeFileHandle _outputHandle;
#endif
    private readonly long _outputDataOffset;
    private readonly SpectrogramParameters _parameters;
    private readonly int _count;
    private readonly CancellationToken _cancellation;
    private readonly object _inputGate = new();
#if !NET
    private readonly object _outputGate = new();
#endif
    private readonly object _failureGate = new();
    private readonly float[] _first = new float[SpectrogramParameters.ValueCount];
    private int _lastTakenChunk = -1;
    private long _failedAt = long.MaxValue;
    private ExceptionDispatchInfo? _failure;

    private SpectrogramFileJob(string inputPath, FileStream input, NpyHeader header, FileStream output, SpectrogramParameters parameters, int count, CancellationToken cancellation)
    {
        _inputPath = inputPath;
        _input = input;
        _header = header;
        _output = output;
        _outputDataOffset = output.Position;
#if NET
        _seekableInput = input.CanSeek ? input.SafeFileHandle : null;
        _outputHandle = output.SafeFileHandle;
#endif
        _parameters = parameters;
        _count = count;
        _cancellation = cancellation;
    }

    public static SpectrogramFileResult Run(string waveformPath, string spectrogramPath, SpectrogramParameters parameters, CancellationToken cancellation)
    {
        using var input = Npy.OpenRead(waveformPath);
        var header = Npy.ReadHeader(input, waveformPath);
        var count = StationMinutesIn(header, parameters, waveformPath);
        var first = Array.Empty<float>();
        AtomicFile.Write(spectrogramPath, output =>
        {
            Npy.WriteFloat32Header(output, new[] { count, SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount });
            var job = new SpectrogramFileJob(waveformPath, input, header, output, parameters, count, cancellation);
            job.RunWorkers();
            var dataBytes = header.ElementCount * (header.DataType == NpyDataType.Float32 ? sizeof(float) : sizeof(double));
            Npy.EnsureNothingAfter(input, header.DataOffset + dataBytes, waveformPath);
            first = job._first;
        });
        return new SpectrogramFileResult(count, first);
    }

    /// <summary>M of an [M, 3, 60 fs] or [3, 60 fs] waveform file, or a clear refusal.</summary>
    private static int StationMinutesIn(NpyHeader header, SpectrogramParameters parameters, string path)
    {
        var shape = header.Shape;
        var samples = parameters.SamplesPerMinute;
        var expected = $"expected [M, 3, {samples}] or [3, {samples}] (VX, VY, VZ; 60 s at {parameters.SamplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz)";
        var got = $"got shape ({string.Join(", ", shape)})";
        if (shape.Count is < 2 or > 3 || shape[shape.Count - 2] != SpectrogramParameters.ComponentCount)
        {
            throw new InvalidFileException(path, $"{expected}, {got}");
        }
        if (shape[shape.Count - 1] != samples)
        {
            throw new InvalidFileException(path, $"{expected}, {got}: {shape[shape.Count - 1]} samples per component instead of {samples} (wrong sampling rate?)");
        }
        var minutes = shape.Count == 3 ? shape[0] : 1;
        if (minutes == 0)
        {
            throw new InvalidFileException(path, $"{expected}, {got}: no station-minutes");
        }
        if ((long)minutes * SpectrogramParameters.ValueCount > int.MaxValue)
        {
            throw new InvalidFileException(path, $"{got}: {minutes} station-minutes make an output larger than one .npy array this library writes ({int.MaxValue} values); split the file");
        }
        return minutes;
    }

    private void RunWorkers()
    {
        Action work = _header.DataType == NpyDataType.Float32 ? Work<float> : Work<double>;
        var chunks = (_count + ChunkMinutes - 1) / ChunkMinutes;
        var helpers = new Task[Math.Min(Environment.ProcessorCount, chunks) - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        work();
        Task.WaitAll(helpers);
        _cancellation.ThrowIfCancellationRequested();
        _failure?.Throw();
    }

    /// <summary>One worker: chunks until none is left, the job is cancelled, or an earlier chunk has failed. Never throws.</summary>
    private void Work<T>()
        where T : unmanaged
    {
        long start = 0;
        try
        {
            var perMinute = _parameters.SamplesPerStationMinute;
            var chunkMinutes = Math.Min(ChunkMinutes, _count);
            var samples = Npy.NewArray<T>(chunkMinutes * perMinute);
            var spectrograms = Npy.NewArray<float>(chunkMinutes * SpectrogramParameters.ValueCount);
            var workspace = DietSpectrogram.WorkspaceFor(_parameters);
            while (!_cancellation.IsCancellationRequested)
            {
                // A failed read is charged to its chunk: TryTake sets start before reading.
                if (!TryTake(samples, out start, out var minutes))
                {
                    return;
                }
                for (var minute = 0; minute < minutes; minute++)
                {
                    var waveform = samples.AsSpan(minute * perMinute, perMinute);
                    var spectrogram = spectrograms.AsSpan(minute * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount);
                    try
                    {
                        workspace.Kernel.Compute<T>(waveform, spectrogram, workspace);
                    }
                    catch (InvalidWaveformException e)
                    {
                        var bad = start + minute;
                        Fail(bad, new InvalidFileException(_inputPath, $"station-minute {bad}: {e.Message}"));
                        return;
                    }
                }
                if (start == 0)
                {
                    spectrograms.AsSpan(0, _first.Length).CopyTo(_first);
                }
                Write(spectrograms.AsSpan(0, minutes * SpectrogramParameters.ValueCount), start);
            }
        }
        catch (Exception e)
        {
            Fail(start, e);
        }
    }

    /// <summary>Takes the next chunk and reads its samples, unless none is left or an earlier chunk failed.</summary>
    private bool TryTake<T>(T[] samples, out long start, out int minutes)
        where T : unmanaged
    {
#if NET
        if (_seekableInput is not null)
        {
            if (!TryClaim(out start, out minutes))
            {
                return false;
            }
            Npy.ReadElementsAt(_seekableInput, samples.AsSpan(0, minutes * _parameters.SamplesPerStationMinute), _header, start * _parameters.SamplesPerStationMinute, _inputPath);
            return true;
        }
#endif
        lock (_inputGate)
        {
            if (!TryClaim(out start, out minutes))
            {
                return false;
            }
            Npy.ReadElements(_input, samples.AsSpan(0, minutes * _parameters.SamplesPerStationMinute), _header, start * _parameters.SamplesPerStationMinute, _inputPath);
            return true;
        }
    }

    private bool TryClaim(out long start, out int minutes)
    {
        start = (long)Interlocked.Increment(ref _lastTakenChunk) * ChunkMinutes;
        minutes = (int)Math.Min(ChunkMinutes, _count - start);
        return start < _count && start < Interlocked.Read(ref _failedAt);
    }

    private void Write(Span<float> spectrograms, long start)
    {
        var offset = _outputDataOffset + (start * SpectrogramParameters.ValueCount * sizeof(float));
#if NET
        Npy.WriteElementsAt(_outputHandle, spectrograms, offset);
#else
        lock (_outputGate)
        {
            _output.Position = offset;
            Npy.WriteElements(_output, spectrograms);
        }
#endif
    }

    /// <summary>Keeps the earliest failure (by station-minute) and stops the taking of later chunks.</summary>
    private void Fail(long position, Exception failure)
    {
        lock (_failureGate)
        {
            if (position < _failedAt)
            {
                Interlocked.Exchange(ref _failedAt, position);
                _failure = ExceptionDispatchInfo.Capture(failure);
            }
        }
    }
}
