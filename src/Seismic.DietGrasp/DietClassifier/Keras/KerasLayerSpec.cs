using System.Text.Json;

namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>One layer as the model's config describes it: name, class, its config object and the layers it reads.</summary>
internal sealed class KerasLayerSpec
{
    public KerasLayerSpec(string name, string className, JsonElement config, IReadOnlyList<string> inbound)
    {
        Name = name;
        ClassName = className;
        Config = config;
        Inbound = inbound;
    }

    public string Name { get; }

    public string ClassName { get; }

    public JsonElement Config { get; }

    /// <summary>The names of the layers whose outputs this layer reads, in argument order.</summary>
    public IReadOnlyList<string> Inbound { get; }
}
