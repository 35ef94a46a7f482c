namespace Seismic.DietGrasp.IO;

/// <summary>
/// Writes a file so that readers never see it half-written: the content goes to a temporary
/// name in the same folder (same volume, so the final rename is atomic), then replaces the target.
/// A failure deletes the temporary file and leaves any earlier target untouched.
/// The content is not forced to disk (no fsync): the rename already guarantees that a killed
/// process never leaves a half-written file, and an fsync per table would cost more than the
/// computation on large outputs; surviving a power cut is left to the file system.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<FileStream> writeContent)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                writeContent(stream);
                stream.Flush();
            }
            Replace(temporary, fullPath);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void WriteText(string path, Action<TextWriter> writeContent) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writeContent(writer);
        });

    private static void Replace(string source, string target)
    {
#if NETSTANDARD2_0
        if (File.Exists(target))
        {
            File.Replace(source, target, destinationBackupFileName: null);
            return;
        }
        File.Move(source, target);
#else
        File.Move(source, target, overwrite: true);
#endif
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
