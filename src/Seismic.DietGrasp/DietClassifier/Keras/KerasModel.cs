using System.IO.Compression;
using System.Reflection;
using Seismic.DietGrasp.DietClassifier.Keras.Onnx;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>
/// A Keras model read from its file and converted to ONNX (opset 17) in memory, without Python:
/// a Keras 2 / tf.keras <c>.h5</c>, a Keras 3 <c>.keras</c> archive, or weights-only HDF5 plus the
/// architecture JSON (<see cref="ReadWeightsAndConfig(string, string)"/>). Sequential and functional models of the layers in <see cref="SupportedLayerClasses"/>
/// convert; the ONNX model reads and returns tensors in Keras's own (channels-last) layout.
/// </summary>
/// <remarks>
/// Reading does the whole conversion, so every problem (an unsupported layer, missing or misshapen
/// weights, a truncated file) is reported by <c>Read</c> as an <see cref="InvalidFileException"/> naming the
/// layer and its class, before anything is written. HDF5 is read with PureHDF, which targets .NET 6 and
/// later: on the netstandard2.0 build, reading a Keras file reports that it needs the net10.0 build.
/// </remarks>
public sealed class KerasModel
{
    private readonly byte[] _onnx;

    private KerasModel(string source, KerasFileFormat format, string kerasVersion, IReadOnlyList<KerasLayerInfo> layers,
        IReadOnlyList<KerasLayerInfo> inputs, IReadOnlyList<KerasLayerInfo> outputs, byte[] onnx)
    {
        Source = source;
        Format = format;
        KerasVersion = kerasVersion;
        Layers = layers;
        Inputs = inputs;
        Outputs = outputs;
        _onnx = onnx;
    }

    /// <summary>The layer classes that convert (anything else is refused with an error naming the layer).</summary>
    public static IReadOnlyList<string> SupportedLayerClasses => KerasLayerConverter.SupportedClasses;

    /// <summary>The activation names that convert (the <c>activation</c> of a layer, or an Activation layer).</summary>
    public static IReadOnlyList<string> SupportedActivations => KerasActivations.Supported;

    /// <summary>The file (or stream name) the model was read from.</summary>
    public string Source { get; }

    /// <summary>Which Keras file kind it was.</summary>
    public KerasFileFormat Format { get; }

    /// <summary>The Keras version recorded in the file (e.g. <c>2.2.4</c>, <c>3.11.3</c>), or empty when the file has none.</summary>
    public string KerasVersion { get; }

    /// <summary>All layers in graph order, input layers included.</summary>
    public IReadOnlyList<KerasLayerInfo> Layers { get; }

    /// <summary>The model's input layers; their <see cref="KerasLayerInfo.OutputShape"/> is the input shape.</summary>
    public IReadOnlyList<KerasLayerInfo> Inputs { get; }

    /// <summary>The model's output layers, with the output shapes.</summary>
    public IReadOnlyList<KerasLayerInfo> Outputs { get; }

    /// <summary>The number of weight values over all layers.</summary>
    public long ParameterCount => Layers.Sum(layer => layer.ParameterCount);

    /// <summary>The size of the converted ONNX model in bytes.</summary>
    public int OnnxSize => _onnx.Length;

    /// <summary>True when the file starts like a Keras file this class reads (HDF5 or zip), false otherwise (an ONNX model, for instance).</summary>
    /// <param name="path">The file.</param>
    /// <returns>Whether it has the HDF5 or zip signature.</returns>
    /// <exception cref="InvalidFileException">The file is missing or unreadable.</exception>
    public static bool IsKerasFile(string path)
    {
        var head = new byte[4];
        try
        {
            using var stream = File.OpenRead(path);
            var read = stream.Read(head, 0, head.Length);
            return read == head.Length && (IsHdf5(head) || IsZip(head));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidFileException(path, ex is FileNotFoundException or DirectoryNotFoundException ? "model file not found" : $"cannot read the model file ({ex.Message})", ex);
        }
    }

    /// <summary>Reads a Keras 2 <c>.h5</c> or a Keras 3 <c>.keras</c> file (told apart by content) and converts it.</summary>
    /// <param name="path">The model file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidFileException">Missing, unreadable, truncated, not a whole Keras model, or with an unsupported layer or misshapen weights.</exception>
    public static KerasModel Read(string path) => Read(ReadAll(path), path);

    /// <summary>Reads a Keras 2 <c>.h5</c> or a Keras 3 <c>.keras</c> model from a stream (read to its end) and converts it.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="sourceName">A name for the stream in errors and <see cref="Source"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidFileException">Not a whole Keras model, or with an unsupported layer or misshapen weights.</exception>
    public static KerasModel Read(Stream stream, string sourceName = "Keras model stream") => Read(ReadAll(stream, sourceName), sourceName);

