namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// A contiguous run of one channel's samples inside one file, indexed from headers only; the
/// samples are decoded on demand, a sub-range at a time.
/// </summary>
internal abstract class WaveformExtent
{
    protected WaveformExtent(string path, ChannelId id, long startTicks, double samplingRate, long sampleCount)
    {
        Path = path;
        Id = id;
        StartTicks = startTicks;
        SamplingRate = samplingRate;
        SampleCount = sampleCount;
    }

    public string Path { get; }

    public ChannelId Id { get; }

    public long StartTicks { get; }

    public double SamplingRate { get; }

    public long SampleCount { get; }

    public long EndTicks => StartTicks + SampleClock.OffsetTicks(SampleCount, SamplingRate);

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
