namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// A caller's storage for window reads (<see cref="WaveformArchive.ReadWindow(ChannelId, DateTime, DateTime, WindowBuffer)"/>):
/// the samples and a state byte per sample, grown when a window is longer and never shrunk. A window read into
/// it is valid until the next read into the same buffer. Not thread-safe: one per worker and channel.
/// </summary>
/// <remarks>
/// Why: a 100 Hz station-hour with the high-pass's margins is three 364,000-sample windows, 2.9 MB of samples
/// and 0.36 MB of states each; allocated afresh per hour they were 9.9 MB per station-hour, about 39 GB over an
/// S-net day, most of the run's system time (page faults and zeroing of new memory). Reused, a station-hour's
/// reads allocate 1.3 KB, and the 2 h S-net run took x0.28 the system time and x0.45 the peak RSS (benchmarks/README.md).
/// </remarks>
internal sealed class WindowBuffer
{
    private double[] _samples = Array.Empty<double>();
    private byte[] _state = Array.Empty<byte>();

    /// <summary>
    /// The first <paramref name="length"/> samples, their old values left in place (the read writes every one: a
    /// value, or NaN where missing), and their states, cleared.
    /// </summary>
    public Memory<double> Take(int length, out Span<byte> state)
    {
        if (_samples.Length < length)
        {
            _samples = new double[length];
            _state = new byte[length];
        }
        state = _state.AsSpan(0, length);
        state.Clear();
        return _samples.AsMemory(0, length);
    }
}
