namespace Seismic.DietGrasp.IO;

/// <summary>
/// A text file written piece by piece and put in place whole by <see cref="Commit"/>, as
/// <see cref="AtomicFile"/> does for a file written at once: several can be open together (associate
/// streams seven tables at once, a day at a time, instead of holding a year of rows). Disposed without
/// a commit, the temporary file is deleted and any earlier target stays.
/// </summary>
internal sealed class AtomicTextFile : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private bool _done;

    public AtomicTextFile(string path)
    {
        _target = System.IO.Path.GetFullPath(path);
        _temporary = AtomicFile.TemporaryFor(_target);
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Writer = new StreamWriter(_stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
    }

    /// <summary>The file's text.</summary>
    public TextWriter Writer { get; }

    /// <summary>
    /// Runs <paramref name="write"/>; a failure that names the temporary file (a full disk, a quota) is thrown
    /// as one that names the target, which the user knows.
    /// </summary>
    public void Guarded(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e.Message.Contains(_temporary))
        {
            throw AtomicFile.NamingTarget(e, _temporary, _target);
        }
    }

    /// <summary>Flushes the text and replaces the target with it.</summary>
    public void Commit() =>
        Guarded(() =>
        {
            Writer.Flush();
            Writer.Dispose();
            _stream.Dispose();
            AtomicFile.Replace(_temporary, _target);
            _done = true;
        });

    public void Dispose()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        // A full disk fails the last flushes; the handle is closed and the temporary file goes anyway
        // (a handle left open kept a full tmpfs from being unmounted).
        Quietly(Writer.Dispose);
        Quietly(_stream.Dispose);
        AtomicFile.TryDelete(_temporary);
    }

    private static void Quietly(Action dispose)
    {
        try
        {
            dispose();
        }
        catch (IOException)
        {
        }
    }
}
