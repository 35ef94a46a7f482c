namespace Seismic.DietGrasp.Waveforms;

/// <summary>A record (or file) left out of an archive's index, with what is known of it.</summary>
/// <param name="Message">One line naming the file, the record, its byte offset and why.</param>
/// <param name="Channel">Its channel, when its header could be read.</param>
/// <param name="Time">Its start (or, for a record whose header is damaged, the end of the record before it), when known.</param>
/// <param name="Corrupt">True for a corrupt record (<see cref="CorruptRecordHandling.Skip"/>), false for one dated far outside its file.</param>
internal sealed record LeftOutRecord(string Message, ChannelId? Channel, DateTime? Time, bool Corrupt);
