using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary>The fixtures of tools/waveforms/make_fixtures.sh and helpers to make broken copies.</summary>
internal static class WaveformTestFiles
{
    /// <summary>2024-03-01 (day 61) 12:34:56.789 UTC: the start of every synthetic fixture.</summary>
    public static readonly DateTime FixtureStart = new(2024, 3, 1, 12, 34, 56, 789, DateTimeKind.Utc);

    public static string Path(string name) => TestPaths.TestData("Waveforms", name);

    public static IEnumerable<object[]> MiniSeedFixtures() =>
        Directory.GetFiles(TestPaths.TestData("Waveforms"), "*.mseed").Select(path => new object[] { System.IO.Path.GetFileName(path) }).OrderBy(row => (string)row[0]);

    /// <summary>A copy of a fixture in a scratch folder, changed by <paramref name="change"/>.</summary>
    public static string BrokenCopy(string name, Func<byte[], byte[]> change)
    {
        var path = System.IO.Path.Combine(TestPaths.NewScratchFolder(), name);
        File.WriteAllBytes(path, change(File.ReadAllBytes(Path(name))));
        return path;
    }

    public static double[] Samples(Trace trace) => trace.Samples.ToArray();

    public static Trace Synthetic(string channel, DateTime start, int count, double firstValue, double samplingRate = 100) =>
        new(new ChannelId("XX", "STA1", "00", channel), start, samplingRate, Enumerable.Range(0, count).Select(i => firstValue + i).ToArray());
}
