using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Tests.Waveforms;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Benchmarks.Waveforms;

/// <summary>
/// Decoding Steim2 miniSEED at 100 Hz: one hour (360 000 samples) and one day (8 640 000 samples)
/// of synthetic seismic noise (differences of mostly 8 to 10 bits, about 2.4 bytes a sample),
/// whole file from disk (page cache) with <see cref="WaveformFile.Read(string)"/>, and a one-hour
/// window through <see cref="WaveformArchive.ReadWindow(ChannelId, DateTime, DateTime)"/> from a day file.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MiniSeedBenchmarks
{
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
    private string _folder = string.Empty;
    private string _hourFile = string.Empty;
    private string _dayFile = string.Empty;
    private WaveformArchive _dayArchive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "dietgrasp-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "day"));
        var day = Noise(8_640_000);
        _hourFile = Path.Combine(_folder, "hour.mseed");
        _dayFile = Path.Combine(_folder, "day", "day.mseed");
        File.WriteAllBytes(_hourFile, Steim2Writer.Write(day.Take(360_000).ToArray(), Start, 100));
        File.WriteAllBytes(_dayFile, Steim2Writer.Write(day, Start, 100));
        var decoded = WaveformFile.ReadSingleTrace(_dayFile).Samples.Span;
        for (var i = 0; i < day.Length; i++)
        {
            if (decoded[i] != day[i])
            {
                throw new InvalidOperationException($"benchmark input does not round-trip at sample {i}");
            }
        }
        _dayArchive = WaveformArchive.Scan(Path.Combine(_folder, "day"));
        Console.WriteLine($"// day file: {new FileInfo(_dayFile).Length / 1e6:F1} MB, {new FileInfo(_dayFile).Length / (double)day.Length:F2} bytes/sample");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Steim2Hour() => WaveformFile.ReadSingleTrace(_hourFile).Count;

    [Benchmark]
    public int Steim2Day() => WaveformFile.ReadSingleTrace(_dayFile).Count;

    [Benchmark]
    public int ScanDayFile() => WaveformArchive.Scan(Path.Combine(_folder, "day")).Channels.Count;

    [Benchmark]
    public int HourWindowOfDayFile() =>
        _dayArchive.ReadWindow(_dayArchive.Channels[0], Start.AddHours(13), Start.AddHours(14)).Samples.Length;

    private static int[] Noise(int count)
    {
        // Band-limited noise: an AR(2) resonance around 5 Hz driven by Gaussian noise, amplitude ~ 2000 counts.
        var random = new Random(5);
        var samples = new int[count];
        double previous = 0, beforePrevious = 0;
        for (var i = 0; i < count; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var value = 1.6 * previous - 0.8 * beforePrevious + 150 * gaussian;
            beforePrevious = previous;
            previous = value;
            samples[i] = (int)Math.Round(value);
        }
        return samples;
    }
}
