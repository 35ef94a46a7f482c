using System.Globalization;
using System.Text.Json;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Typed reads of a layer's config values, with Keras's defaults and errors that name the layer.</summary>
internal static class KerasJson
{
    public static int? OptionalInt(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static double Double(JsonElement config, string name, double fallback) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : fallback;

    public static double? OptionalDouble(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static bool Bool(JsonElement config, string name, bool fallback) =>
        config.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    public static string String(JsonElement config, string name, string fallback) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    /// <summary>An int or a list of ints, as a list of <paramref name="rank"/> values (a single int is repeated).</summary>
    public static int[]? OptionalInts(JsonElement config, string name, int rank)
    {
        if (!config.TryGetProperty(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return Enumerable.Repeat(value.GetInt32(), rank).ToArray();
        }
        if (value.ValueKind == JsonValueKind.Array)
        {
            var list = value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
            return list.Length == 1 && rank > 1 ? Enumerable.Repeat(list[0], rank).ToArray() : list;
        }
        return null;
    }

    /// <summary>A shape list with nulls (Keras 2 <c>batch_input_shape</c>, Keras 3 <c>batch_shape</c>), or null when absent.</summary>
    public static int?[]? OptionalShape(JsonElement config, string name)
    {
        if (!config.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetInt32() : (int?)null).ToArray();
    }

    /// <summary>An InputLayer config for a Sequential model whose input shape sits on its first layer.</summary>
    public static JsonElement InputConfig(int?[] shape)
    {
        var list = string.Join(", ", shape.Select(s => s is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null"));
        using var document = JsonDocument.Parse("{\"batch_input_shape\": [" + list + "]}");
        return document.RootElement.Clone();
    }
}
