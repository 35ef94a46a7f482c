using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Seismic.DietGrasp.DietClassifier.Keras;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// A loaded DiET classifier: an ONNX model that maps spectrograms [N, 73, 71, 3] (float32, NHWC:
/// frequency, time, component) to probabilities [N, 3] (earthquake, tremor, noise). Any model with
/// that contract works, including the original Keras model (read and converted in memory by
/// <see cref="LoadKeras(string, DietModelOptions?)"/>, or converted with tf2onnx; see onnx/README.md); input and
/// output names are read from the model, and a fixed or dynamic batch size is handled.
/// <see cref="LoadBundled(DietModelOptions?)"/> gives the model shipped with the library, which is a STAND-IN of
/// our own (trained on synthetic and a few real records), not the published DiET weights; it expects minutes
/// high-passed at 1 Hz as the pipeline makes them.
/// </summary>
/// <remarks>
/// Predict methods are safe to call from many threads at once on one instance (ONNX Runtime's Run
/// is thread-safe and no buffer is shared between calls). Inputs are passed to ONNX Runtime without
/// copying (pinned for the duration of the call), and results are written straight into the
/// caller's span where one is given.
/// </remarks>
public sealed class DietModel : IDisposable
{
    /// <summary>Outputs per spectrogram (earthquake, tremor, noise).</summary>
    public const int ClassCount = 3;

    private const int FrequencyCount = SpectrogramParameters.FrequencyCount;
    private const int TimeCount = SpectrogramParameters.TimeCount;
    private const int ComponentCount = SpectrogramParameters.ComponentCount;
    private const int ValuesPerSpectrogram = SpectrogramParameters.ValueCount;

    /// <summary>What every DiET model must look like, for the errors of ONNX and Keras models alike.</summary>
    internal const string ContractDescription = "DiET expects one float32 input [N, 73, 71, 3] (N stations, fixed or dynamic; NHWC: frequency, time, component) and one float32 output [N, 3] (earthquake, tremor, noise)";

    private const string BundledResourcePrefix = "Seismic.DietGrasp.onnx.";

    // Rows per Run call: bounds ONNX Runtime's intermediate buffers and keeps them in cache
    // (measured single-threaded: 43 us a row in batches of 16, 50 in 150), and cuts a batch into
    // enough runs to keep every core busy.
    private const int MaximumRunBatch = 16;

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _batchParallelism;

    // Batches running now, and whether Dispose has begun; both under _gate. Dispose waits for the running
    // batches before freeing the native session: a freed session handed to ONNX Runtime crashed the process.
    private readonly object _gate = new();
    private int _runningBatches;
    private bool _disposed;

    private DietModel(InferenceSession session, string source, bool isBundled, int batchParallelism)
    {
        _session = session;
        _batchParallelism = batchParallelism == 0 ? Environment.ProcessorCount : batchParallelism;
        _runOptions = new RunOptions();
        Source = source;
        IsBundledStandIn = isBundled;
        var (inputName, outputName, fixedBatch) = CheckContract(session, source);
        InputName = inputName;
        OutputName = outputName;
        FixedBatchSize = fixedBatch;
        _inputNames = new[] { inputName };
        _outputNames = new[] { outputName };
        var metadata = session.ModelMetadata;
        Description = metadata.CustomMetadataMap.TryGetValue("provenance", out var provenance) ? provenance
            : string.IsNullOrEmpty(metadata.Description) ? null : metadata.Description;
    }

    /// <summary>Where the model came from: its path, the name given with a stream, or the bundled model's resource name.</summary>
    public string Source { get; }

    /// <summary>True for the model shipped with the library (a stand-in of our own, trained on synthetic and a few real records, not the published DiET).</summary>
    public bool IsBundledStandIn { get; }

    /// <summary>The model's input name (exports name it differently; read from the model).</summary>
    public string InputName { get; }

    /// <summary>The model's output name (read from the model).</summary>
    public string OutputName { get; }

    /// <summary>The batch size the model was exported with, or null when its batch axis is dynamic.</summary>
    public int? FixedBatchSize { get; }

