using System.Text.Json;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>
/// Reads a Keras model config (the JSON of <c>model.to_json()</c>, the <c>model_config</c> attribute or
/// a <c>.keras</c> file's <c>config.json</c>) into layers in graph order. Sequential models (Keras 2.0's bare
/// layer list, later Keras 2 and Keras 3) are chained; functional models (class Model or Functional)
/// follow <c>inbound_nodes</c> in both the Keras 2 list form and the Keras 3 <c>keras_history</c> form.
/// </summary>
internal static class KerasConfigReader
{
    public static (List<KerasLayerSpec> Layers, List<string> Inputs, List<string> Outputs) Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidFileException(source, $"the model config is not valid JSON ({ex.Message})", ex);
        }
        var root = document.RootElement.Clone();
        document.Dispose();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("class_name", out var classElement))
        {
            throw new InvalidFileException(source, "the model config has no 'class_name': not a Keras model config (model.to_json() output)");
        }
        var modelClass = classElement.GetString() ?? string.Empty;
        var config = root.TryGetProperty("config", out var c) ? c : default;
        return modelClass switch
        {
            "Sequential" => ReadSequential(config, source),
            "Model" or "Functional" => ReadFunctional(config, source),
            _ => throw new InvalidFileException(source, $"model class '{modelClass}' is not supported; Sequential and functional (Model, Functional) models are"),
        };
    }

    private static (List<KerasLayerSpec>, List<string>, List<string>) ReadSequential(JsonElement config, string source)
    {
        var layerList = config.ValueKind == JsonValueKind.Array ? config
            : config.ValueKind == JsonValueKind.Object && config.TryGetProperty("layers", out var l) ? l
            : throw new InvalidFileException(source, "the Sequential model config has no 'layers' list");
        var layers = new List<KerasLayerSpec>();
        string? previous = null;
        foreach (var entry in layerList.EnumerateArray())
        {
            var (name, className, layerConfig) = Describe(entry, source);
            if (previous is null && className != "InputLayer")
            {
                // Keras 2 puts the input shape on the first layer (batch_input_shape); Keras 3 on the model (build_input_shape).
                var shape = KerasJson.OptionalShape(layerConfig, "batch_input_shape")
                    ?? KerasJson.OptionalShape(layerConfig, "batch_shape")
                    ?? (config.ValueKind == JsonValueKind.Object ? KerasJson.OptionalShape(config, "build_input_shape") : null)
                    ?? throw new InvalidFileException(source, $"the Sequential model declares no input shape (no InputLayer, no batch_input_shape on its first layer '{name}')");
                var inputName = name + "_input";
                layers.Add(new KerasLayerSpec(inputName, "InputLayer", KerasJson.InputConfig(shape), Array.Empty<string>()));
                previous = inputName;
            }
            layers.Add(new KerasLayerSpec(name, className, layerConfig, previous is null ? Array.Empty<string>() : new[] { previous }));
            previous = name;
        }
        if (previous is null)
        {
            throw new InvalidFileException(source, "the Sequential model has no layers");
        }
        return (layers, new List<string> { layers[0].Name }, new List<string> { previous });
    }

    private static (List<KerasLayerSpec>, List<string>, List<string>) ReadFunctional(JsonElement config, string source)
    {
        if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty("layers", out var layerList))
        {
            throw new InvalidFileException(source, "the functional model config has no 'layers' list");
        }
        var layers = new List<KerasLayerSpec>();
        foreach (var entry in layerList.EnumerateArray())
        {
            var (name, className, layerConfig) = Describe(entry, source);
            var inbound = new List<string>();
            if (entry.TryGetProperty("inbound_nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
            {
                var nodeCount = nodes.GetArrayLength();
                if (nodeCount > 1)
                {
                    throw new InvalidFileException(source, $"layer '{name}' ({className}) is called {nodeCount} times (a shared layer); each layer may be used once");
                }
                foreach (var node in nodes.EnumerateArray())
                {
                    CollectHistory(node, inbound);
                }
            }
            layers.Add(new KerasLayerSpec(name, className, layerConfig, inbound));
        }
        var inputs = LayerReferences(config, "input_layers", source);
        var outputs = LayerReferences(config, "output_layers", source);
        return (layers, inputs, outputs);
    }

    private static (string Name, string ClassName, JsonElement Config) Describe(JsonElement entry, string source)
    {
        var className = entry.TryGetProperty("class_name", out var c) ? c.GetString() : null;
        var config = entry.TryGetProperty("config", out var cfg) ? cfg : default;
        var name = entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
            : config.ValueKind == JsonValueKind.Object && config.TryGetProperty("name", out var cn) ? cn.GetString() : null;
        if (className is null || name is null || config.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidFileException(source, "a layer in the model config lacks its class_name, name or config");
        }
        return (name, className, config);
    }

    /// <summary>Layer names a node reads: Keras 2 <c>[["name", node, tensor, {...}], ...]</c>, Keras 3 <c>{"args": [...], "kwargs": {...}}</c> with <c>keras_history</c>.</summary>
    private static void CollectHistory(JsonElement node, List<string> inbound)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                if (node.GetArrayLength() >= 3 && node[0].ValueKind == JsonValueKind.String && node[1].ValueKind == JsonValueKind.Number)
                {
                    inbound.Add(node[0].GetString()!);
                    return;
                }
                foreach (var item in node.EnumerateArray())
                {
                    CollectHistory(item, inbound);
                }
                return;
            case JsonValueKind.Object:
                if (node.TryGetProperty("keras_history", out var history) && history.ValueKind == JsonValueKind.Array)
                {
                    inbound.Add(history[0].GetString()!);
                    return;
                }
                if (node.TryGetProperty("config", out var config))
                {
                    CollectHistory(config, inbound);
                    return;
                }
                if (node.TryGetProperty("args", out var args))
                {
                    // Keyword arguments of Keras 3 calls (training flags, masks) are not layer inputs.
                    CollectHistory(args, inbound);
                }
                return;
            default:
                return;
        }
    }

    private static List<string> LayerReferences(JsonElement config, string property, string source)
    {
        if (!config.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new InvalidFileException(source, $"the functional model config has no '{property}'");
        }
        // Keras 3 writes a single reference as ["name", 0, 0] rather than [["name", 0, 0]].
        if (list[0].ValueKind == JsonValueKind.String)
        {
            return new List<string> { list[0].GetString()! };
        }
        return list.EnumerateArray().Select(item => item[0].GetString()!).ToList();
    }
}
