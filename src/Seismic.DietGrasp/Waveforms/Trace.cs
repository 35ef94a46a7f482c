namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// One continuous, evenly sampled piece of one channel: the samples from a SAC file, or from
/// consecutive miniSEED records without a gap or an overlap. Immutable.
/// </summary>
public sealed class Trace
{
    /// <summary>Creates a trace.</summary>
    /// <param name="id">The channel.</param>
    /// <param name="startTime">Time of the first sample, UTC (100 ns resolution).</param>
    /// <param name="samplingRate">Samples per second, finite and positive.</param>
    /// <param name="samples">The samples; the trace keeps this memory, so do not change it afterwards.</param>
    public Trace(ChannelId id, DateTime startTime, double samplingRate, ReadOnlyMemory<double> samples)
    {
        if (!(samplingRate > 0) || double.IsInfinity(samplingRate))
        {
            throw new InvalidParameterException(nameof(samplingRate), $"must be a finite positive number of samples per second, got {samplingRate}");
        }
        Id = id;
        StartTime = DateTime.SpecifyKind(startTime, DateTimeKind.Utc);
        SamplingRate = samplingRate;
        Samples = samples;
    }

    /// <summary>The channel.</summary>
    public ChannelId Id { get; }

    /// <summary>Time of the first sample, UTC.</summary>
    public DateTime StartTime { get; }

    /// <summary>Samples per second.</summary>
    public double SamplingRate { get; }

    /// <summary>The samples, in time order.</summary>
    public ReadOnlyMemory<double> Samples { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Samples.Length;

    /// <summary>The time just after the last sample: <see cref="StartTime"/> + <see cref="Count"/> / <see cref="SamplingRate"/>.</summary>
    public DateTime EndTime => SampleClock.Offset(StartTime, Count, SamplingRate);

    /// <summary>The time of sample <paramref name="index"/> (0-based), rounded to 100 ns.</summary>
    /// <param name="index">Sample index; may lie outside the trace.</param>
    /// <returns><see cref="StartTime"/> + <paramref name="index"/> / <see cref="SamplingRate"/>.</returns>
    public DateTime TimeOf(long index) => SampleClock.Offset(StartTime, index, SamplingRate);

    /// <summary>The trace in one line: id, start, rate and count.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() =>
        $"{Id} {StartTime:yyyy-MM-ddTHH:mm:ss.fffffffZ} {SamplingRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} Hz {Count} samples";
}
