namespace Seismic.DietGrasp.Processing;

/// <summary>What a day partition's <see cref="RunLayout.DayManifestFile"/> says (see <see cref="RunManifest.WriteDay"/>).</summary>
internal sealed record DayManifest(
    string Version,
    string ModelSource,
    string ModelSha256,
    string? ModelCard,
    double HighPass,
    string Sensitivity,
    string Channels,
    int StationCount,
    string StationsSha256,
    DateTime Start,
    DateTime End,
    string Preprocessing,
    int InputCount,
    string InputsSha256);
