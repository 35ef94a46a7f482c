using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Waveforms;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Benchmarks.Processing;

/// <summary>
/// <see cref="ContinuousProcessing.Run"/> on 12 stations x 1 hour of 100 Hz Steim2 miniSEED (about 1.6
/// bytes a sample, as tools/bench/SnetDay writes), and the three stages of one station-hour on their own:
/// reading the three components' hour windows, the 60 spectrograms, and classifying them in one batch.
/// One S-net day is 3,600 station-hours, so each stage's time x 3,600 / cores is its share of a day.
/// <see cref="ClassifyStationHourWhole"/> is one worker's whole station-hour as <c>run</c> does it (read,
/// 1 Hz high-pass, minutes, spectrograms, model), into reused buffers.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ContinuousProcessingBenchmarks
{
    private const int Stations = 12;
    private const int PerHour = 360_000;
    private static readonly DateTime Start = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private string _folder = string.Empty;
    private WaveformArchive _archive = null!;
    private DietModel _model = null!;
    private double[] _minutes = Array.Empty<double>();
    private float[] _spectrograms = Array.Empty<float>();
    private readonly float[] _probabilities = new float[60 * DietModel.ClassCount];
    private readonly WindowBuffer[] _windows = { new(), new(), new() };
    private StationHourClassifier _worker = null!;
    private StationChannels _station = null!;
    private DayProbabilities _day = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "dietgrasp-bench-run-" + Guid.NewGuid().ToString("N"));
        var waveforms = Path.Combine(_folder, "waveforms");
        Directory.CreateDirectory(waveforms);
        var lines = new List<string> { "name,latitude,longitude" };
        for (var s = 0; s < Stations; s++)
        {
            var station = $"S{s:D2}";
            lines.Add(FormattableString.Invariant($"N.{station},{38 + (0.2 * (s / 4))},{142 + (0.25 * (s % 4))}"));
            var components = new[] { new double[PerHour], new double[PerHour], new double[PerHour] };
            SyntheticWaveforms.FillNoise(components[0], components[1], components[2], 100, new NoiseSettings { Amplitude = 400 }, (ulong)s);
            for (var c = 0; c < 3; c++)
            {
                var counts = components[c].Select(x => (int)Math.Round(x)).ToArray();
                File.WriteAllBytes(Path.Combine(waveforms, $"{station}.HH{"XYZ"[c]}.mseed"), Steim2Writer.Write(counts, Start, 100, "N", station, $"HH{"XYZ"[c]}"));
            }
        }
        File.WriteAllLines(Path.Combine(_folder, "stations.csv"), lines);
        _archive = WaveformArchive.Scan(waveforms);
        _model = DietModel.LoadBundled(new DietModelOptions { IntraOpThreads = 1, InterOpThreads = 1 });
        _minutes = new double[60 * 3 * 6000];
        for (var m = 0; m < 60; m++)
        {
            for (var c = 0; c < 3; c++)
            {
                var window = _archive.ReadWindow(_archive.Channels[c], Start.AddMinutes(m), Start.AddMinutes(m + 1)).Samples.Span;
                window.CopyTo(_minutes.AsSpan(((m * 3) + c) * 6000, 6000));
            }
        }
        _spectrograms = DietSpectrogram.ComputeBatch(_minutes, SpectrogramParameters.SNet);
        _station = new StationChannels(0, "N.S00", _archive.Channels.Take(3).ToArray());
        _day = new DayProbabilities(Start, Start.AddHours(1), 1);
        _worker = new StationHourClassifier(_archive, _model, null, new(), new RunPreprocessor(1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public long Run12StationHours()
    {
        var output = Path.Combine(_folder, "out-" + Guid.NewGuid().ToString("N"));
        var result = ContinuousProcessing.Run(new RunOptions(Path.Combine(_folder, "waveforms"), Path.Combine(_folder, "stations.csv"), output));
        Directory.Delete(output, recursive: true);
        return result.CompleteStationMinutes;
    }

    /// <summary>The same run without the 1 Hz high-pass (and without its 20 s margins): its cost in the same session.</summary>
    [Benchmark]
    public long Run12StationHoursWithoutHighPass()
    {
        var output = Path.Combine(_folder, "out-" + Guid.NewGuid().ToString("N"));
        var result = ContinuousProcessing.Run(new RunOptions(Path.Combine(_folder, "waveforms"), Path.Combine(_folder, "stations.csv"), output) with { HighPass = 0 });
        Directory.Delete(output, recursive: true);
        return result.CompleteStationMinutes;
    }

    [Benchmark]
    public int ReadStationHour()
    {
        var total = 0;
        for (var c = 0; c < 3; c++)
        {
            total += _archive.ReadWindow(_archive.Channels[c], Start, Start.AddHours(1)).Samples.Length;
        }
        return total;
    }

    /// <summary>The same three windows as <c>run</c> reads them: into a worker's buffers, reused from hour to hour.</summary>
    [Benchmark]
    public int ReadStationHourIntoBuffers()
    {
        var total = 0;
        for (var c = 0; c < 3; c++)
        {
            total += _archive.ReadWindow(_archive.Channels[c], Start, Start.AddHours(1), _windows[c]).Samples.Length;
        }
        return total;
    }

    /// <summary>
    /// The whole station-hour of one worker as <c>run</c> classifies it, buffers reused from the previous call. The
    /// record is this hour only, so the window has no margins (360,000 samples a component, not 364,000).
    /// </summary>
    [Benchmark]
    public float ClassifyStationHourWhole()
    {
        _worker.Classify(_station, Start, Start.AddHours(1), _day);
        return _day.Tremor[59];
    }

    [Benchmark]
    public float SpectrogramsOfStationHour()
    {
        for (var m = 0; m < 60; m++)
        {
            DietSpectrogram.Compute(_minutes.AsSpan(m * 18000, 18000), SpectrogramParameters.SNet, _spectrograms.AsSpan(m * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount));
        }
        return _spectrograms[0];
    }

    [Benchmark]
    public float ClassifyStationHour()
    {
        _model.PredictBatch(_spectrograms, _probabilities);
        return _probabilities[0];
    }
}
