namespace Seismic.DietGrasp.IO;

/// <summary>
/// Writes a file so that readers never see it half-written: the content goes to a temporary
/// name in the same folder (same volume, so the final rename is atomic), then replaces the target.
/// A failure deletes the temporary file and leaves any earlier target untouched.
/// The content is not forced to disk (no fsync): the rename already guarantees that a killed
/// process never leaves a half-written file, and an fsync per table would cost more than the
/// computation on large outputs; surviving a power cut is left to the file system.
/// </summary>
/// <remarks>
/// On Linux an existing target is replaced by swapping it with the new file (renameat2 with RENAME_EXCHANGE)
/// and deleting the old content, rather than by renaming over it: readers still see the old file or the new
/// one, never neither, but ext4 then does not push the whole new file towards the disk inside the rename
/// (its auto_da_alloc heuristic for rename-over-existing), which stalls a 187 MB spectrogram file by
/// 50-70 ms. The price: after a power cut within the file system's write-back delay (about 30 s), a replaced
/// file may come back empty instead of old or new, as a newly created one may already.
/// </remarks>
internal static partial class AtomicFile
{
#if NET
    private const int CurrentFolder = -100; // AT_FDCWD
    private const uint SwapBothNames = 2; // RENAME_EXCHANGE
#endif

    public static void Write(string path, Action<FileStream> writeContent)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = TemporaryFor(fullPath);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                writeContent(stream);
                stream.Flush();
            }
            Replace(temporary, fullPath);
        }
        catch (IOException e) when (e.Message.Contains(temporary))
        {
            TryDelete(temporary);
            throw NamingTarget(e, temporary, fullPath);
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

    /// <summary>A new temporary name beside <paramref name="fullPath"/> (its folder created when missing): <c>.NAME.GUID.tmp</c>, which a later run removes when a kill left it.</summary>
    internal static string TemporaryFor(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>A full disk or a quota names the temporary file; the user knows the target.</summary>
    internal static IOException NamingTarget(IOException e, string temporary, string fullPath) =>
        new($"cannot write {fullPath}: {e.Message.Replace($"'{temporary}'", "it").Replace(temporary, "it")}", e);

    /// <summary>Puts a finished temporary file in the target's place (see the type's remarks).</summary>
    internal static void Replace(string source, string target)
    {
#if NETSTANDARD2_0
        if (File.Exists(target))
        {
            File.Replace(source, target, destinationBackupFileName: null);
            return;
        }
        File.Move(source, target);
#else
        if (TrySwap(source, target))
        {
            TryDelete(source);
            return;
        }
        File.Move(source, target, overwrite: true);
#endif
    }

#if NET
    /// <summary>Swaps the new file with an existing regular file (not a folder) where Linux and the file system allow it.</summary>
    private static bool TrySwap(string source, string target)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(target))
        {
            return false;
        }
        try
        {
            return RenameAt2(CurrentFolder, source, CurrentFolder, target, SwapBothNames) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int RenameAt2(int sourceFolder, string source, int targetFolder, string target, uint flags);
#endif

    internal static void TryDelete(string path)
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
