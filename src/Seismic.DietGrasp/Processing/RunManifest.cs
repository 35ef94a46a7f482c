using System.Text;
using System.Text.Json;
using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The manifests of an output folder. <c>OUT/manifest.sha256</c>: the SHA-256 of every top-level file of a
/// finished run, in <c>sha256sum</c> format (check a set with <c>sha256sum -c manifest.sha256</c>). A run removes
/// it before writing anything and writes it last, so a set without it (a run killed in its final stage over an
/// earlier run's output: new probability tables beside old candidates) or whose files do not match it is
/// incomplete; the next run rewrites every top-level file from the days and writes it again. The provenance
/// beside it: each day partition's <see cref="RunLayout.DayManifestFile"/> (version, model SHA-256 and card,
/// parameters, minutes, input files) and the set's <see cref="RunLayout.RunManifestFile"/> (the same, the GrASP
/// parameters, and each day's manifest by SHA-256). Neither holds a clock time or a host name, so the same
/// inputs give the same bytes on any machine: <c>run</c> and <c>day</c> + <c>associate</c> agree byte for byte.
/// </summary>
internal static class RunManifest
{
    private const string DayFormat = "dietgrasp-day-manifest-v1";
    private const string RunFormat = "dietgrasp-run-manifest-v1";

    /// <summary>Marks the folder's set as being rewritten.</summary>
    public static void Begin(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, RunLayout.ManifestFile);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes the manifest of <paramref name="files"/> (full paths in the output folder).</summary>
    public static void Write(string outputDirectory, IReadOnlyList<string> files)
    {
        var lines = files.Select(file => $"{RunProvenance.Sha256OfFile(file)}  {Path.GetFileName(file)}").ToList();
        IO.AtomicFile.WriteText(Path.Combine(outputDirectory, RunLayout.ManifestFile), writer =>
        {
            foreach (var line in lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }
        });
    }

    /// <summary>
    /// Writes each station's chosen channel set (<see cref="RunLayout.ChannelChoiceFile"/>), one row per station in
    /// station-file order (empty set columns where a station had none); its SHA-256 goes into the manifest with the tables.
    /// </summary>
    public static void WriteChannelChoices(string path, Waveforms.ChannelSelection selection, IReadOnlyList<StationChannelChoice> choices)
    {
        var rows = choices.Select(choice => choice.Chosen is { } set
            ? new[] { choice.Station, set.Channels[0].Network, set.Location, set.Code, set.Channels[0].Channel, set.Channels[1].Channel, set.Channels[2].Channel, IO.CsvTable.Format(set.SamplingRate), set.Motion.ToString().ToLowerInvariant(), $"{choice.Reason} ({selection})" }
            : new[] { choice.Station, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, $"{choice.Reason} ({selection})" });
        IO.CsvTable.Write(path, new[] { "station", "network", "location", "code", "vx", "vy", "vz", "sampling_rate", "motion", "reason" }, rows);
    }

    /// <summary>Writes a day partition's manifest.</summary>
    public static void WriteDay(string path, RunProvenance provenance, DateTime start, DateTime end, string preprocessing, IReadOnlyList<string> inputs) =>
        WriteJson(path, json =>
        {
            WriteHead(json, DayFormat, provenance.Version, start, end);
            WriteModel(json, provenance.ModelSource, provenance.ModelSha256, provenance.ModelCard);
            json.WriteStartObject("parameters");
            json.WriteNumber("high_pass_hz", provenance.HighPass);
            json.WriteString("sensitivity", provenance.Sensitivity);
            json.WriteString("channels", provenance.Channels);
            json.WriteString("preprocessing", preprocessing);
            json.WriteEndObject();
            json.WriteStartObject("stations");
            json.WriteNumber("count", provenance.StationCount);
            json.WriteString("sha256", provenance.StationsSha256);
            json.WriteEndObject();
            json.WriteString("inputs_sha256", InputsSha256(inputs));
            json.WriteStartArray("inputs");
            foreach (var input in inputs)
            {
                json.WriteStringValue(input);
            }
            json.WriteEndArray();
        });

