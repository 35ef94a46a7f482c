using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>
/// <see cref="WaveformArchive.ReadWindow(ChannelId, DateTime, DateTime, WindowBuffer)"/>, the run's read into a
/// worker's reused buffer, against the allocating <see cref="WaveformArchive.ReadWindow(ChannelId, DateTime, DateTime)"/>:
/// the same samples bit for bit, the same ranges, and nothing left over from the buffer's earlier, longer window.
/// </summary>
public class WindowBufferTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(MiniSeedFixtures), MemberType = typeof(WaveformTestFiles))]
    public void ReusedBufferReadsAsTheAllocatingPath(string name)
    {
        var folder = TestPaths.NewScratchFolder();
        File.Copy(Path(name), System.IO.Path.Combine(folder, name));
        var archive = WaveformArchive.Scan(folder);
        var id = archive.Channels[0];
        var segment = archive.GetSegments(id)[0];
        var buffer = Dirty(archive, id, segment.StartTime, segment.EndTime);

        // Two seconds of nothing on each side: missing slots where the buffer holds the earlier window's samples.
        AssertSame(archive, id, segment.StartTime.AddSeconds(-2), segment.EndTime.AddSeconds(2), buffer);
        // Starting and ending inside records, then the whole record (decodes straight into the buffer).
        var span = segment.EndTime - segment.StartTime;
        AssertSame(archive, id, segment.StartTime.AddTicks(span.Ticks / 3), segment.EndTime.AddTicks(-span.Ticks / 5), buffer);
        var whole = AssertSame(archive, id, segment.StartTime, segment.EndTime, buffer);

        // And both as the whole file decodes (no window at all).
        var trace = WaveformFile.Read(Path(name)).First(trace => trace.Id == id && trace.StartTime == segment.StartTime);
        Assert.Equal(Samples(trace).Select(BitConverter.DoubleToInt64Bits), whole.Samples.Span.Slice(0, trace.Count).ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void GapBetweenRecordsIsNaNInAReusedBuffer()
    {
        // Record 3 of 34 (256-byte Steim2 records) dropped: a gap inside one file.
        var original = File.ReadAllBytes(Path("ints_le_e11_be_256.mseed"));
        var folder = TestPaths.NewScratchFolder();
        File.WriteAllBytes(System.IO.Path.Combine(folder, "x"), original.Take(3 * 256).Concat(original.Skip(4 * 256)).ToArray());
        var archive = WaveformArchive.Scan(folder);
        var id = archive.Channels[0];
        var buffer = Dirty(archive, id, FixtureStart, FixtureStart.AddSeconds(30));

        var window = AssertSame(archive, id, FixtureStart, FixtureStart.AddSeconds(30), buffer);
        var gap = Assert.Single(window.MissingRanges);
        Assert.True(gap.Count > 0);
        foreach (var sample in window.Samples.Span.Slice(gap.Start, gap.Count))
        {
            Assert.True(double.IsNaN(sample));
        }
    }

    [Fact]
    public void OverlapsAndConflictsReadAsTheAllocatingPath()
    {
        // SAC pieces: the second repeats the first's last 2 s with other values (a conflict); a gap before the third.
        var folder = TestPaths.NewScratchFolder();
        SacFile.Write(System.IO.Path.Combine(folder, "a"), Synthetic("HHZ", T0, 1000, 0));
        SacFile.Write(System.IO.Path.Combine(folder, "b"), Synthetic("HHZ", T0.AddSeconds(8), 1000, 801));
        SacFile.Write(System.IO.Path.Combine(folder, "d"), Synthetic("HHZ", T0.AddSeconds(25), 1000, 5000));
        var archive = WaveformArchive.Scan(folder);
        var id = archive.Channels[0];
        var buffer = Dirty(archive, id, T0, T0.AddSeconds(35));

        var window = AssertSame(archive, id, T0.AddSeconds(-1), T0.AddSeconds(34), buffer);
        Assert.Equal(new[] { new SampleRange(900, 200) }, window.ConflictRanges);
        Assert.Equal(new[] { new SampleRange(0, 100), new SampleRange(1900, 700) }, window.MissingRanges);
        Assert.Equal(800.0, window.Samples.Span[900]); // the earlier piece's value is kept
    }

    /// <summary>A buffer that has read a longer window of the channel starting later, so that its samples sit where the next windows have none.</summary>
    private static WindowBuffer Dirty(WaveformArchive archive, ChannelId id, DateTime start, DateTime end)
    {
        var buffer = new WindowBuffer();
        var dirty = archive.ReadWindow(id, start.AddSeconds(1), end.AddTicks(2 * (end - start).Ticks), buffer);
        Assert.Contains(dirty.Samples.ToArray(), sample => !double.IsNaN(sample));
        return buffer;
    }

    private static WaveformWindow AssertSame(WaveformArchive archive, ChannelId id, DateTime start, DateTime end, WindowBuffer buffer)
    {
        var expected = archive.ReadWindow(id, start, end);
        var actual = archive.ReadWindow(id, start, end, buffer);
        Assert.Equal((expected.StartTime, expected.SamplingRate, expected.EndTime), (actual.StartTime, actual.SamplingRate, actual.EndTime));
        Assert.Equal(expected.MissingRanges, actual.MissingRanges);
        Assert.Equal(expected.ConflictRanges, actual.ConflictRanges);
        Assert.Equal(expected.Samples.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Samples.ToArray().Select(BitConverter.DoubleToInt64Bits));
        return actual;
    }
}
