namespace Seismic.DietGrasp;

/// <summary>A CSV table with a bad row, field or header.</summary>
public sealed class InvalidTableException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The table's file.</param>
    /// <param name="row">1-based line number in the file (the header is line 1), or 0 when the whole file is at fault.</param>
    /// <param name="column">1-based column, or 0 when the whole row is at fault.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public InvalidTableException(string filePath, int row, int column, string message)
        : base(Describe(filePath, row, column, message))
    {
        FilePath = filePath;
        Row = row;
        Column = column;
    }

    /// <summary>The table's file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number (header = 1), or 0 for the whole file.</summary>
    public int Row { get; }

    /// <summary>1-based column, or 0 for the whole row.</summary>
    public int Column { get; }

    private static string Describe(string filePath, int row, int column, string message)
    {
        var where = row <= 0 ? filePath
            : column <= 0 ? $"{filePath}, row {row}"
            : $"{filePath}, row {row}, column {column}";
        return $"{where}: {message}";
    }
}
