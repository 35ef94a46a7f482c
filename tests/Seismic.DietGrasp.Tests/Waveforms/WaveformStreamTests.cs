using System.IO.Compression;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>Issue 14: the waveform readers take streams (Stream-first, the path overloads on top), e.g. a record in a zip or a download.</summary>
public sealed class WaveformStreamTests
{
    private static readonly Trace Sample = new(new ChannelId("SN", "S01", string.Empty, "HHZ"), new DateTime(2016, 4, 1, 23, 52, 0, 5, DateTimeKind.Utc), 100,
        Enumerable.Range(0, 12_345).Select(i => Math.Round(1000 * Math.Sin(i * 0.07))).ToArray());

    [Fact]
    public void Sac_written_to_a_stream_reads_back_from_the_stream_as_from_the_file()
    {
        using var stream = new MemoryStream();
        stream.Write(new byte[] { 1, 2, 3 }); // something before the record: read from the stream's position
        SacFile.Write(stream, Sample);
        var path = Path.Combine(TestPaths.NewScratchFolder(), "s.sac");
        File.WriteAllBytes(path, stream.ToArray().AsSpan(3).ToArray());

        stream.Position = 3;
        Assert.Equal(WaveformFormat.Sac, WaveformFile.DetectFormat(stream));
        Assert.Equal(3, stream.Position);
        var fromStream = WaveformFile.ReadSingleTrace(stream, "s.sac");
        var fromFile = WaveformFile.ReadSingleTrace(path);
        Assert.Equal(fromFile.ToString(), fromStream.ToString());
        Assert.Equal(fromFile.Samples.ToArray(), fromStream.Samples.ToArray());
        Assert.Equal(Sample.Samples.ToArray(), fromStream.Samples.ToArray());
    }

    [Fact]
    public void MiniSeed_reads_from_a_stream_that_cannot_seek()
    {
        var counts = Sample.Samples.ToArray().Select(v => (int)v).ToArray();
        var bytes = Steim2Writer.Write(counts, Sample.StartTime, Sample.SamplingRate, "SN", "S01", "HHZ");
        var path = Path.Combine(TestPaths.NewScratchFolder(), "s.mseed");
        File.WriteAllBytes(path, bytes);
        using var zipped = new MemoryStream();
        using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        zipped.Position = 0;
        using var unzip = new GZipStream(zipped, CompressionMode.Decompress);
        Assert.False(unzip.CanSeek);

        var traces = WaveformFile.Read(unzip, "s.mseed.gz");
        var trace = Assert.Single(traces);
        Assert.Equal(WaveformFile.ReadSingleTrace(path).ToString(), trace.ToString());
        Assert.Equal(counts.Select(c => (double)c).ToArray(), trace.Samples.ToArray());
    }

    [Fact]
    public void A_corrupt_stream_fails_naming_the_name_given_and_the_record()
    {
        var bytes = Steim2Writer.Write(Sample.Samples.ToArray().Select(v => (int)v).ToArray(), Sample.StartTime, 100, "SN", "S01", "HHZ");
        Assert.True(bytes.Length > 4096);
        "garbage!"u8.CopyTo(bytes.AsSpan(4096));
        var e = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(new MemoryStream(bytes), "upload-17.mseed"));
        Assert.Contains("upload-17.mseed", e.Message, StringComparison.Ordinal);
        Assert.Contains("record 1 (byte offset 4096)", e.Message, StringComparison.Ordinal);

        var neither = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(new MemoryStream(new byte[700])));
        Assert.Contains("stream", neither.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => WaveformFile.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => SacFile.Write((Stream)null!, Sample));
    }
}
