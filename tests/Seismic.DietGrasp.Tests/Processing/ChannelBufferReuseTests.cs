using System.Collections.Concurrent;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// The run's workers keep their buffers (windows, filter and resampling buffers, minutes, spectrograms) from one
/// station-hour to the next: a station-hour classified after a longer, different one must come out as from fresh buffers.
/// </summary>
public sealed class ChannelBufferReuseTests
{
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Codes = { "HHX", "HHY", "HHZ" };

    /// <summary>
    /// Noise with, per component: HHX a 20 s gap at minute 30 (so the three do not share their runs), HHY a 30 s run
    /// between two gaps (too short to filter) at minute 40, HHZ a NaN sample at minute 50; or, shared, one gap in all three.
    /// </summary>
    private static (WaveformArchive Archive, StationChannels Station) Archive(string station, double rate, TimeSpan length, bool sharedGaps, int seed)
    {
        var random = new Random(seed);
        var traces = new List<Trace>();
        var n = (int)(length.TotalSeconds * rate);
        for (var c = 0; c < 3; c++)
        {
            var id = new ChannelId("XX", station, "", Codes[c]);
            var samples = Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 1000 * (c + 1)).ToArray();
            var cuts = sharedGaps ? new[] { (25 * 60.0, 25.5 * 60) }
                : c == 0 ? new[] { (30 * 60.0, (30 * 60.0) + 20) }
                : c == 1 ? new[] { (40 * 60.0, (40 * 60.0) + 10), ((40 * 60.0) + 40, (40 * 60.0) + 50) }
                : Array.Empty<(double, double)>();
            if (!sharedGaps && c == 2)
            {
                samples[(int)(50.5 * 60 * rate)] = double.NaN;
            }
            var from = 0;
            foreach (var (gapStart, gapEnd) in cuts)
            {
                var to = (int)(gapStart * rate);
                traces.Add(new Trace(id, Start.AddSeconds(from / rate), rate, samples.AsMemory(from, to - from)));
                from = (int)(gapEnd * rate);
            }
            traces.Add(new Trace(id, Start.AddSeconds(from / rate), rate, samples.AsMemory(from, n - from)));
        }
        var archive = WaveformArchive.FromTraces(traces);
        return (archive, new StationChannels(0, "XX." + station, Codes.Select(code => new ChannelId("XX", station, "", code)).ToArray()));
    }

    private static DayProbabilities Classify(StationHourClassifier classifier, StationChannels station, DateTime from, DateTime to)
    {
        var day = new DayProbabilities(from, to, 1);
        classifier.Classify(station, from, to, day);
        return day;
    }

    [Theory]
    [InlineData(1.0, 100.0, false)]
    [InlineData(1.0, 100.0, true)]
    [InlineData(1.0, 128.0, false)]
    [InlineData(0.0, 128.0, false)]
    public void A_station_hour_after_a_longer_dirty_one_equals_fresh_buffers(double highPass, double rate, bool sharedGaps)
    {
        using var model = DietModel.LoadBundled();
        // The dirty use: three hours (the classified hour has its margins: a longer window), other numbers, other gaps.
        var (dirty, dirtyStation) = Archive("DRT", rate, TimeSpan.FromHours(3), !sharedGaps, 7);
        // The station-hour: only that hour is recorded (no margins, a shorter window than the dirty one's).
        var (archive, station) = Archive("ST", rate, TimeSpan.FromHours(1), sharedGaps, 11);
        var to = Start.AddHours(1);

        var fresh = Classify(new StationHourClassifier(archive, model, null, new(), new RunPreprocessor(highPass)), station, Start, to);

        var preprocessor = new RunPreprocessor(highPass);
        var parameters = new ConcurrentDictionary<double, SpectrogramParameters>();
        var dirtyDay = Classify(new StationHourClassifier(dirty, model, null, parameters, preprocessor), dirtyStation, Start.AddHours(1), Start.AddHours(2));
        Assert.True(dirtyDay.Tremor.Count(p => !float.IsNaN(p)) > 50);
        var reused = Classify(new StationHourClassifier(archive, model, null, parameters, preprocessor), station, Start, to);

        Assert.True(fresh.Tremor.Count(p => !float.IsNaN(p)) > 40, "most minutes are classified: the test compares numbers");
        Assert.Contains(fresh.Tremor, float.IsNaN);
        Assert.Equal(fresh.Earthquake, reused.Earthquake);
        Assert.Equal(fresh.Tremor, reused.Tremor);
        Assert.Equal(fresh.Noise, reused.Noise);
        Assert.Equal(fresh.OrderedWarnings(new[] { station.Name }).Select(w => w.Message), reused.OrderedWarnings(new[] { station.Name }).Select(w => w.Message));
    }
}
