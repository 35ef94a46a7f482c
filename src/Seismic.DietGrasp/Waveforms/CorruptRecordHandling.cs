namespace Seismic.DietGrasp.Waveforms;

/// <summary>What indexing does with a corrupt miniSEED record or SAC file (<see cref="WaveformArchive.Scan(string, int, CorruptRecordHandling, CancellationToken)"/>, <c>dietgrasp run --on-corrupt</c>).</summary>
public enum CorruptRecordHandling
{
    /// <summary>Stop with an <see cref="InvalidFileException"/> naming the file, record and byte offset (the default: nothing is lost silently).</summary>
    Fail,

    /// <summary>
    /// Leave the record out and go on: its minutes are empty, and <see cref="WaveformArchive.LeftOutRecords"/> names the
    /// file, record, byte offset, channel and time. Every record's data is decoded once while indexing, to find the
    /// corrupt ones before any minute is classified.
    /// </summary>
    Skip,
}
