namespace Seismic.DietGrasp.Processing;

/// <summary>A finished day partition as <c>associate</c> reads it: its tables (limited to the minutes asked for), the settings it was made with, its manifest and the manifest's SHA-256.</summary>
internal sealed record DayPartition(DayResult Day, string SettingsHash, DayManifest Manifest, string ManifestSha256);
