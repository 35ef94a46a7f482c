using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// A file of true labels for <see cref="DietEvaluation"/> (<c>dietgrasp evaluate --labels</c>): a header row
/// <c>label</c>, then one class name per row (earthquake, tremor or noise), in the order of the minutes.
/// </summary>
public static class DietLabelFile
{
    /// <summary>The header line.</summary>
    public const string Header = "label";

    /// <summary>Reads the labels.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>One class per row.</returns>
    /// <exception cref="InvalidTableException">The header is not <c>label</c>, a row has more than one field, or a name is not a class (the message names line and value).</exception>
    public static IReadOnlyList<DietClass> Read(string path)
    {
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
        if (header.Length != 1 || header[0].Trim() != Header)
        {
            throw new InvalidTableException(path, 1, 0, $"the header is '{string.Join(",", header)}'; expected '{Header}'");
        }
        var labels = new List<DietClass>(rows.Count);
        foreach (var row in rows)
        {
            CsvTable.RequireFieldCount(path, row, 1, "one class name");
            if (!DietEvaluation.TryParseClass(row.Fields[0], out var kind))
            {
                throw new InvalidTableException(path, row.Line, 1, $"'{row.Fields[0]}' is not a class; expected earthquake, tremor or noise");
            }
            labels.Add(kind);
        }
        return labels;
    }
}
