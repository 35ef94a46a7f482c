namespace Seismic.DietGrasp.IO;

/// <summary>
/// Opens the files the library reads. A missing or unopenable file is an expected failure, so it
/// becomes an <see cref="InvalidFileException"/> naming the file, like every other bad input.
/// </summary>
internal static class InputFile
{
    public static FileStream OpenRead(string path, int bufferSize = 4096)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidFileException(path, e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                UnauthorizedAccessException => "cannot be opened for reading (permission denied, or it is a folder)",
                _ => $"cannot be opened for reading ({e.Message})",
            }, e);
        }
    }
}
