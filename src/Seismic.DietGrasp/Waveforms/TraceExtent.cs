namespace Seismic.DietGrasp.Waveforms;

/// <summary>A trace in memory as an archive's piece (<see cref="WaveformArchive.FromTraces"/>).</summary>
internal sealed class TraceExtent : WaveformExtent
{
    private readonly ReadOnlyMemory<double> _samples;

    public TraceExtent(Trace trace)
        : base(WaveformSource.Memory($"{trace.Id} (in memory)"), trace.Id, trace.StartTime.Ticks, trace.SamplingRate, trace.Count)
    {
        _samples = trace.Samples;
    }

    public override void ReadSamples(long first, Span<double> destination) =>
        _samples.Span.Slice((int)first, destination.Length).CopyTo(destination);
}