    /// <summary>Reads a day partition's manifest.</summary>
    /// <exception cref="InvalidFileException">Not a day manifest.</exception>
    public static DayManifest ReadDay(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != DayFormat)
            {
                throw new InvalidFileException(path, $"not a {DayFormat} file");
            }
            var model = root.GetProperty("model");
            var parameters = root.GetProperty("parameters");
            var stations = root.GetProperty("stations");
            return new DayManifest(
                Text(root, "version"),
                Text(model, "source"),
                Text(model, "sha256"),
                model.GetProperty("card").ValueKind == JsonValueKind.Null ? null : Text(model, "card"),
                parameters.GetProperty("high_pass_hz").GetDouble(),
                Text(parameters, "sensitivity"),
                Text(parameters, "channels"),
                stations.GetProperty("count").GetInt32(),
                Text(stations, "sha256"),
                ParseTime(Text(root, "start")),
                ParseTime(Text(root, "end")),
                Text(parameters, "preprocessing"),
                root.GetProperty("inputs").GetArrayLength(),
                Text(root, "inputs_sha256"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidFileException(path, $"not a readable day manifest ({e.Message})");
        }
    }

    /// <summary>Writes the set's provenance: the classification's (from the days, which agree), the GrASP parameters as used, and each day.</summary>
    public static void WriteRun(string path, DateTime start, DateTime end, GraspParameters grasp, int k, int epsg, IReadOnlyList<(string Date, DayManifest Manifest, string Sha256)> days) =>
        WriteJson(path, json =>
        {
            var first = days[0].Manifest;
            WriteHead(json, RunFormat, RunProvenance.PackageVersion, start, end);
            json.WriteStartObject("classification");
            json.WriteString("version", first.Version);
            WriteModel(json, first.ModelSource, first.ModelSha256, first.ModelCard);
            json.WriteNumber("high_pass_hz", first.HighPass);
            json.WriteString("sensitivity", first.Sensitivity);
            json.WriteString("channels", first.Channels);
            json.WriteEndObject();
            json.WriteStartObject("stations");
            json.WriteNumber("count", first.StationCount);
            json.WriteString("sha256", first.StationsSha256);
            json.WriteEndObject();
            json.WriteStartObject("grasp");
            json.WriteNumber("k", k);
            json.WriteNumber("prob_thres", grasp.ProbabilityThreshold);
            json.WriteNumber("min_stations", grasp.MinStations);
            json.WriteNumber("max_eigen", grasp.MaxEigen);
            json.WriteNumber("std_thres_km", grasp.StdThreshold);
            json.WriteNumber("cat_window_minutes", grasp.CategoryWindow);
            json.WriteNumber("epsg", epsg);
            json.WriteEndObject();
            json.WriteStartArray("days");
            foreach (var (date, manifest, sha) in days)
            {
                json.WriteStartObject();
                json.WriteString("date", date);
                json.WriteString("manifest_sha256", sha);
                json.WriteString("preprocessing", manifest.Preprocessing);
                json.WriteNumber("input_files", manifest.InputCount);
                json.WriteString("inputs_sha256", manifest.InputsSha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });

    private static void WriteJson(string path, Action<Utf8JsonWriter> body) =>
        IO.AtomicFile.Write(path, stream =>
        {
            // Relaxed escaping: '+' in a version and non-ASCII in a path stay readable (the file is never embedded in HTML).
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        });

    private static void WriteHead(Utf8JsonWriter json, string format, string version, DateTime start, DateTime end)
    {
        json.WriteString("format", format);
        json.WriteString("version", version);
        json.WriteString("start", MinuteClock.FormatIso(start));
        json.WriteString("end", MinuteClock.FormatIso(end));
    }

    private static void WriteModel(Utf8JsonWriter json, string source, string sha256, string? card)
    {
        json.WriteStartObject("model");
        json.WriteString("source", source);
        json.WriteString("sha256", sha256);
        WriteStringOrNull(json, "card", card);
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");

    private static string InputsSha256(IReadOnlyList<string> inputs) =>
        RunProvenance.Sha256(Encoding.UTF8.GetBytes(string.Concat(inputs.Select(line => line + "\n"))));

    private static DateTime ParseTime(string text) =>
        MinuteClock.TryParseIso(text, out var time) ? time : throw new FormatException($"'{text}' is not a time like 2016-04-01T12:34:00Z");
}