    /// <summary>The model's own description (its <c>provenance</c> metadata or doc string), or null.</summary>
    public string? Description { get; }

    /// <summary>The bundled model <see cref="LoadBundled(DietModelOptions?)"/> loads.</summary>
    public const DietModelVersion DefaultBundledVersion = DietModelVersion.StandInV8;

    /// <summary>
    /// The JSON sidecar of the default bundled stand-in model: class order, pre-processing, spectrogram
    /// parameters, provenance of every data source, validation split, training seeds and sizes,
    /// held-out and real-validation scores, calibration.
    /// </summary>
    public static string BundledModelCard => GetBundledModelCard(DefaultBundledVersion);

    /// <summary>The JSON sidecar of a bundled stand-in model.</summary>
    /// <param name="version">Which bundled model.</param>
    /// <returns>The sidecar's text.</returns>
    public static string GetBundledModelCard(DietModelVersion version)
    {
        using var stream = OpenResource(BundledResourcePrefix + BundledFileStem(version) + ".json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads the default model bundled with the library (<see cref="DefaultBundledVersion"/>): a stand-in, not the published DiET.</summary>
    /// <param name="options">Thread settings; null for <see cref="DietModelOptions.Default"/>.</param>
    /// <returns>The loaded model.</returns>
    public static DietModel LoadBundled(DietModelOptions? options = null) => LoadBundled(DefaultBundledVersion, options);

    /// <summary>Loads one of the stand-in models bundled with the library (for example v1, for comparison).</summary>
    /// <param name="version">Which bundled model.</param>
    /// <param name="options">Thread settings; null for <see cref="DietModelOptions.Default"/>.</param>
    /// <returns>The loaded model.</returns>
    public static DietModel LoadBundled(DietModelVersion version, DietModelOptions? options = null)
    {
        var stem = BundledFileStem(version);
        using var stream = OpenResource(BundledResourcePrefix + stem + ".onnx");
        return Load(stream, $"bundled stand-in model {stem}.onnx", options, isBundled: true);
    }

    /// <summary>Loads an ONNX model file and checks it against the DiET contract.</summary>
    /// <param name="path">The <c>.onnx</c> file.</param>
    /// <param name="options">Thread settings; null for <see cref="DietModelOptions.Default"/>.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="InvalidFileException">The file is missing, unreadable or not an ONNX model.</exception>
    /// <exception cref="ModelContractException">The model's input or output does not fit [N, 73, 71, 3] -> [N, 3].</exception>
    public static DietModel Load(string path, DietModelOptions? options = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "model file not found" : $"cannot read the model file ({ex.Message})";
            throw new InvalidFileException(path, why, ex);
        }
        return Create(bytes, path, options, isBundled: false);
    }

    /// <summary>Loads an ONNX model from a stream (read to its end) and checks it against the DiET contract.</summary>
    /// <param name="stream">The model's bytes.</param>
    /// <param name="sourceName">A name for the stream used in error messages and <see cref="Source"/>.</param>
    /// <param name="options">Thread settings; null for <see cref="DietModelOptions.Default"/>.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="InvalidFileException">The bytes are not an ONNX model.</exception>
    /// <exception cref="ModelContractException">The model's input or output does not fit [N, 73, 71, 3] -> [N, 3].</exception>
    public static DietModel Load(Stream stream, string sourceName = "model stream", DietModelOptions? options = null) =>
        Load(Guard.NotNull(stream, nameof(stream)), Guard.NotNull(sourceName, nameof(sourceName)), options, isBundled: false);

    /// <summary>
    /// Reads a Keras model file (Keras 2 <c>.h5</c> or Keras 3 <c>.keras</c>), converts it to ONNX in memory
    /// (<see cref="KerasModel"/>) and loads it, checking the DiET contract on the Keras shapes first.
    /// </summary>
    /// <param name="path">The Keras model file.</param>
    /// <param name="options">Thread settings; null for <see cref="DietModelOptions.Default"/>.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="InvalidFileException">The file is missing, unreadable, or not a convertible Keras model (the message names the layer).</exception>
    /// <exception cref="ModelContractException">The model's input or output does not fit [N, 73, 71, 3] -> [N, 3].</exception>
    public static DietModel LoadKeras(string path, DietModelOptions? options = null) => LoadKeras(KerasModel.Read(path), options);

    /// <summary>Loads a Keras model already read (e.g. from weights and architecture JSON), checking the DiET contract on its shapes first.</summary>
    /// <param name="model">The read Keras model.</param>
    /// <param name="options">Thread settings; null for <see cref="DietModelOptions.Default"/>.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="ModelContractException">The model's input or output does not fit [N, 73, 71, 3] -> [N, 3].</exception>
    public static DietModel LoadKeras(KerasModel model, DietModelOptions? options = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }
        KerasDietContract.Check(model);
        return Create(model.ToOnnx(), model.Source, options, isBundled: false);
    }

