using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>The run's high-pass (with margins read from the archive) and resampling.</summary>
public sealed class PreprocessingPipelineTests
{
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The 180 s scipy fixture record as three SAC channels (VX = x, VY = -x, VZ = 2x) starting at 00:00:00.</summary>
    private static (WaveformArchive Archive, StationChannels Station) FixtureArchive()
    {
        var folder = TestPaths.NewScratchFolder();
        var x = Npy.ReadFloat32(TestPaths.TestData("Preprocessing", "record_100hz.npy")).Data.Select(v => (double)v).ToArray();
        var gains = new[] { 1.0, -1.0, 2.0 };
        var channels = new[] { "HHX", "HHY", "HHZ" };
        for (var c = 0; c < 3; c++)
        {
            SacFile.Write(Path.Combine(folder, $"ST.{channels[c]}.sac"), new Trace(new ChannelId("XX", "ST", "", channels[c]), Start, 100, x.Select(v => v * gains[c]).ToArray()));
        }
        var archive = WaveformArchive.Scan(folder);
        var ids = new[] { Component.VX, Component.VY, Component.VZ }.Select(component => archive.FindChannels("ST", component)[0]).ToArray();
        return (archive, new StationChannels(0, "ST", ids));
    }

    private static double[] Centered(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }
        mean /= values.Length;
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] - mean;
        }
        return result;
    }

    [Fact]
    public void Minutes_equal_scipys_high_pass_of_the_whole_record_inside_and_at_its_edges()
    {
        var (archive, station) = FixtureArchive();
        var expected = Npy.ReadFloat64(TestPaths.TestData("Preprocessing", "record_100hz_hp1.npy")).Data;
        using var model = DietModel.LoadBundled();
        var classifier = new StationHourClassifier(archive, model, null, new(), new RunPreprocessor(1));
        // Minute 1 has 20 s of record read on each side; minutes 0 and 2 touch the record's first and last
        // sample, where the run filters what there is, as scipy's sosfiltfilt treats the record's ends.
        for (var m = 0; m < 3; m++)
        {
            var minute = classifier.PreparedMinute(station, Start.AddMinutes(m));
            Assert.NotNull(minute);
            var reference = Centered(expected.AsSpan(m * 6000, 6000));
            var scale = reference.Max(Math.Abs);
            var gains = new[] { 1.0, -1.0, 2.0 };
            for (var c = 0; c < 3; c++)
            {
                for (var i = 0; i < 6000; i++)
                {
                    Assert.True(Math.Abs(minute![(c * 6000) + i] - (gains[c] * reference[i])) <= 1e-6 * Math.Abs(gains[c]) * scale, $"minute {m}, component {c}, sample {i}");
                }
            }
        }

        // Without the high-pass the minute is the record as read (mean removed): the test can tell them apart.
        var plain = new StationHourClassifier(archive, model, null, new(), new RunPreprocessor(0)).PreparedMinute(station, Start.AddMinutes(1))!;
        var raw = Npy.ReadFloat32(TestPaths.TestData("Preprocessing", "record_100hz.npy")).Data.Skip(6000).Take(6000).Select(v => (double)v).ToArray();
        Assert.Equal(Centered(raw), plain.Take(6000).ToArray());
    }

    [Fact]
    public void A_scenario_recorded_at_128_hz_is_resampled_and_gives_the_same_detections()
    {
        // The run scenario's SAC files brought to 128 Hz (scipy's resample_poly 32/25), then run: every
        // minute is classified at 125 Hz and the tremor and the earthquake are found as at 100 Hz.
        var folder = TestPaths.NewScratchFolder();
        var waveforms = Path.Combine(folder, "waveforms");
        Directory.CreateDirectory(waveforms);
        var resampler = new PolyphaseResampler(32, 25);
        foreach (var file in Directory.GetFiles(RunScenario.WaveformFolder))
        {
            var trace = WaveformFile.ReadSingleTrace(file);
            SacFile.Write(Path.Combine(waveforms, Path.GetFileName(file)), new Trace(trace.Id, trace.StartTime, 128, resampler.Resample(trace.Samples.Span)));
        }
        var result = ContinuousProcessing.Run(new RunOptions(waveforms, RunScenario.StationFile, Path.Combine(folder, "out")));
        Assert.Contains("128 Hz resampled to 125 Hz", result.PreprocessingDescription, StringComparison.Ordinal);
        Assert.Contains("1 Hz high-pass", result.PreprocessingDescription, StringComparison.Ordinal);
        var expectedMinutes = RunScenario.TremorMinutes.Select(m => RunScenario.Start.AddMinutes(m)).ToArray();
        Assert.Equal(expectedMinutes, result.TremorGroups.Select(g => g.Minute));
        Assert.All(result.TremorGroups, g => Assert.Equal(RunScenario.TremorStations, g.Stations));
        var earthquake = Assert.Single(result.EarthquakeGroups);
        Assert.Equal(RunScenario.Start.AddMinutes(RunScenario.EarthquakeMinute), earthquake.Minute);
        // The dead channel and the gap still leave exactly their cells empty.
        Assert.Equal(10 + 1, result.EmptyStationMinutes);
    }

    [Fact]
    public void The_options_default_to_a_1_hz_high_pass_and_refuse_a_bad_corner()
    {
        var options = new RunOptions(RunScenario.WaveformFolder, RunScenario.StationFile, TestPaths.NewScratchFolder());
        Assert.Equal(1, options.HighPass);
        Assert.Equal(0, (options with { HighPass = 0 }).HighPass);
        Assert.Equal(2, (options with { HighPass = 2, ModelPath = null }).HighPass);
        Assert.Throws<InvalidParameterException>(() => options with { HighPass = -1 });
        Assert.Throws<InvalidParameterException>(() => options with { HighPass = double.NaN });
        // A corner above the records' Nyquist frequency fails before any classification.
        var error = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(options with { HighPass = 60 }));
        Assert.Contains("Nyquist", error.Message, StringComparison.Ordinal);
    }
}
