using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What made a day's probabilities, apart from its input files: the package version, the model (by the
/// SHA-256 of its bytes, so a moved or copied model file is the same model, a retrained one is not), the
/// high-pass corner, the sensitivities, a channel override (<see cref="RunOptions.Channels"/>) and the stations. <see cref="SettingsHash"/> is what a day partition is
/// matched on (with its minutes and input files), and what <c>associate</c> requires to be the same on every day.
/// </summary>
internal sealed class RunProvenance
{
    public RunProvenance(string version, string modelSource, string modelSha256, string? modelCard, double highPass, string sensitivity, string channels, StationNetwork stations, Spectrogram.SpectrogramPrecision precision = Spectrogram.SpectrogramPrecision.Double)
    {
        Version = version;
        ModelSource = modelSource;
        ModelSha256 = modelSha256;
        ModelCard = modelCard;
        HighPass = highPass;
        Sensitivity = sensitivity;
        Channels = channels;
        StationCount = stations.Count;
        var text = new StringBuilder();
        for (var s = 0; s < stations.Count; s++)
        {
            text.Append(stations.Names[s]).Append(',').Append(CsvTable.Format(stations.Latitudes[s])).Append(',').Append(CsvTable.Format(stations.Longitudes[s])).Append('\n');
        }
        StationsSha256 = Sha256(Encoding.UTF8.GetBytes(text.ToString()));
        var settings = string.Join("\n", version, modelSha256, HighPass.ToString("R", CultureInfo.InvariantCulture), sensitivity, channels, StationsSha256);
        // Float32 transforms make other probabilities: a partition made one way is not reused by a run made the other
        // (double keeps the hash it always had).
        SettingsHash = Sha256(Encoding.UTF8.GetBytes(precision == Spectrogram.SpectrogramPrecision.Single ? settings + "\nspectrogram float32" : settings));
    }

    /// <summary>The package's informational version (the version and the commit it was built from).</summary>
    public static string PackageVersion { get; } =
        typeof(RunProvenance).GetTypeInfo().Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public string Version { get; }

    public string ModelSource { get; }

    public string ModelSha256 { get; }

    /// <summary>The model card's file name (the bundled model's, or <c>M.json</c> beside <c>M.onnx</c>); null when there is none.</summary>
    public string? ModelCard { get; }

    public double HighPass { get; }

    public string Sensitivity { get; }

    /// <summary>
    /// The channel override in words, empty for the automatic choice. An override is part of what made a day (a
    /// multi-channel miniSEED file can hold both sets, so the day's input files alone would not tell).
    /// </summary>
    public string Channels { get; }

    public int StationCount { get; }

    public string StationsSha256 { get; }

    public string SettingsHash { get; }

    /// <summary>The provenance of a run's classification with <paramref name="options"/>.</summary>
    public static RunProvenance For(RunOptions options, StationNetwork stations)
    {
        string source, sha;
        string? card;
        if (options.ModelPath is null)
        {
            var (onnx, cardName) = DietModel.OpenBundled(DietModel.DefaultBundledVersion);
            using (onnx)
            {
                sha = Sha256(onnx);
            }
            source = $"bundled {Path.ChangeExtension(cardName, ".onnx")}";
            card = cardName;
        }
        else
        {
            using (var stream = File.OpenRead(options.ModelPath))
            {
                sha = Sha256(stream);
            }
            source = Path.GetFileName(options.ModelPath);
            var sidecar = Path.ChangeExtension(options.ModelPath, ".json");
            card = File.Exists(sidecar) ? Path.GetFileName(sidecar) : null;
        }
        var channels = options.Channels.Priority.Count == 0 && options.Channels.Location is null ? string.Empty : options.Channels.ToString();
        return new RunProvenance(PackageVersion, source, sha, card, options.HighPass, options.Sensitivity?.Description ?? "counts", channels, stations, options.EffectiveSpectrogramPrecision);
    }

    public static string Sha256(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(bytes));
    }

    /// <summary>The SHA-256 of a file's bytes, as <c>sha256sum</c> prints it.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Sha256(stream);
    }

    public static string Sha256(Stream stream)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(stream));
    }

    private static string Hex(byte[] hash) => string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
