using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

public class SacReaderTests
{
    [Fact]
    public void LittleEndianHeaderAndSamples()
    {
        Assert.Equal(WaveformFormat.Sac, WaveformFile.DetectFormat(Path("real_le.sac")));
        var trace = Assert.Single(WaveformFile.Read(Path("real_le.sac")));
        Assert.Equal(new ChannelId("XX", "DGT01", "00", "HHZ"), trace.Id);
        Assert.Equal(FixtureStart, trace.StartTime);
        Assert.Equal(100.0, trace.SamplingRate); // DELTA is float32 0.0099999998: read as exactly 100 Hz
        Assert.Equal(3000, trace.Count);
        Assert.Equal(FixtureStart.AddSeconds(30), trace.EndTime);
        Assert.Equal(FixtureStart.AddMilliseconds(10 * 2999), trace.TimeOf(2999));
        Assert.Equal(Component.VZ, trace.Id.Component);
    }

    [Fact]
    public void BigEndianGivesTheSameSamplesAndAppliesB()
    {
        var little = Assert.Single(WaveformFile.Read(Path("real_le.sac")));
        var big = Assert.Single(WaveformFile.Read(Path("real_be.sac")));
        Assert.Equal(Samples(little), Samples(big));
        Assert.Equal("HHN", big.Id.Channel);
        Assert.Equal(FixtureStart.AddMilliseconds(250), big.StartTime); // B = 0.25 s
        Assert.Equal(Component.VY, big.Id.Component);
    }

    [Fact]
    public void UndefinedLocationIsEmpty()
    {
        var trace = Assert.Single(WaveformFile.Read(Path("ints_le.sac")));
        Assert.Equal(new ChannelId("XX", "DGT02", string.Empty, "HHE"), trace.Id);
        Assert.Equal("XX.DGT02", trace.Id.StationKey);
        Assert.Equal(new[] { 0.0, 0.0 }, Samples(trace).Take(2));
    }

    [Fact]
    public void WriterRoundTripsSubMillisecondStartAndSamples()
    {
        var start = new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_876_500);
        var samples = new[] { 1.5, -2.25, 3e6, 0, -1e-3 };
        var written = new Trace(new ChannelId("JP", "N.S1N01", "", "VX"), start, 100, samples);
        var path = System.IO.Path.Combine(TestPaths.NewScratchFolder(), "out.sac");
        SacFile.Write(path, written);
        var read = Assert.Single(WaveformFile.Read(path));
        Assert.Equal(written.Id, read.Id);
        Assert.Equal(100.0, read.SamplingRate);
        Assert.Equal(samples.Select(value => (double)(float)value), Samples(read));
        Assert.InRange(Math.Abs((read.StartTime - start).Ticks), 0, 10); // B is float32 (< 1 ms here)
    }

    [Fact]
    public void WriterRefusesLongCodes()
    {
        var trace = new Trace(new ChannelId("XX", "STATION_TOO_LONG", "", "HHZ"), FixtureStart, 100, new double[3]);
        var folder = TestPaths.NewScratchFolder();
        Assert.Throws<InvalidParameterException>(() => SacFile.Write(System.IO.Path.Combine(folder, "x.sac"), trace));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData(79 * 4, -5, "NPTS is -5")]
    [InlineData(0, 0, "DELTA is 0")]
    [InlineData(0, -1, "DELTA is -1")]
    [InlineData(85 * 4, 2, "IFTYPE is 2")]
    [InlineData(70 * 4, -12345, "reference time")]
    public void BadHeaderFieldsAreReported(int offset, int value, string expected)
    {
        var path = BrokenCopy("real_le.sac", bytes =>
        {
            if (offset == 0)
            {
                BitConverter.GetBytes((float)value).CopyTo(bytes, offset);
            }
            else
            {
                BitConverter.GetBytes(value).CopyTo(bytes, offset);
            }
            return bytes;
        });
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileShorterThanNptsIsReported()
    {
        var path = BrokenCopy("real_be.sac", bytes => bytes.Take(632 + 4 * 1000 + 2).ToArray());
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("file shorter than the header says: NPTS = 3000 needs 12632 bytes, the file has 4634", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeitherFormatIsReported()
    {
        var path = System.IO.Path.Combine(TestPaths.NewScratchFolder(), "notes.sac");
        File.WriteAllText(path, "name,lat,lon\nS1N01,38.1,143.2\n");
        var error = Assert.Throws<InvalidFileException>(() => WaveformFile.Read(path));
        Assert.Contains("neither SAC", error.Message, StringComparison.Ordinal);
    }
}
