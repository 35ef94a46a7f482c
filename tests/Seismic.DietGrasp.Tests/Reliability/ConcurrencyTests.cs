using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Shared objects used from many threads give what one thread gives, and files written concurrently are
/// never seen half-written. (One DietModel from many threads: DietModelTests.SixteenThreadsOnOneModelMatchOneThread.)
/// </summary>
public class ConcurrencyTests
{
    [Fact]
    public void ArchiveWindowsReadFromManyThreadsMatchOneThread()
    {
        var files = new[] { "ints_le_e11_be_1024.mseed", "real_be_e4_be_4096.mseed", "test.mseed", "real_le.sac" }
            .Select(name => TestPaths.TestData("Waveforms", name));
        var archive = WaveformArchive.FromFiles(files);
        var windows = archive.Channels
            .SelectMany(id => archive.GetSegments(id).Select(segment => (Id: id, Segment: segment)))
            .SelectMany(item => Enumerable.Range(0, 6).Select(k =>
            {
                var span = item.Segment.EndTime - item.Segment.StartTime;
                var start = item.Segment.StartTime + TimeSpan.FromTicks(span.Ticks * k / 8) - TimeSpan.FromSeconds(1);
                return (item.Id, Start: start, End: start + TimeSpan.FromTicks(span.Ticks / 3));
            }))
            .ToArray();
        Assert.True(windows.Length >= 12);
        var expected = windows.Select(w => Fingerprint(archive.ReadWindow(w.Id, w.Start, w.End))).ToArray();

        var results = new string[8 * windows.Length];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var w = windows[i % windows.Length];
            results[i] = Fingerprint(archive.ReadWindow(w.Id, w.Start, w.End));
        });
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % windows.Length], results[i]);
        }
    }

    [Fact]
    public void AnArchiveIndexedByOneThreadOrEightIsTheSame()
    {
        var files = Directory.GetFiles(TestPaths.TestData("Waveforms")).Where(path => !path.EndsWith(".expected.sac", StringComparison.Ordinal)).ToArray();
        static string Describe(WaveformArchive archive) => string.Join("\n",
            archive.Channels.Select(id => $"{id}: {string.Join("; ", archive.GetSegments(id))}")
                .Concat(archive.Discontinuities.Select(d => d.ToString()))
                .Concat(archive.SkippedFiles));

        var sequential = Describe(WaveformArchive.FromFiles(files, maxDegreeOfParallelism: 1));
        for (var repeat = 0; repeat < 3; repeat++)
        {
            Assert.Equal(sequential, Describe(WaveformArchive.FromFiles(files.Reverse(), maxDegreeOfParallelism: 8)));
        }
    }

    [Fact]
    public void SpectrogramsFromManyThreadsAtTwoRatesMatchOneThread()
    {
        // Each thread keeps a workspace per rate; alternating rates on one thread must not mix them up.
        var at100 = Fixtures.Minute100Hz();
        var at50 = Npy.ReadFloat64(TestPaths.TestData("Spectrogram", "input_50hz.npy")).Data.Take(3 * 3000).ToArray();
        var p100 = SpectrogramParameters.SNet;
        var p50 = new SpectrogramParameters(50);
        var expected100 = DietSpectrogram.Compute(at100, p100);
        var expected50 = DietSpectrogram.Compute(at50, p50);

        var results = new float[48][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
            results[i] = i % 2 == 0 ? DietSpectrogram.Compute(at100, p100) : DietSpectrogram.Compute(at50, p50));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? expected100 : expected50, results[i]);
        }
    }

    [Fact]
    public async Task ConcurrentWritersOfOneFileLeaveOneWholeVersionAndReadersNeverSeeHalfOfOne()
    {
        const int Length = 200_000;
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "S.npy");
        Npy.Write(path, Enumerable.Repeat(0f, Length).ToArray(), new[] { Length });
        using var done = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested || reads < 3)
            {
                var data = Npy.ReadFloat32(path).Data;
                Assert.Equal(Length, data.Length);
                Assert.All(data, value => Assert.Equal(data[0], value));
                reads++;
            }
        });

        Parallel.For(1, 9, new ParallelOptions { MaxDegreeOfParallelism = 8 }, writer =>
        {
            for (var repeat = 0; repeat < 5; repeat++)
            {
                Npy.Write(path, Enumerable.Repeat((float)writer, Length).ToArray(), new[] { Length });
            }
        });
        done.Cancel();
        await reader;

        var final = Npy.ReadFloat32(path).Data;
        Assert.InRange(final[0], 1f, 8f);
        Assert.All(final, value => Assert.Equal(final[0], value));
        Assert.Equal(new[] { "S.npy" }, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ToArray());
    }

    private static string Fingerprint(WaveformWindow window) =>
        $"{window.StartTime.Ticks} {window.SamplingRate} {string.Join(",", window.MissingRanges)} {string.Join(",", window.ConflictRanges)} " +
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(window.Samples.Span)));
}
