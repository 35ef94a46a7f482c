using Seismic.DietGrasp.Waveforms;
using Xunit;
using static Seismic.DietGrasp.Tests.Waveforms.WaveformTestFiles;

namespace Seismic.DietGrasp.Tests.Waveforms;

public class WaveformArchiveTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc);

    private static WaveformArchive Archive(params Trace[] traces)
    {
        var folder = TestPaths.NewScratchFolder();
        for (var i = 0; i < traces.Length; i++)
        {
            // Any names, nested folders: the archive goes by content.
            var sub = Directory.CreateDirectory(System.IO.Path.Combine(folder, $"part{i % 2}")).FullName;
            SacFile.Write(System.IO.Path.Combine(sub, $"piece{i}.bin"), traces[i]);
        }
        return WaveformArchive.Scan(folder);
    }

    /// <summary>
    /// A window read only from integer encodings says so (the run then skips its look for NaN and infinite samples,
    /// which integers cannot be); float encodings and SAC do not.
    /// </summary>
    [Theory]
    [InlineData("int16_le_512.mseed", true)]
    [InlineData("ints_le_e3_be_4096.mseed", true)]
    [InlineData("ints_le_e10_le_256.mseed", true)]
    [InlineData("ints_le_e11_be_256.mseed", true)]
    [InlineData("real_le_e4_le_512.mseed", false)]
    [InlineData("float64_le_1024.mseed", false)]
    [InlineData("ints_le.sac", false)]
    public void AWindowKnowsWhetherItsSamplesCameFromIntegers(string name, bool integers)
    {
        var folder = TestPaths.NewScratchFolder();
        File.Copy(Path(name), System.IO.Path.Combine(folder, name));
        var archive = WaveformArchive.Scan(folder);
        var id = Assert.Single(archive.Channels);
        var segment = archive.GetSegments(id)[0];
        var window = archive.ReadWindow(id, segment.StartTime, segment.EndTime);
        Assert.Equal(integers, window.OnlyIntegers);
    }

    [Fact]
    public void GapIsReportedAndMissingInTheWindow()
    {
        // 10 s of data, 2 s gap, 10 s of data.
        var archive = Archive(Synthetic("HHZ", T0, 1000, 0), Synthetic("HHZ", T0.AddSeconds(12), 1000, 5000));
        var id = Assert.Single(archive.Channels);
        Assert.Equal(2, archive.GetSegments(id).Count);
        var gap = Assert.Single(archive.Discontinuities);
        Assert.Equal((DiscontinuityKind.Gap, T0.AddSeconds(10), T0.AddSeconds(12)), (gap.Kind, gap.StartTime, gap.EndTime));

        var window = archive.ReadWindow(id, T0.AddSeconds(9), T0.AddSeconds(13));
        Assert.Equal(400, window.Samples.Length);
        Assert.False(window.IsComplete);
        Assert.Equal(new[] { new SampleRange(100, 200) }, window.MissingRanges);
        Assert.Empty(window.ConflictRanges);
        var samples = window.Samples.Span;
        Assert.Equal(900.0, samples[0]);
        Assert.Equal(999.0, samples[99]);
        Assert.True(double.IsNaN(samples[100]) && double.IsNaN(samples[299]));
        Assert.Equal(5000.0, samples[300]);
        Assert.True(window.IsCompleteBetween(0, 100));
        Assert.False(window.IsCompleteBetween(50, 100));
        Assert.True(window.IsCompleteBetween(300, 100));
    }

    [Fact]
    public void WindowBeyondTheDataIsMissing()
    {
        var archive = Archive(Synthetic("HHZ", T0, 1000, 0));
        var window = archive.ReadWindow(archive.Channels[0], T0.AddSeconds(-1), T0.AddSeconds(1));
        Assert.Equal(new[] { new SampleRange(0, 100) }, window.MissingRanges);
        Assert.Equal(0.0, window.Samples.Span[100]);
        var later = archive.ReadWindow(archive.Channels[0], T0.AddHours(1), T0.AddHours(1).AddMinutes(1));
        Assert.Equal(new[] { new SampleRange(0, 6000) }, later.MissingRanges);
        Assert.Equal(T0, archive.StartTime);
        Assert.Equal(T0.AddSeconds(10), archive.EndTime);
    }

    [Fact]
    public void ConsistentOverlapIsReportedButComplete()
    {
        // The second file repeats the last 2 s of the first with the same values.
        var archive = Archive(Synthetic("HHZ", T0, 1000, 0), Synthetic("HHZ", T0.AddSeconds(8), 1000, 800));
        var id = archive.Channels[0];
        var overlap = Assert.Single(archive.Discontinuities);
        Assert.Equal((DiscontinuityKind.Overlap, T0.AddSeconds(8), T0.AddSeconds(10)), (overlap.Kind, overlap.StartTime, overlap.EndTime));
        Assert.Equal(new WaveformSegment(id, T0, T0.AddSeconds(18), 100), Assert.Single(archive.GetSegments(id)));
        var window = archive.ReadWindow(id, T0, T0.AddSeconds(18));
        Assert.True(window.IsComplete);
        Assert.Equal(Enumerable.Range(0, 1800).Select(i => (double)i), window.Samples.ToArray());
    }

    [Fact]
    public void ConflictingOverlapIsReported()
    {
        var archive = Archive(Synthetic("HHZ", T0, 1000, 0), Synthetic("HHZ", T0.AddSeconds(8), 1000, 801));
        var window = archive.ReadWindow(archive.Channels[0], T0.AddSeconds(7), T0.AddSeconds(11));
        Assert.Empty(window.MissingRanges);
        Assert.Equal(new[] { new SampleRange(100, 200) }, window.ConflictRanges);
        Assert.False(window.IsComplete);
        Assert.Equal(800.0, window.Samples.Span[100]); // the earlier file's value is kept
        Assert.Equal(1001.0, window.Samples.Span[300]); // time 10 s: only in the second file
    }

    [Fact]
    public void TearBelowHalfASampleContinues()
    {
        // Starts 3 ms (0.3 sample) after the first file ends: the same segment, no discontinuity.
        var archive = Archive(Synthetic("HHZ", T0, 1000, 0), Synthetic("HHZ", T0.AddSeconds(10).AddMilliseconds(3), 1000, 1000));
        var id = archive.Channels[0];
        Assert.Empty(archive.Discontinuities);
        Assert.Single(archive.GetSegments(id));
        var window = archive.ReadWindow(id, T0.AddSeconds(9), T0.AddSeconds(11));
        Assert.True(window.IsComplete);
        Assert.Equal(Enumerable.Range(900, 200).Select(i => (double)i), window.Samples.ToArray());

        // 7 ms (0.7 sample) is a gap of under one sample: reported, and the window still aligns to the nearest sample.
        var torn = Archive(Synthetic("HHZ", T0, 1000, 0), Synthetic("HHZ", T0.AddSeconds(10).AddMilliseconds(7), 1000, 1001));
        Assert.Equal(DiscontinuityKind.Gap, Assert.Single(torn.Discontinuities).Kind);
        var tornWindow = torn.ReadWindow(torn.Channels[0], T0.AddSeconds(9), T0.AddSeconds(11));
        Assert.Equal(new[] { new SampleRange(100, 1) }, tornWindow.MissingRanges);
        Assert.Equal(1001.0, tornWindow.Samples.Span[101]);
    }

    [Fact]
    public void StationsAndComponentsAreFound()
    {
        var archive = Archive(Synthetic("HHZ", T0, 10, 0), Synthetic("HHE", T0, 10, 0), Synthetic("HH2", T0, 10, 0), Synthetic("LDO", T0, 10, 0, 1));
        Assert.Equal(new[] { "XX.STA1" }, archive.Stations);
        Assert.Equal("XX.STA1.00.HHZ", Assert.Single(archive.FindChannels("XX.STA1", Component.VZ)).ToString());
        Assert.Equal("HHE", Assert.Single(archive.FindChannels("sta1", Component.VX)).Channel);
        Assert.Equal("HH2", Assert.Single(archive.FindChannels("STA1", Component.VY)).Channel);
        Assert.Empty(archive.FindChannels("YY.STA1", Component.VZ));
        Assert.Empty(archive.FindChannels("STA2", Component.VZ));
        Assert.Null(archive.Channels.Single(id => id.Channel == "LDO").Component);
    }

    [Fact]
    public void NonWaveformFilesAreSkippedAndCorruptOnesFail()
    {
        var folder = TestPaths.NewScratchFolder();
        File.Copy(Path("test.mseed"), System.IO.Path.Combine(folder, "a"));
        File.WriteAllText(System.IO.Path.Combine(folder, "README.txt"), "not a waveform");
        var archive = WaveformArchive.Scan(folder);
        Assert.Equal("IU.COLA.00.LHZ", Assert.Single(archive.Channels).ToString());
        Assert.EndsWith("README.txt", Assert.Single(archive.SkippedFiles), StringComparison.Ordinal);

        File.WriteAllBytes(System.IO.Path.Combine(folder, "b"), File.ReadAllBytes(Path("test.mseed")).Take(5000).ToArray());
        var error = Assert.Throws<InvalidFileException>(() => WaveformArchive.Scan(folder));
        Assert.Contains("miniSEED record 9 (byte offset 4608)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MiniSeedWindowsDecodeOnlyWhatTheyNeedAndMatchTheWholeFile()
    {
        var folder = TestPaths.NewScratchFolder();
        File.Copy(Path("ints_le_e11_be_256.mseed"), System.IO.Path.Combine(folder, "x.mseed"));
        var whole = Samples(Assert.Single(WaveformFile.Read(Path("ints_le_e11_be_256.mseed"))));
        var archive = WaveformArchive.Scan(folder);
        var id = archive.Channels[0];
        // Starts and ends inside records.
        var window = archive.ReadWindow(id, FixtureStart.AddSeconds(3.33), FixtureStart.AddSeconds(21.07));
        Assert.True(window.IsComplete);
        Assert.Equal(whole.Skip(333).Take(1774), window.Samples.ToArray());
    }

    [Fact]
    public void GapInsideOneMiniSeedFile()
    {
        // Drop record 3 of 34 (256-byte Steim2 records): a gap of exactly that record's samples.
        var original = File.ReadAllBytes(Path("ints_le_e11_be_256.mseed"));
        var folder = TestPaths.NewScratchFolder();
        File.WriteAllBytes(System.IO.Path.Combine(folder, "x"), original.Take(3 * 256).Concat(original.Skip(4 * 256)).ToArray());
        var whole = Samples(Assert.Single(WaveformFile.Read(Path("ints_le_e11_be_256.mseed"))));
        var head = WaveformFile.Read(System.IO.Path.Combine(folder, "x"));
        Assert.Equal(2, head.Count);
        var archive = WaveformArchive.Scan(folder);
        var gap = Assert.Single(archive.Discontinuities);
        Assert.Equal(DiscontinuityKind.Gap, gap.Kind);
        Assert.Equal(head[0].EndTime, gap.StartTime);
        Assert.Equal(head[1].StartTime, gap.EndTime);

        var window = archive.ReadWindow(archive.Channels[0], FixtureStart, FixtureStart.AddSeconds(30));
        var missing = Assert.Single(window.MissingRanges);
        Assert.Equal(head[0].Count, missing.Start);
        Assert.Equal(3000 - head[0].Count - head[1].Count, missing.Count);
        var samples = window.Samples.ToArray();
        for (var i = 0; i < 3000; i++)
        {
            Assert.Equal(i >= missing.Start && i < missing.End ? double.NaN : whole[i], samples[i]);
        }
    }
}
