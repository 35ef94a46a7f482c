using CsvHelper;

namespace Seismic.DietGrasp.IO;

/// <summary>
/// A table written row by row in <see cref="CsvTable.Write(string, IReadOnlyList{string}, IEnumerable{string[]})"/>'s format (the same bytes), put in place by
/// <see cref="Commit"/>; several can be open at once. Disposed without a commit, nothing replaces the target.
/// </summary>
internal sealed class CsvTableWriter : IDisposable
{
    private readonly AtomicTextFile _file;
    private readonly CsvWriter _writer;
    private bool _closed;

    public CsvTableWriter(string path, IReadOnlyList<string> header)
    {
        _file = new AtomicTextFile(path);
        _writer = CsvWriter.Create(_file.Writer, CsvTable.WriterOptions, leaveOpen: true);
        try
        {
            _file.Guarded(() => _writer.WriteHeader(header.ToArray()));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void WriteRow(string[] fields) => _file.Guarded(() => _writer.WriteRecord(fields));

    public void Commit()
    {
        _file.Guarded(() =>
        {
            _writer.Flush();
            Close();
        });
        _file.Commit();
    }

    public void Dispose()
    {
        Close();
        _file.Dispose();
    }

    private void Close()
    {
        if (!_closed)
        {
            _closed = true;
            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // A full disk fails the last flush (already reported by the write that failed first).
            }
        }
    }
}
