using System.Globalization;
using System.Security.Cryptography;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// <c>OUT/manifest.sha256</c>: the SHA-256 of every top-level file of a finished run, in <c>sha256sum</c>
/// format (check a set with <c>sha256sum -c manifest.sha256</c>). A run removes it before writing anything and
/// writes it last, so a set without it (a run killed in its final stage over an earlier run's output: new
/// probability tables beside old candidates) or whose files do not match it is incomplete; the next run
/// rewrites every top-level file from the days and writes it again.
/// </summary>
internal static class RunManifest
{
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
        var lines = files.Select(file => $"{Sha256(file)}  {Path.GetFileName(file)}").ToList();
        IO.AtomicFile.WriteText(Path.Combine(outputDirectory, RunLayout.ManifestFile), writer =>
        {
            foreach (var line in lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }
        });
    }

    private static string Sha256(string path)
    {
        using var sha = SHA256.Create();
        using var stream = File.OpenRead(path);
        return string.Concat(sha.ComputeHash(stream).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
