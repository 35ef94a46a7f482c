namespace Seismic.DietGrasp;

/// <summary>
/// The base of every expected failure the library reports: bad input data, a bad file or
/// table, a parameter out of range, or a model that does not fit the DiET contract.
/// Catch this type to handle all of them; any other exception type is a bug.
/// </summary>
public abstract class DietGraspException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and where.</summary>
    /// <param name="message">What is wrong, naming the file, row, column, record or parameter.</param>
    /// <param name="innerException">The low-level cause, if any.</param>
    protected DietGraspException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>Waveform samples in memory that cannot be processed (NaN, wrong length, dead channel, ...).</summary>
public sealed class InvalidWaveformException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the samples.</param>
    public InvalidWaveformException(string message)
        : base(message)
    {
    }
}

/// <summary>A parameter outside its allowed range or set of values.</summary>
public sealed class InvalidParameterException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameterName">The parameter's name as the user knows it (e.g. <c>k</c>, <c>Std_thres</c>).</param>
    /// <param name="message">What was given and what is expected.</param>
    public InvalidParameterException(string parameterName, string message)
        : base($"{parameterName}: {message}")
    {
        ParameterName = parameterName;
    }

    /// <summary>The name of the offending parameter.</summary>
    public string ParameterName { get; }
}

/// <summary>
/// A binary file (waveform, <c>.npy</c>, model) that cannot be read: missing, truncated, corrupt
/// or of an unsupported kind.
/// </summary>
public sealed class InvalidFileException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or a description of the stream) being read.</param>
    /// <param name="message">What is wrong, with the record or byte offset where it applies.</param>
    /// <param name="innerException">The low-level cause, if any.</param>
    public InvalidFileException(string filePath, string message, Exception? innerException = null)
        : base($"{filePath}: {message}", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }
}

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

/// <summary>An ONNX model that cannot be loaded or does not fit the DiET contract [N, 73, 71, 3] -> [N, 3].</summary>
public sealed class ModelContractException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the model has and what DiET expects.</param>
    /// <param name="innerException">The low-level cause, if any.</param>
    public ModelContractException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>An output folder that another run (this process or another) is writing to at the same time.</summary>
public sealed class OutputInUseException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outputDirectory">The folder.</param>
    /// <param name="holderProcessId">The process id of the run holding it, when known.</param>
    public OutputInUseException(string outputDirectory, int? holderProcessId)
        : base($"{outputDirectory}: another dietgrasp run {(holderProcessId is { } pid ? $"(PID {pid}) " : string.Empty)}is writing to this output folder; wait for it to finish, stop it, or choose another --out")
    {
        OutputDirectory = outputDirectory;
        HolderProcessId = holderProcessId;
    }

    /// <summary>The folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The process id of the run holding the folder, when known.</summary>
    public int? HolderProcessId { get; }
}
