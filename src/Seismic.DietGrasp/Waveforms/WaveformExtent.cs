namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// A contiguous run of one channel's samples inside one file, indexed from headers only; the
/// samples are decoded on demand, a sub-range at a time.
/// </summary>
internal abstract class WaveformExtent
{
    /// <exception cref="InvalidFileException">The piece starts before the year 1 or ends after 9999 (a corrupt time or sampling rate).</exception>
    protected WaveformExtent(WaveformSource source, ChannelId id, long startTicks, double samplingRate, long sampleCount)
    {
        var path = source.Name;
        // Checked here, once for both formats, so that no later DateTime arithmetic can overflow.
        if (startTicks < 0 || startTicks > DateTime.MaxValue.Ticks)
        {
            throw new InvalidFileException(path, $"{id}: the start time lies outside the years 1 to 9999 (corrupt header time)");
        }
        if (startTicks + (sampleCount * (TimeSpan.TicksPerSecond / samplingRate)) > DateTime.MaxValue.Ticks)
        {
            throw new InvalidFileException(path,
                $"{id}: {sampleCount} samples at {samplingRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} Hz from {new DateTime(startTicks, DateTimeKind.Utc):o} end after the year 9999 (corrupt sampling rate or sample count)");
        }
        Source = source;
        Path = path;
        Id = id;
        StartTicks = startTicks;
        SamplingRate = samplingRate;
        SampleCount = sampleCount;
    }

    /// <summary>Where the bytes are.</summary>
    public WaveformSource Source { get; }

    /// <summary>The file's path (or the stream's name), for messages and file lists.</summary>
    public string Path { get; }

    public ChannelId Id { get; }

    public long StartTicks { get; }

    public double SamplingRate { get; }

    public long SampleCount { get; }

    public long EndTicks => StartTicks + SampleClock.OffsetTicks(SampleCount, SamplingRate);

    /// <summary>
    /// Whether every sample was stored as an integer (miniSEED int16, int32, Steim1, Steim2), so that none can be NaN or
    /// infinite; false for float encodings and SAC.
    /// </summary>
    public virtual bool HoldsOnlyIntegers => false;

    /// <summary>Decodes samples [first, first + destination.Length) of this extent.</summary>
    public abstract void ReadSamples(long first, Span<double> destination);

    public Trace ReadTrace()
    {
        if (SampleCount > int.MaxValue / 2)
        {
            throw new InvalidFileException(Path, $"{Id} has {SampleCount} contiguous samples, too many for one array; read it by time windows");
        }
        var samples = new double[SampleCount];
        ReadSamples(0, samples);
        return new Trace(Id, new DateTime(StartTicks, DateTimeKind.Utc), SamplingRate, samples);
    }
}
