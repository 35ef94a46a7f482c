namespace Seismic.DietGrasp.Waveforms;

internal static class WaveformStreams
{
    /// <summary>Fills <paramref name="buffer"/>[0, count) or fails naming the file (it changed or shrank since it was indexed).</summary>
    public static void ReadExactly(Stream stream, byte[] buffer, int count, string path)
    {
        var done = ReadAtMost(stream, buffer, count);
        if (done < count)
        {
            throw new InvalidFileException(path, $"file ends at byte {stream.Position}, {count - done} bytes short of what its headers promised (was it changed while being read?)");
        }
    }

    /// <summary>Reads up to <paramref name="count"/> bytes, fewer only at the end of the stream.</summary>
    public static int ReadAtMost(Stream stream, byte[] buffer, int count)
    {
        var done = 0;
        while (done < count)
        {
            var read = stream.Read(buffer, done, count - done);
            if (read == 0)
            {
                break;
            }
            done += read;
        }
        return done;
    }
}
