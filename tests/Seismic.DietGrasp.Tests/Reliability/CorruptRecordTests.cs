using System.Buffers.Binary;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Tests.Waveforms;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, item 10: a corrupt record stopped the whole run. The strict default stays; <c>--on-corrupt skip</c>
/// (<see cref="RunOptions.OnCorrupt"/>) leaves the record out, its minutes empty, with a warning naming file, record and time.
/// </summary>
public sealed class CorruptRecordTests
{
    private const int RecordLength = 4096;

    [Fact]
    public void The_default_stops_at_a_corrupt_record_naming_file_and_record()
    {
        var waveforms = DamagedArchive();
        var e = Assert.Throws<InvalidFileException>(() => ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder())));
        Assert.Contains("S01.HHZ.mseed", e.Message, StringComparison.Ordinal);
        Assert.Contains("record 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_leaves_the_corrupt_records_minutes_empty_with_a_warning_naming_file_record_and_time()
    {
        var waveforms = DamagedArchive();
        var result = ContinuousProcessing.Run(Skipping(waveforms));
        var corrupt = result.Warnings.Where(w => w.Kind == RunWarningKind.CorruptRecord).OrderBy(w => w.Message, StringComparer.Ordinal).ToList();
        Assert.Equal(2, corrupt.Count);

        // HHX record 7: its header is whole, its Steim data is not; named with its channel and start.
        var data = corrupt.Single(w => w.Message.Contains("S01.HHX.mseed", StringComparison.Ordinal));
        Assert.Contains("record 7 (byte offset 28672)", data.Message, StringComparison.Ordinal);
        Assert.Contains("Steim2 frame inconsistency", data.Message, StringComparison.Ordinal);
        Assert.Equal(new ChannelId("SN", "S01", string.Empty, "HHX"), data.Channel);
        Assert.Equal("S01", data.Station);
        Assert.Equal(RecordStart("HHX", 7), data.Time);

        // HHZ record 3: its header is damaged; named with the time the record before it ends.
        var header = corrupt.Single(w => w.Message.Contains("S01.HHZ.mseed", StringComparison.Ordinal));
        Assert.Contains("record 3 (byte offset 12288)", header.Message, StringComparison.Ordinal);
        Assert.Contains($"bytes 12288 to 16384 left out", header.Message, StringComparison.Ordinal);
        Assert.Equal(RecordStart("HHZ", 3), header.Time);

        // Only the minutes those two records touch are empty for S01.
        var lost = new[] { RecordStart("HHZ", 3), RecordStart("HHZ", 4).AddTicks(-1), RecordStart("HHX", 7), RecordStart("HHX", 8).AddTicks(-1) }
            .Select(t => (int)((t - Processing.RunScenario.Start).Ticks / TimeSpan.TicksPerMinute)).ToHashSet();
        for (var m = 0; m < Processing.RunScenario.Minutes; m++)
        {
            Assert.Equal(lost.Contains(m), float.IsNaN(result.Tremor[m, 0]));
        }
    }

    [Fact]
    public void Skip_keeps_the_samples_a_truncated_sac_file_holds()
    {
        var waveforms = FaultScenario.CopyWaveforms();
        var path = Path.Combine(waveforms, "S02.HHZ.sac");
        var bytes = File.ReadAllBytes(path);
        // Cut in the middle of minute 7 (23:59:30).
        File.WriteAllBytes(path, bytes.AsSpan(0, 632 + (4 * ((7 * 6000) + 3000))).ToArray());

        Assert.Throws<InvalidFileException>(() => ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder())));
        var result = ContinuousProcessing.Run(Skipping(waveforms));
        var warning = Assert.Single(result.Warnings, w => w.Kind == RunWarningKind.CorruptRecord);
        Assert.Contains("S02.HHZ.sac", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Processing.RunScenario.Start.AddSeconds(450), warning.Time);
        for (var m = 0; m < Processing.RunScenario.Minutes; m++)
        {
            Assert.Equal(m >= 7, float.IsNaN(result.Tremor[m, 1]));
        }
    }

    [Fact]
    public void The_command_line_takes_on_corrupt_skip_and_refuses_other_values()
    {
        var waveforms = DamagedArchive();
        var stations = Processing.RunScenario.StationFile;
        var strict = CliRunner.Run("run", "--waveforms", waveforms, "--stations", stations, "--out", TestPaths.NewScratchFolder(), "--no-pictures");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("record 3", strict.Error, StringComparison.Ordinal);

        var skip = CliRunner.Run("run", "--waveforms", waveforms, "--stations", stations, "--out", TestPaths.NewScratchFolder(), "--no-pictures", "--on-corrupt", "skip");
        Assert.Equal(0, skip.ExitCode);
        Assert.Contains(skip.ErrorLines, line => line.StartsWith("dietgrasp run: warning: ", StringComparison.Ordinal) && line.Contains("S01.HHZ.mseed", StringComparison.Ordinal) && line.Contains("record 3", StringComparison.Ordinal));

        var bad = CliRunner.Run("run", "--waveforms", waveforms, "--stations", stations, "--out", TestPaths.NewScratchFolder(), "--on-corrupt", "ignore");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--on-corrupt", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>The scenario's options with <see cref="CorruptRecordHandling.Skip"/> (set before a <c>With...</c> copy: it is carried over).</summary>
    private static RunOptions Skipping(string waveforms) =>
        new RunOptions(waveforms, FaultScenario.StationFile, TestPaths.NewScratchFolder()) { OnCorrupt = CorruptRecordHandling.Skip, MaxDegreeOfParallelism = 2 };

    /// <summary>The scenario with S01 as Steim2 miniSEED (4096-byte records): HHZ record 3's header and HHX record 7's data damaged.</summary>
    private static string DamagedArchive()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name.StartsWith("S01.", StringComparison.Ordinal));
        foreach (var channel in new[] { "HHX", "HHY", "HHZ" })
        {
            var bytes = MiniSeed(channel);
            if (channel == "HHZ")
            {
                "garbage!"u8.CopyTo(bytes.AsSpan(3 * RecordLength));
            }
            if (channel == "HHX")
            {
                // The first frame's integration constants (X0, Xn) no longer match the differences.
                var data = (7 * RecordLength) + BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan((7 * RecordLength) + 44));
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(data + 8), 123456789);
            }
            File.WriteAllBytes(Path.Combine(waveforms, $"S01.{channel}.mseed"), bytes);
        }
        return waveforms;
    }

    private static byte[] MiniSeed(string channel)
    {
        var trace = WaveformFile.ReadSingleTrace(Path.Combine(Processing.RunScenario.WaveformFolder, $"S01.{channel}.sac"));
        var counts = trace.Samples.ToArray().Select(v => (int)Math.Round(v * 1e9)).ToArray();
        return Steim2Writer.Write(counts, trace.StartTime, trace.SamplingRate, "SN", "S01", channel);
    }

    /// <summary>The start of an undamaged record of S01's channel.</summary>
    private static DateTime RecordStart(string channel, int record)
    {
        var path = Path.Combine(TestPaths.NewScratchFolder(), "one.mseed");
        File.WriteAllBytes(path, MiniSeed(channel).AsSpan(record * RecordLength, RecordLength).ToArray());
        return WaveformFile.ReadSingleTrace(path).StartTime;
    }
}
