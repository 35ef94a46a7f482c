namespace Seismic.DietGrasp.Waveforms;

/// <summary>Where a record lies, for error messages: file, 0-based record index and byte offset.</summary>
internal readonly record struct RecordLocation(string Path, int Index, long Offset)
{
    public InvalidFileException Fail(string message) => new(Path, $"miniSEED record {Index} (byte offset {Offset}): {message}");
}