    /// <summary>Reads weights-only HDF5 (Keras 2 <c>save_weights</c> or Keras 3 <c>.weights.h5</c>) with the architecture JSON (<c>model.to_json()</c>) and converts them.</summary>
    /// <param name="weightsPath">The weights file.</param>
    /// <param name="configPath">The architecture JSON file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidFileException">A file missing or unreadable, weights that do not fit the config, or an unsupported layer.</exception>
    public static KerasModel ReadWeightsAndConfig(string weightsPath, string configPath)
    {
        var config = System.Text.Encoding.UTF8.GetString(ReadAll(configPath));
        return FromWeightsAndConfig(ReadAll(weightsPath), weightsPath, config, configPath, KerasFileFormat.WeightsWithConfig);
    }

    /// <summary>Reads weights-only HDF5 from a stream with the architecture JSON given as text.</summary>
    /// <param name="weights">The weights file's bytes (read to the end).</param>
    /// <param name="configJson">The architecture JSON (<c>model.to_json()</c>).</param>
    /// <param name="sourceName">A name for the weights in errors and <see cref="Source"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidFileException">Weights that do not fit the config, or an unsupported layer.</exception>
    public static KerasModel ReadWeightsAndConfig(Stream weights, string configJson, string sourceName = "Keras weights stream")
    {
        if (configJson is null)
        {
            throw new ArgumentNullException(nameof(configJson));
        }
        return FromWeightsAndConfig(ReadAll(weights, sourceName), sourceName, configJson, sourceName + " (config)", KerasFileFormat.WeightsWithConfig);
    }