    /// <summary>Classifies one station-minute.</summary>
    /// <param name="spectrogram">73 x 71 x 3 floats, row-major [frequency, time, component].</param>
    /// <returns>The three class probabilities.</returns>
    /// <exception cref="InvalidParameterException">Wrong length, or a NaN or infinite value.</exception>
    public DietProbabilities Predict(ReadOnlySpan<float> spectrogram)
    {
        if (spectrogram.Length != ValuesPerSpectrogram)
        {
            throw new InvalidParameterException(nameof(spectrogram), $"one spectrogram has {ValuesPerSpectrogram} values (73 x 71 x 3), got {spectrogram.Length}");
        }
        Span<float> result = stackalloc float[ClassCount];
        PredictBatch(spectrogram, result);
        return new DietProbabilities(result[0], result[1], result[2]);
    }

    /// <summary>Classifies a batch of station-minutes.</summary>
    /// <param name="spectrograms">N x 73 x 71 x 3 floats, contiguous, row-major [station, frequency, time, component].</param>
    /// <returns>One probability triple per spectrogram, in input order.</returns>
    /// <exception cref="InvalidParameterException">A length that is not a multiple of 73 x 71 x 3, or a NaN or infinite value.</exception>
    public DietProbabilities[] PredictBatch(ReadOnlySpan<float> spectrograms)
    {
        var count = CountSpectrograms(spectrograms);
        var flat = new float[count * ClassCount];
        PredictBatch(spectrograms, flat);
        var result = new DietProbabilities[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new DietProbabilities(flat[3 * i], flat[(3 * i) + 1], flat[(3 * i) + 2]);
        }
        return result;
    }

    /// <summary>Classifies a batch of station-minutes into the caller's buffer, without allocating per row.</summary>
    /// <param name="spectrograms">N x 73 x 71 x 3 floats, contiguous, row-major [station, frequency, time, component].</param>
    /// <param name="probabilities">Receives N x 3 floats: earthquake, tremor, noise for each spectrogram in turn.</param>
    /// <exception cref="InvalidParameterException">Bad lengths, or a NaN or infinite value.</exception>
    /// <exception cref="ModelContractException">The model failed, or gave a row that is not three probabilities summing to 1 (the message names the first such row).</exception>
    /// <exception cref="ObjectDisposedException">The model is disposed (or being disposed).</exception>
    public void PredictBatch(ReadOnlySpan<float> spectrograms, Span<float> probabilities)
    {
        var count = CountSpectrograms(spectrograms);
        if (probabilities.Length != count * ClassCount)
        {
            throw new InvalidParameterException(nameof(probabilities), $"needs {count * ClassCount} floats (3 per spectrogram) for {count} spectrograms, got {probabilities.Length}");
        }
        CheckFinite(spectrograms);
        EnterBatch();
        try
        {
            RunBatch(spectrograms, probabilities, count);
        }
        finally
        {
            ExitBatch();
        }
        CheckProbabilities(probabilities);
    }

