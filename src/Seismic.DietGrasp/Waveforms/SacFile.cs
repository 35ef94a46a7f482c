namespace Seismic.DietGrasp.Waveforms;

/// <summary>Writes SAC binary files (header version 6, little-endian, float32 samples).</summary>
public static class SacFile
{
    /// <summary>
    /// Writes <paramref name="trace"/> as a little-endian SAC file (atomically: a temporary file, then a rename).
    /// Samples are stored as float32; the start time goes to NZYEAR..NZMSEC (whole milliseconds) plus B (the rest).
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="trace">The trace; its codes must fit SAC's 8-character fields.</param>
    /// <exception cref="InvalidParameterException">A code is longer than 8 characters or not printable ASCII, or the sampling rate's interval does not fit a float32.</exception>
    public static void Write(string path, Trace trace)
    {
        if (trace is null)
        {
            throw new ArgumentNullException(nameof(trace));
        }
        IO.AtomicFile.Write(path, stream => SacFormat.WriteLittleEndian(stream, trace));
    }

    /// <summary>Writes <paramref name="trace"/> as a little-endian SAC file to <paramref name="stream"/> (at its position; left open).</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="trace">The trace; its codes must fit SAC's 8-character fields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="trace"/> is null.</exception>
    /// <exception cref="InvalidParameterException">A code is longer than 8 characters or not printable ASCII, or the sampling rate's interval does not fit a float32.</exception>
    public static void Write(Stream stream, Trace trace)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }
        if (trace is null)
        {
            throw new ArgumentNullException(nameof(trace));
        }
        SacFormat.WriteLittleEndian(stream, trace);
    }
}
