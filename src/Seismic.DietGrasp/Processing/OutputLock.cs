using System.Globalization;
using System.Text.RegularExpressions;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// The exclusive hold of one run on its output folder: <c>OUT/.dietgrasp.lock</c> opened without sharing (an
/// advisory <c>flock</c> on Linux and macOS, a share lock on Windows), which the system releases when the
/// process ends, even by kill -9. Two runs on one folder used to compute everything twice and leave one
/// model's probabilities beside the other's candidates (issue 15, fault 7). The holder's process id goes to
/// <c>OUT/.dietgrasp.pid</c> for the refusal message. Once held, the temporary files that killed runs left
/// behind (<c>.NAME.GUID.tmp</c>, see AtomicFile) are removed: no other writer can own them.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private const string LockFile = ".dietgrasp.lock";
    private const string ProcessFile = ".dietgrasp.pid";
    private static readonly Regex StaleTemporary = new(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant);
    private readonly FileStream _lock;
    private readonly string _processFile;

    private OutputLock(FileStream held, string processFile)
    {
        _lock = held;
        _processFile = processFile;
    }

    /// <summary>Takes the folder (created when missing).</summary>
    /// <exception cref="OutputInUseException">Another run holds it.</exception>
    public static OutputLock Acquire(string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var lockPath = Path.Combine(outputDirectory, LockFile);
        var processFile = Path.Combine(outputDirectory, ProcessFile);
        FileStream held;
        try
        {
            held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new OutputInUseException(outputDirectory, ReadHolder(processFile));
        }
        try
        {
            IO.AtomicFile.WriteText(processFile, writer => writer.Write(CurrentProcessId.ToString(CultureInfo.InvariantCulture)));
        }
        catch
        {
            held.Dispose();
            throw;
        }
        return new OutputLock(held, processFile);
    }

    /// <summary>Removes the temporary files of killed runs in <paramref name="folder"/> (and its subfolders when <paramref name="recursive"/>); returns how many.</summary>
    public static int RemoveStaleTemporaries(string folder, bool recursive = true)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder, ".*.tmp", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
        {
            if (StaleTemporary.IsMatch(Path.GetFileName(path)))
            {
                File.Delete(path);
                removed++;
            }
        }
        return removed;
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_processFile);
        }
        catch (IOException)
        {
        }
        // The lock file stays: deleting it would let a third run lock a new file while a second still holds the old one.
        _lock.Dispose();
    }

#if NET
    private static int CurrentProcessId => Environment.ProcessId;
#else
    private static int CurrentProcessId
    {
        get
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return process.Id;
        }
    }
#endif

    private static int? ReadHolder(string processFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(processFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