    private void RunBatch(ReadOnlySpan<float> spectrograms, Span<float> probabilities, int count)
    {
        var chunk = FixedBatchSize ?? MaximumRunBatch;
        var runs = (count + chunk - 1) / chunk;
        var parallelism = Math.Min(runs, _batchParallelism);
        if (parallelism <= 1)
        {
            for (var run = 0; run < runs; run++)
            {
                RunChunk(spectrograms, probabilities, run, chunk);
            }
            return;
        }
        unsafe
        {
            // Spans cannot enter the workers' lambda: they get the pinned buffers' addresses instead.
            fixed (float* inputPointer = spectrograms)
            fixed (float* outputPointer = probabilities)
            {
                var input = (IntPtr)inputPointer;
                var output = (IntPtr)outputPointer;
                var inputLength = spectrograms.Length;
                var outputLength = probabilities.Length;
                try
                {
                    Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, run =>
                    {
                        var allInput = new ReadOnlySpan<float>((void*)input, inputLength);
                        var allOutput = new Span<float>((void*)output, outputLength);
                        RunChunk(allInput, allOutput, run, chunk);
                    });
                }
                catch (AggregateException e) when (e.InnerExceptions.Count > 0)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                    throw;
                }
            }
        }
    }

    /// <summary>Run number <paramref name="run"/> of a batch cut into runs of <paramref name="chunk"/> rows (the last one may be shorter).</summary>
    private void RunChunk(ReadOnlySpan<float> spectrograms, Span<float> probabilities, int run, int chunk)
    {
        var start = run * chunk;
        var rows = Math.Min(chunk, (spectrograms.Length / ValuesPerSpectrogram) - start);
        var input = spectrograms.Slice(start * ValuesPerSpectrogram, rows * ValuesPerSpectrogram);
        var output = probabilities.Slice(start * ClassCount, rows * ClassCount);
        if (FixedBatchSize is { } fixedSize && rows < fixedSize)
        {
            RunPadded(input, output, rows, fixedSize);
        }
        else
        {
            Run(input, output, rows);
        }
    }

    /// <summary>
    /// Releases the ONNX Runtime session once the batches running on other threads are done; later calls to
    /// the predict methods throw <see cref="ObjectDisposedException"/>. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            while (_runningBatches > 0)
            {
                Monitor.Wait(_gate);
            }
        }
        _session.Dispose();
        _runOptions.Dispose();
    }

    private void EnterBatch()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(DietModel), $"{Source} is disposed; load the model again to classify");
            }
            _runningBatches++;
        }
    }

    private void ExitBatch()
    {
        lock (_gate)
        {
            if (--_runningBatches == 0 && _disposed)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private static DietModel Load(Stream stream, string sourceName, DietModelOptions? options, bool isBundled)
    {
        byte[] bytes;
        try
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw new InvalidFileException(sourceName, $"cannot read the model ({ex.Message})", ex);
        }
        return Create(bytes, sourceName, options, isBundled);
    }

    private static DietModel Create(byte[] bytes, string source, DietModelOptions? options, bool isBundled)
    {
        options ??= DietModelOptions.Default;
        options.Validate();
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = options.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
        };
        var spinning = options.AllowSpinning ? "1" : "0";
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning);
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", spinning);
        InferenceSession session;
        try
        {
            session = new InferenceSession(bytes, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidFileException(source, $"not a loadable ONNX model ({FirstLine(ex.Message)})", ex);
        }
        try
        {
            return new DietModel(session, source, isBundled, options.BatchParallelism);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static (string Input, string Output, int? FixedBatch) CheckContract(InferenceSession session, string source)
    {
        var expected = ContractDescription;
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            throw new ModelContractException($"{source}: the model has {session.InputMetadata.Count} input(s) ({string.Join(", ", session.InputMetadata.Keys)}) and {session.OutputMetadata.Count} output(s) ({string.Join(", ", session.OutputMetadata.Keys)}); {expected}");
        }
        var input = session.InputMetadata.First();
        var output = session.OutputMetadata.First();
        var inputOk = IsFloatTensor(input.Value) && Fits(input.Value.Dimensions, -1, FrequencyCount, TimeCount, ComponentCount);
        var outputOk = IsFloatTensor(output.Value) && Fits(output.Value.Dimensions, -1, ClassCount);
        int? inputBatch = inputOk && input.Value.Dimensions[0] > 0 ? input.Value.Dimensions[0] : null;
        int? outputBatch = outputOk && output.Value.Dimensions[0] > 0 ? output.Value.Dimensions[0] : null;
        if (!inputOk || !outputOk || (inputBatch is not null && outputBatch is not null && inputBatch != outputBatch))
        {
            throw new ModelContractException($"{source}: the model has input '{input.Key}' {Describe(input.Value)} and output '{output.Key}' {Describe(output.Value)}; {expected}");
        }
        return (input.Key, output.Key, inputBatch ?? outputBatch);
    }

    private static bool IsFloatTensor(NodeMetadata metadata) =>
        metadata.IsTensor && metadata.ElementDataType == TensorElementType.Float;

    // A dimension of -1 (symbolic or unknown) fits anything; the leading (batch) axis may be any size.
    private static bool Fits(int[] dimensions, params int[] expected)
    {
        if (dimensions.Length != expected.Length)
        {
            return false;
        }
        for (var i = 0; i < dimensions.Length; i++)
        {
            if (expected[i] > 0 && dimensions[i] > 0 && dimensions[i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    private static string Describe(NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            return $"of kind {metadata.OnnxValueType}";
        }
        var dimensions = metadata.Dimensions.Select((d, i) => d > 0 ? d.ToString(CultureInfo.InvariantCulture)
            : string.IsNullOrEmpty(metadata.SymbolicDimensions[i]) ? "?" : metadata.SymbolicDimensions[i]);
        return $"[{string.Join(", ", dimensions)}] ({metadata.ElementDataType})";
    }

    private unsafe void Run(ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        var inputShape = new long[] { rows, FrequencyCount, TimeCount, ComponentCount };
        var outputShape = new long[] { rows, ClassCount };
        fixed (float* inputPointer = input)
        fixed (float* outputPointer = output)
        {
            using var inputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, inputShape, (IntPtr)inputPointer, (long)input.Length * sizeof(float));
            using var outputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, outputShape, (IntPtr)outputPointer, (long)output.Length * sizeof(float));
            try
            {
                _session.Run(_runOptions, _inputNames, new[] { inputValue }, _outputNames, new[] { outputValue });
            }
            catch (OnnxRuntimeException ex)
            {
                throw new ModelContractException($"{Source}: the model failed on a batch of {rows} spectrograms ({FirstLine(ex.Message)})", ex);
            }
        }
    }

    private void RunPadded(ReadOnlySpan<float> input, Span<float> output, int rows, int fixedSize)
    {
        var paddedInput = new float[fixedSize * ValuesPerSpectrogram];
        var paddedOutput = new float[fixedSize * ClassCount];
        input.CopyTo(paddedInput);
        Run(paddedInput, paddedOutput, fixedSize);
        paddedOutput.AsSpan(0, rows * ClassCount).CopyTo(output);
    }

    private static int CountSpectrograms(ReadOnlySpan<float> spectrograms)
    {
        if (spectrograms.Length == 0 || spectrograms.Length % ValuesPerSpectrogram != 0)
        {
            throw new InvalidParameterException(nameof(spectrograms), $"must hold a whole, non-zero number of spectrograms of {ValuesPerSpectrogram} values (73 x 71 x 3), got {spectrograms.Length} values");
        }
        return spectrograms.Length / ValuesPerSpectrogram;
    }

    private static void CheckFinite(ReadOnlySpan<float> spectrograms)
    {
        // x - x is 0 for finite x and NaN otherwise. A vector pass skips the clean blocks (a scalar loop
        // cost a quarter of a batch's inference time); the scalar loop names the first bad value.
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(spectrograms);
        var cleanVectors = 0;
        // Eight vectors a test: their x - x summed (as a tree, no chain from block to block) is 0 only when all are finite
        // (a NaN or infinity makes it NaN). A test a vector made the pass 0.8% of an S-net day's CPU (perf, 2026-12-03 23:14 UTC).
        while (cleanVectors + 8 <= vectors.Length)
        {
            var v = vectors.Slice(cleanVectors, 8);
            var sum = (((v[0] - v[0]) + (v[1] - v[1])) + ((v[2] - v[2]) + (v[3] - v[3])))
                + (((v[4] - v[4]) + (v[5] - v[5])) + ((v[6] - v[6]) + (v[7] - v[7])));
            if (!Vector.EqualsAll(sum, Vector<float>.Zero))
            {
                break;
            }
            cleanVectors += 8;
        }
        while (cleanVectors < vectors.Length && Vector.EqualsAll(vectors[cleanVectors] - vectors[cleanVectors], Vector<float>.Zero))
        {
            cleanVectors++;
        }
        for (var i = cleanVectors * Vector<float>.Count; i < spectrograms.Length; i++)
        {
            var value = spectrograms[i];
            if (value - value != 0)
            {
                var row = i / ValuesPerSpectrogram;
                var within = i % ValuesPerSpectrogram;
                var frequency = within / (TimeCount * ComponentCount);
                var time = within / ComponentCount % TimeCount;
                throw new InvalidParameterException(nameof(spectrograms), $"spectrogram {row} has a non-finite value ({value.ToString(CultureInfo.InvariantCulture)}) at frequency {frequency}, time {time}, component {within % ComponentCount}");
            }
        }
    }

    /// <summary>Refuses outputs that are not probabilities: a damaged model (a bit-flipped weight gives NaN) or one without its final softmax.</summary>
    private void CheckProbabilities(ReadOnlySpan<float> probabilities)
    {
        for (var row = 0; row < probabilities.Length / ClassCount; row++)
        {
            var triple = probabilities.Slice(row * ClassCount, ClassCount);
            var problem = ProbabilityProblem(triple[0], triple[1], triple[2]);
            if (problem is not null)
            {
                throw new ModelContractException(string.Format(CultureInfo.InvariantCulture,
                    "{0}: the model's output for spectrogram {1} is not a probability triple (earthquake {2}, tremor {3}, noise {4}: {5}); expected three finite values in [0, 1] summing to 1 (a damaged model file, or a model without its final softmax)",
                    Source, row, triple[0], triple[1], triple[2], problem));
            }
        }
    }

    // A float32 softmax sums to 1 within a few 1e-7; 1e-3 leaves room for exports that compute it otherwise
    // while still refusing raw scores, which miss 1 by far more.
    private static string? ProbabilityProblem(float earthquake, float tremor, float noise)
    {
        const float Tolerance = 1e-3f;
        if (!IsFinite(earthquake) || !IsFinite(tremor) || !IsFinite(noise))
        {
            return "not finite";
        }
        if (earthquake < -Tolerance || tremor < -Tolerance || noise < -Tolerance || earthquake > 1 + Tolerance || tremor > 1 + Tolerance || noise > 1 + Tolerance)
        {
            return "outside [0, 1]";
        }
        var sum = (double)earthquake + tremor + noise;
        return Math.Abs(sum - 1) > Tolerance ? string.Format(CultureInfo.InvariantCulture, "they sum to {0:G6}", sum) : null;
    }

    private static bool IsFinite(float value) => value - value == 0;

    /// <summary>The bytes of a bundled model's ONNX file and the name of its card (for provenance: hashes, run.json).</summary>
    internal static (Stream Onnx, string CardName) OpenBundled(DietModelVersion version)
    {
        var stem = BundledFileStem(version);
        return (OpenResource(BundledResourcePrefix + stem + ".onnx"), stem + ".json");
    }

    private static string BundledFileStem(DietModelVersion version) => version switch
    {
        DietModelVersion.StandInV1 => "diet-standin-v1",
        DietModelVersion.StandInV2 => "diet-standin-v2",
        DietModelVersion.StandInV3 => "diet-standin-v3",
        DietModelVersion.StandInV4 => "diet-standin-v4",
        DietModelVersion.StandInV5 => "diet-standin-v5",
        DietModelVersion.StandInV6 => "diet-standin-v6",
        DietModelVersion.StandInV8 => "diet-standin-v8",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "not a bundled model version"),
    };

    private static Stream OpenResource(string name) =>
        typeof(DietModel).GetTypeInfo().Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidFileException(name, "the bundled model is missing from the Seismic.DietGrasp assembly (a broken build)");

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
