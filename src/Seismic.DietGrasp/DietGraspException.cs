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
