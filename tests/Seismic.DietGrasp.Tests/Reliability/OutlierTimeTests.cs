using System.Buffers.Binary;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Waveforms;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, fault 2: one miniSEED record with a damaged year (2031 in a 2016 file) stretched the run's
/// range to 15 years of empty days, with no warning.
/// </summary>
public sealed class OutlierTimeTests
{
    [Fact]
    public void A_record_far_outside_its_file_is_reported_and_left_out()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name.StartsWith("S01.", StringComparison.Ordinal));
        foreach (var channel in new[] { "HHX", "HHY", "HHZ" })
        {
            var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, $"S01.{channel}.sac"));
            var counts = trace.Samples.ToArray().Select(v => (int)Math.Round(v * 1e9)).ToArray();
            var bytes = Steim2Writer.Write(counts, trace.StartTime, trace.SamplingRate, "SN", "S01", channel);
            if (channel == "HHZ")
            {
                // Record 3's year: 2016 -> 2031 (BTIME year at byte 20 of the fixed header).
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan((3 * 4096) + 20), 2031);
            }
            File.WriteAllBytes(Path.Combine(waveforms, $"S01.{channel}.mseed"), bytes);
        }

        var archive = WaveformArchive.Scan(waveforms);
        var leftOut = Assert.Single(archive.LeftOutRecords);
        Assert.Contains("S01.HHZ.mseed", leftOut, StringComparison.Ordinal);
        Assert.Contains("record 3", leftOut, StringComparison.Ordinal);
        Assert.Contains("2031", leftOut, StringComparison.Ordinal);
        Assert.Equal(2016, archive.EndTime.Year);

        var output = TestPaths.NewScratchFolder();
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p =>
        {
            if (p.DayCount > 2)
            {
                cancellation.Cancel(); // before the fix: 5,500 days to go
            }
        });
        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, output), progress, cancellation.Token);
        Assert.Equal(2, result.ComputedDays);
        Assert.Contains(result.Warnings, w => w.Message.Contains("left out", StringComparison.Ordinal) && w.Message.Contains("record 3", StringComparison.Ordinal));
        // Record 3 (samples 3 x ~1,700 on) is missing: the minute it falls in is empty for S01, not wrong.
        Assert.True(float.IsNaN(result.Tremor[0, 0]) || float.IsNaN(result.Tremor[1, 0]));
    }

    [Fact]
    public void A_range_many_times_longer_than_the_data_is_refused_unless_start_and_end_say_so()
    {
        var waveforms = FaultScenario.CopyWaveforms();
        var stray = new Trace(new ChannelId("SN", "S01", string.Empty, "HHX"), new DateTime(2031, 4, 1, 0, 0, 0, DateTimeKind.Utc), 100, new double[6000]);
        SacFile.Write(Path.Combine(waveforms, "stray.sac"), stray);
        var output = TestPaths.NewScratchFolder();
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p =>
        {
            if (p.DayCount > 2)
            {
                cancellation.Cancel();
            }
        });
        var error = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(FaultScenario.Options(waveforms, output), progress, cancellation.Token));
        Assert.Contains("2016-04-01T23:52:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("2031-04-01T00:01:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("--start", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output));

        var limited = ContinuousProcessing.Run(FaultScenario.Options(waveforms, output) with { StartTime = Processing.RunScenario.Start, EndTime = Processing.RunScenario.Start.AddMinutes(10) });
        Assert.Equal(2, limited.ComputedDays);
    }
}
