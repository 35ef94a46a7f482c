#if NET
using PureHDF;
#endif

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>
/// The weights of a Keras model read from HDF5 with PureHDF, by layer name, in the order Keras
/// stores them (kernel, bias; gamma, beta, moving mean, moving variance; ...). Reads both layouts:
/// Keras 2 (<c>layer_names</c> attribute, a group per layer with a <c>weight_names</c> attribute) and
/// Keras 3 (<c>layers/NAME/vars/0..n</c>). Also gives the Keras 2 root attributes (<c>model_config</c>,
/// <c>keras_version</c>, <c>backend</c>).
/// </summary>
/// <remarks>PureHDF 2.2.0 targets .NET 6 and later only, so on netstandard2.0 reading HDF5 reports that it needs the net10.0 build.</remarks>
internal sealed class KerasWeightFile
{
    private readonly Dictionary<string, IReadOnlyList<KerasTensor>> _weights;

    private KerasWeightFile(Dictionary<string, IReadOnlyList<KerasTensor>> weights, IReadOnlyDictionary<string, string> attributes)
    {
        _weights = weights;
        Attributes = attributes;
    }

    /// <summary>String attributes of the file's root (model_config, keras_version, backend) where present.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The layers that have a weights entry (possibly empty) in the file.</summary>
    public IEnumerable<string> LayerNames => _weights.Keys;

    /// <summary>The weights stored for a layer, or null when the file has no entry for it.</summary>
    public IReadOnlyList<KerasTensor>? For(string layerName) => _weights.TryGetValue(layerName, out var list) ? list : null;

    /// <summary>Reads the HDF5 bytes (the whole file in memory: Keras files of the DiET size are small).</summary>
    public static KerasWeightFile Read(byte[] bytes, string source)
    {
        if (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != (byte)'H' || bytes[2] != (byte)'D' || bytes[3] != (byte)'F')
        {
            throw new InvalidFileException(source, "not an HDF5 file (no HDF5 signature at its start): a Keras .h5 or .weights.h5 was expected");
        }
#if NET
        try
        {
            using var file = H5File.Open(new MemoryStream(bytes, writable: false), leaveOpen: false);
            return ReadOpened(file, source);
        }
        catch (DietGraspException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PureHDF reports a truncated or corrupt file with many exception types (end of stream,
            // format, index, invalid operation); all of them mean the same thing to a user.
            throw new InvalidFileException(source, $"not a readable HDF5 file, truncated or corrupt ({ex.GetType().Name}: {FirstLine(ex.Message)})", ex);
        }
#else
        throw new InvalidFileException(source, "reading Keras HDF5 files needs the net10.0 build of Seismic.DietGrasp (its HDF5 reader, PureHDF 2.2.0, targets .NET 6 and later); convert once with 'dietgrasp convert-keras' and load the .onnx file");
#endif
    }

#if NET
    private static KerasWeightFile ReadOpened(IH5Group file, string source)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "model_config", "keras_version", "backend" })
        {
            if (file.AttributeExists(name) && ReadString(file.Attribute(name)) is { } value)
            {
                attributes[name] = value;
            }
        }
        var weights = new Dictionary<string, IReadOnlyList<KerasTensor>>(StringComparer.Ordinal);
        if (file.LinkExists("layers") && !file.AttributeExists("layer_names"))
        {
            ReadKeras3(file.Group("layers"), weights, source);
        }
        else
        {
            var root = file.LinkExists("model_weights") ? file.Group("model_weights") : file;
            if (!root.AttributeExists("layer_names"))
            {
                throw new InvalidFileException(source, "an HDF5 file without Keras weights: no 'model_weights' group, no 'layer_names' attribute (Keras 2) and no 'layers' group (Keras 3)");
            }
            foreach (var layerName in ReadStringList(root, "layer_names"))
            {
                weights[layerName] = ReadKeras2Layer(root, layerName, source);
            }
        }
        return new KerasWeightFile(weights, attributes);
    }

    private static List<KerasTensor> ReadKeras2Layer(IH5Group root, string layerName, string source)
    {
        if (!root.LinkExists(layerName))
        {
            throw new InvalidFileException(source, $"layer '{layerName}' is listed in 'layer_names' but has no group in the file");
        }
        var group = root.Group(layerName);
        var tensors = new List<KerasTensor>();
        foreach (var weightName in ReadStringList(group, "weight_names"))
        {
            if (!group.LinkExists(weightName))
            {
                throw new InvalidFileException(source, $"layer '{layerName}': weight '{weightName}' is listed in 'weight_names' but missing from the file");
            }
            tensors.Add(ReadDataset(group.Dataset(weightName), weightName, layerName, source));
        }
        return tensors;
    }

    private static void ReadKeras3(IH5Group layers, Dictionary<string, IReadOnlyList<KerasTensor>> weights, string source)
    {
        foreach (var child in layers.Children().OfType<IH5Group>())
        {
            var tensors = new List<KerasTensor>();
            if (child.LinkExists("vars"))
            {
                var vars = child.Group("vars");
                for (var i = 0; vars.LinkExists(i.ToString(System.Globalization.CultureInfo.InvariantCulture)); i++)
                {
                    var name = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    tensors.Add(ReadDataset(vars.Dataset(name), "vars/" + name, child.Name, source));
                }
            }
            weights[child.Name] = tensors;
        }
    }

    private static KerasTensor ReadDataset(IH5Dataset dataset, string weightName, string layerName, string source)
    {
        var shape = dataset.Space.Dimensions.Select(d => checked((int)d)).ToArray();
        if (dataset.Type.Class != H5DataTypeClass.FloatingPoint || dataset.Type.Size is not (4 or 8))
        {
            throw new InvalidFileException(source, $"layer '{layerName}': weight '{weightName}' is {dataset.Type.Class} of {dataset.Type.Size} bytes; float32 or float64 weights are supported");
        }
        var values = dataset.Type.Size == 4
            ? dataset.Read<float[]>()
            : Array.ConvertAll(dataset.Read<double[]>(), v => (float)v);
        return new KerasTensor(weightName, shape, values);
    }

    /// <summary>A string list attribute; Keras 2 splits long ones into NAME0, NAME1, ... and writes an empty list as a float array.</summary>
    private static IEnumerable<string> ReadStringList(IH5Object owner, string name)
    {
        var parts = new List<IH5Attribute>();
        if (owner.AttributeExists(name))
        {
            parts.Add(owner.Attribute(name));
        }
        else
        {
            for (var i = 0; owner.AttributeExists(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)); i++)
            {
                parts.Add(owner.Attribute(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        foreach (var part in parts)
        {
            if (part.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
            {
                continue;
            }
            foreach (var value in part.Read<string[]>())
            {
                yield return value;
            }
        }
    }

    private static string? ReadString(IH5Attribute attribute)
    {
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            return null;
        }
        return attribute.Space.Type == H5DataspaceType.Scalar ? attribute.Read<string>() : attribute.Read<string[]>().FirstOrDefault();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
#endif
}
