namespace Seismic.DietGrasp.Processing;

/// <summary>What a <see cref="RunWarning"/> is about.</summary>
public enum RunWarningKind
{
    /// <summary>Anything not listed below.</summary>
    Other,

    /// <summary>A file under the waveform folder left out: neither SAC nor miniSEED, or a name that is not valid UTF-8.</summary>
    FileLeftOut,

    /// <summary>A miniSEED record left out because its time lies far outside its file's other records (a damaged record time).</summary>
    RecordTimeLeftOut,

    /// <summary>A corrupt miniSEED record or SAC file left out (<see cref="Waveforms.CorruptRecordHandling.Skip"/>): its minutes are empty.</summary>
    CorruptRecord,

    /// <summary>Station and channel matching: a station without waveforms or without a component, several channels for one component, channels not used.</summary>
    Channel,

    /// <summary>Gaps and overlaps of a channel.</summary>
    Discontinuity,

    /// <summary>A channel's sampling rate changes: the minutes that straddle the change are empty.</summary>
    RateChange,

    /// <summary>A station's components start after the range begins or end before it ends.</summary>
    Coverage,

    /// <summary>Components at different rates, or a rate that cannot make a DiET spectrogram.</summary>
    SamplingRate,

    /// <summary>A dead (constant) channel: its minutes are empty.</summary>
    DeadChannel,

    /// <summary>A NaN or infinite sample: its minute is empty.</summary>
    NonFiniteSample,

    /// <summary>A minute whose spectrogram could not be made.</summary>
    Spectrogram,

    /// <summary>A finished day computed again (its inputs or settings changed, or its saved files are damaged).</summary>
    DayRecomputed,

    /// <summary>The output folder: temporary files of a killed run removed.</summary>
    Output,

    /// <summary>A station called tremor in most of a day's minutes: more often steady site noise than tremor (<c>docs/EVALUATION.md</c>).</summary>
    PersistentTremor,
}
