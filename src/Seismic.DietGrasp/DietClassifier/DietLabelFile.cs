using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// A file of true labels for <see cref="DietEvaluation"/> (<c>dietgrasp evaluate --labels</c>): a header row
/// <c>label</c>, then one class name per row (earthquake, tremor or noise), in the order of the minutes; or a header
/// <c>label,group</c> and a second field naming each minute's group (a station, a site, a kind of source) for
/// <see cref="DietEvaluation.ByGroup"/>.
/// </summary>
public static class DietLabelFile
{
    /// <summary>The header line.</summary>
    public const string Header = "label";

    /// <summary>The header line with groups.</summary>
    public const string GroupedHeader = "label,group";

    /// <summary>Reads the labels.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>One class per row.</returns>
    /// <exception cref="InvalidTableException">The header is neither <c>label</c> nor <c>label,group</c>, a row has another number of fields than the header, a name is not a class, or a group is empty (the message names line and value).</exception>
    public static IReadOnlyList<DietClass> Read(string path) => ReadWithGroups(path).Labels;

    /// <summary>Reads the labels and, when the file has the <c>group</c> column, each minute's group.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>One class per row, and one group per row or null.</returns>
    /// <exception cref="InvalidTableException">As <see cref="Read"/>.</exception>
    public static (IReadOnlyList<DietClass> Labels, IReadOnlyList<string>? Groups) ReadWithGroups(string path)
    {
        var (header, rows) = CsvTable.Read(path, hasHeader: true);
        var names = string.Join(",", header.Select(h => h.Trim()));
        if (names != Header && names != GroupedHeader)
        {
            throw new InvalidTableException(path, 1, 0, $"the header is '{string.Join(",", header)}'; expected '{Header}' or '{GroupedHeader}'");
        }
        var grouped = header.Length == 2;
        var labels = new List<DietClass>(rows.Count);
        var groups = grouped ? new List<string>(rows.Count) : null;
        foreach (var row in rows)
        {
            CsvTable.RequireFieldCount(path, row, header.Length, grouped ? "a class name and a group" : "one class name");
            if (!DietEvaluation.TryParseClass(row.Fields[0], out var kind))
            {
                throw new InvalidTableException(path, row.Line, 1, $"'{row.Fields[0]}' is not a class; expected earthquake, tremor or noise");
            }
            labels.Add(kind);
            if (groups is not null)
            {
                var group = row.Fields[1].Trim();
                if (group.Length == 0)
                {
                    throw new InvalidTableException(path, row.Line, 2, "the group is empty; name each minute's group (a station, a site, a kind of source)");
                }
                groups.Add(group);
            }
        }
        return (labels, groups);
    }
}
