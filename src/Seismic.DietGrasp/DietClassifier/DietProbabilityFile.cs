using System.Globalization;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// The per-input probability table of <c>dietgrasp classify</c>: header <c>earthquake,tremor,noise</c>,
/// then one row per spectrogram in input order.
/// </summary>
public static class DietProbabilityFile
{
    /// <summary>The header line.</summary>
    public const string Header = "earthquake,tremor,noise";

    /// <summary>
    /// Writes the table atomically (temporary file, then rename). Each float32 probability is written as
    /// the shortest text that reads back to exactly the same double (the float's exact value).
    /// </summary>
    /// <param name="path">The CSV file to write.</param>
    /// <param name="probabilities">One row per spectrogram.</param>
    public static void Write(string path, IReadOnlyList<DietProbabilities> probabilities)
    {
        Guard.NotNull(path, nameof(path));
        Guard.NotNull(probabilities, nameof(probabilities));
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write(Header);
            writer.Write('\n');
            foreach (var row in probabilities)
            {
                writer.Write(Format(row.Earthquake));
                writer.Write(',');
                writer.Write(Format(row.Tremor));
                writer.Write(',');
                writer.Write(Format(row.Noise));
                writer.Write('\n');
            }
        });
    }

    private static string Format(float value) => ((double)value).ToString("R", CultureInfo.InvariantCulture);
}