    /// <summary>Writes the converted ONNX model (opset 17, IR version 8).</summary>
    /// <param name="destination">Where the model's bytes go.</param>
    public void ToOnnx(Stream destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }
        destination.Write(_onnx, 0, _onnx.Length);
    }

    /// <summary>Writes the converted ONNX model to a file, atomically: a reader never sees half a file, and a failure leaves no file behind.</summary>
    /// <param name="path">The <c>.onnx</c> file to write (replaced if it exists).</param>
    public void WriteOnnx(string path) => IO.AtomicFile.Write(path, ToOnnx);

    /// <summary>
    /// A table of the layers in the style of Keras's <c>model.summary()</c>: name and class, output shape,
    /// parameter count and inputs, then the model's inputs, outputs and total parameters.
    /// </summary>
    /// <returns>The text, lines ending in a newline.</returns>
    public string Summary() => KerasSummary.Format(this);

    /// <summary>The converted ONNX model's bytes (a copy).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToOnnx() => (byte[])_onnx.Clone();

    private static KerasModel Read(byte[] bytes, string source)
    {
        if (bytes.Length >= 4 && IsZip(bytes))
        {
            return ReadArchive(bytes, source);
        }
        if (bytes.Length >= 4 && IsHdf5(bytes))
        {
            var weights = KerasWeightFile.Read(bytes, source);
            if (!weights.Attributes.TryGetValue("model_config", out var config))
            {
                throw new InvalidFileException(source, "an HDF5 file without a 'model_config' attribute: a weights-only file; give the architecture JSON as well (convert-keras --weights W.h5 --config C.json)");
            }
            return Convert(weights, config, source, source, KerasFileFormat.Keras2Hdf5, weights.Attributes.TryGetValue("keras_version", out var version) ? version : string.Empty);
        }
        throw new InvalidFileException(source, "neither HDF5 (Keras 2 .h5) nor zip (Keras 3 .keras): not a Keras model file");
    }

    private static KerasModel ReadArchive(byte[] bytes, string source)
    {
        string config;
        string metadata = string.Empty;
        byte[] weights;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            config = Text(archive, "config.json") ?? throw new InvalidFileException(source, "a zip without config.json: not a Keras 3 .keras file");
            metadata = Text(archive, "metadata.json") ?? string.Empty;
            var entry = archive.GetEntry("model.weights.h5") ?? throw new InvalidFileException(source, "the .keras archive has no model.weights.h5 (the weights)");
            using var stream = entry.Open();
            weights = ReadAll(stream, source + ":model.weights.h5");
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidFileException(source, $"a damaged zip archive ({ex.Message})", ex);
        }
        var version = string.Empty;
        if (metadata.Length > 0)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(metadata);
                version = document.RootElement.TryGetProperty("keras_version", out var v) ? v.GetString() ?? string.Empty : string.Empty;
            }
            catch (System.Text.Json.JsonException)
            {
                // The version only tunes hard_sigmoid; a broken metadata.json is not worth refusing the model.
            }
        }
        var weightFile = KerasWeightFile.Read(weights, source + ":model.weights.h5");
        return Convert(weightFile, config, source + ":config.json", source, KerasFileFormat.Keras3Archive, version.Length > 0 ? version : "3");
    }

    private static KerasModel FromWeightsAndConfig(byte[] weights, string weightsSource, string config, string configSource, KerasFileFormat format)
    {
        var weightFile = KerasWeightFile.Read(weights, weightsSource);
        var version = weightFile.Attributes.TryGetValue("keras_version", out var v) ? v
            : config.Contains("\"keras_version\": \"3") || config.Contains("\"module\": \"keras") ? "3" : string.Empty;
        return Convert(weightFile, config, configSource, weightsSource, format, version);
    }

    /// <summary>The conversion proper; config errors name <paramref name="configSource"/>, all others <paramref name="source"/>.</summary>
    private static KerasModel Convert(KerasWeightFile weights, string configJson, string configSource, string source, KerasFileFormat format, string kerasVersion)
    {
        var (specs, inputNames, outputNames) = KerasConfigReader.Read(configJson, configSource);
        var graph = new OnnxGraph(Path.GetFileNameWithoutExtension(source));
        var builder = new KerasOnnxBuilder(graph, weights, source, kerasVersion);
        var tensors = new Dictionary<string, GraphTensor>(StringComparer.Ordinal);
        var infos = new Dictionary<string, KerasLayerInfo>(StringComparer.Ordinal);
        var order = new List<KerasLayerInfo>();
        foreach (var spec in TopologicalOrder(specs, source))
        {
            GraphTensor output;
            if (spec.ClassName == "InputLayer")
            {
                var shape = KerasJson.OptionalShape(spec.Config, "batch_input_shape") ?? KerasJson.OptionalShape(spec.Config, "batch_shape")
                    ?? throw builder.Error(spec, "the input layer declares no shape (batch_input_shape or batch_shape)");
                shape[0] = null;
                graph.UniqueName(spec.Name);
                graph.Inputs.Add((spec.Name, shape));
                output = new GraphTensor(spec.Name, shape, GraphTensor.KerasOrder(shape.Length));
            }
            else
            {
                var inputs = spec.Inbound.Select(name => tensors[name]).ToArray();
                output = KerasLayerConverter.Convert(builder, spec, inputs);
            }
            tensors[spec.Name] = output;
            var parameters = weights.For(spec.Name)?.Sum(t => (long)t.Values.Length) ?? 0;
            var info = new KerasLayerInfo(spec.Name, spec.ClassName, output.Shape, parameters, spec.Inbound);
            infos[spec.Name] = info;
            order.Add(info);
        }
        foreach (var name in weights.LayerNames)
        {
            if (!infos.ContainsKey(name) && weights.For(name)!.Count > 0)
            {
                throw new InvalidFileException(source, $"the weights hold layer '{name}', which the model config does not have: the weights and the architecture do not belong together");
            }
        }
        foreach (var name in inputNames.Concat(outputNames))
        {
            if (!tensors.ContainsKey(name))
            {
                throw new InvalidFileException(source, $"the model config names '{name}' as an input or output, but has no such layer");
            }
        }
        foreach (var name in outputNames)
        {
            var tensor = builder.ToKerasOrder(tensors[name]);
            var outputName = tensor.Name == name ? name : graph.Add("Identity", name, new[] { tensor.Name });
            graph.Outputs.Add((outputName, tensor.Shape));
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["provenance"] = $"converted from Keras {(kerasVersion.Length > 0 ? kerasVersion + " " : string.Empty)}file {Path.GetFileName(source)} by Seismic.DietGrasp (KerasModel)",
            ["keras_version"] = kerasVersion,
            ["layout"] = "channels-last, as in Keras",
        };
        var version = typeof(KerasModel).GetTypeInfo().Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var onnx = OnnxModelWriter.Write(graph, version, metadata);
        return new KerasModel(source, format, kerasVersion, order, inputNames.Select(n => infos[n]).ToArray(), outputNames.Select(n => infos[n]).ToArray(), onnx);
    }

    /// <summary>Layers with every input before them (configs list them so already; this also catches cycles and dangling names).</summary>
    private static List<KerasLayerSpec> TopologicalOrder(List<KerasLayerSpec> specs, string source)
    {
        var names = new HashSet<string>(specs.Select(s => s.Name), StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            foreach (var inbound in spec.Inbound.Where(n => !names.Contains(n)))
            {
                throw new InvalidFileException(source, $"layer '{spec.Name}' ({spec.ClassName}) reads '{inbound}', which the model config does not have");
            }
        }
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<KerasLayerSpec>();
        var pending = specs.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(s => s.Inbound.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidFileException(source, $"the model graph has a cycle through {string.Join(", ", pending.Select(s => s.Name))}");
            }
            foreach (var spec in ready)
            {
                ordered.Add(spec);
                done.Add(spec.Name);
                pending.Remove(spec);
            }
        }
        return ordered;
    }

    private static string? Text(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name);
        if (entry is null)
        {
            return null;
        }
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static bool IsHdf5(byte[] head) => head[0] == 0x89 && head[1] == (byte)'H' && head[2] == (byte)'D' && head[3] == (byte)'F';

    private static bool IsZip(byte[] head) => head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidFileException(path, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})", ex);
        }
    }

    private static byte[] ReadAll(Stream stream, string source)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }
        try
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or InvalidDataException)
        {
            throw new InvalidFileException(source, $"cannot read ({ex.Message})", ex);
        }
    }
}
