namespace Seismic.DietGrasp;

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
