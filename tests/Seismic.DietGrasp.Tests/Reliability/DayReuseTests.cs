using Seismic.DietGrasp.Processing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, faults 3 and 8: a finished day is reused only when its input files and its saved files are
/// what they were; otherwise it is computed again, and the run's warnings say which day and why.
/// </summary>
public sealed class DayReuseTests
{
    // Shared by the tests of the class, so not in a per-test scratch folder.
    private static readonly Lazy<(string Waveforms, string Output)> Full = new(() =>
    {
        var waveforms = FaultScenario.CopyWaveforms(shared: true);
        var output = TestPaths.NewSharedFolder();
        ContinuousProcessing.Run(FaultScenario.Options(waveforms, output));
        return (waveforms, output);
    });

    [Fact]
    public void A_day_whose_files_were_held_back_is_computed_again_once_they_are_back()
    {
        var waveforms = FaultScenario.CopyWaveforms(name => name.EndsWith(".day2.sac", StringComparison.Ordinal));
        var output = TestPaths.NewScratchFolder();
        var first = ContinuousProcessing.Run(FaultScenario.Options(waveforms, output));
        Assert.Equal(2, first.ComputedDays);
        Assert.True(float.IsNaN(first.Tremor[9, 2]), "S03 has no samples on day 2 in the first run");
        // Issue 15, item 10: a station ending early is named (it used to leave empty cells without a word).
        Assert.Contains("S03: its three components end at 2016-04-02T00:00:00Z, before the range's end 2016-04-02T00:02:00Z; its cells after are empty", first.Warnings.Select(w => w.Message));

        foreach (var file in Directory.GetFiles(Full.Value.Waveforms, "*.day2.sac"))
        {
            File.Copy(file, Path.Combine(waveforms, Path.GetFileName(file)));
        }
        var second = ContinuousProcessing.Run(FaultScenario.Options(waveforms, output));
        // Day 1 is computed again too: its last minutes' high-pass reads 20 s into day 2's files (the filter margin).
        Assert.Equal(0, second.ResumedDays);
        Assert.Equal(2, second.ComputedDays);
        Assert.Contains(second.Warnings, w => w.Message.StartsWith("day 2016-04-01 recomputed: its input files changed", StringComparison.Ordinal));
        var note = Assert.Single(second.Warnings, w => w.Message.StartsWith("day 2016-04-02 recomputed", StringComparison.Ordinal));
        Assert.StartsWith("day 2016-04-02 recomputed: its input files changed", note.Message, StringComparison.Ordinal);
        Assert.Contains("3 new (S03.HHX.day2.sac", note.Message, StringComparison.Ordinal);
        Assert.False(float.IsNaN(second.Tremor[9, 2]));
        Assert.Equal(FaultScenario.Tables(Full.Value.Output), FaultScenario.Tables(output));
    }

    [Fact]
    public void A_changed_input_file_recomputes_the_days_it_touches_only()
    {
        var waveforms = FaultScenario.CopyWaveforms();
        var output = TestPaths.NewScratchFolder();
        ContinuousProcessing.Run(FaultScenario.Options(waveforms, output) with { HighPass = 0 });
        File.SetLastWriteTimeUtc(Path.Combine(waveforms, "S03.HHZ.day1.sac"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var again = ContinuousProcessing.Run(FaultScenario.Options(waveforms, output) with { HighPass = 0 });
        // With the high-pass off, a day reads no margin across midnight: only the day the file covers is computed again.
        Assert.Equal(1, again.ComputedDays);
        Assert.Contains(again.Warnings, w => w.Message.StartsWith("day 2016-04-01 recomputed: its input files changed", StringComparison.Ordinal) && w.Message.Contains("1 changed (S03.HHZ.day1.sac)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("truncated")]
    [InlineData("one digit changed")]
    public void A_damaged_day_file_with_its_marker_is_computed_again_with_a_warning(string damage)
    {
        var output = TestPaths.NewScratchFolder();
        foreach (var file in Directory.GetFiles(Full.Value.Output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(output, file.Substring(Full.Value.Output.Length + 1));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var table = Path.Combine(output, "days", "2016-04-01", RunLayout.TremorProbabilityFile);
        var bytes = File.ReadAllBytes(table);
        File.WriteAllBytes(table, damage switch
        {
            "empty" => Array.Empty<byte>(),
            "truncated" => bytes.AsSpan(0, bytes.Length / 2).ToArray(),
            _ => Flip(bytes),
        });

        var again = ContinuousProcessing.Run(FaultScenario.Options(Full.Value.Waveforms, output));
        Assert.Equal(1, again.ComputedDays);
        Assert.Equal(1, again.ResumedDays);
        Assert.Contains(again.Warnings, w => w.Message.StartsWith("day 2016-04-01 recomputed: ", StringComparison.Ordinal) && w.Message.Contains(RunLayout.TremorProbabilityFile, StringComparison.Ordinal));
        Assert.Equal(FaultScenario.Tables(Full.Value.Output), FaultScenario.Tables(output));
    }

    // A digit in the last row changed to another digit: still a valid table, with one wrong probability.
    private static byte[] Flip(byte[] bytes)
    {
        var copy = bytes.ToArray();
        var i = copy.Length - 3;
        while (copy[i] is < (byte)'0' or > (byte)'9')
        {
            i--;
        }
        copy[i] = (byte)(copy[i] == '9' ? '8' : copy[i] + 1);
        return copy;
    }
}
