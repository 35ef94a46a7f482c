using System.Diagnostics;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, fault 6: a file whose name is not UTF-8 (even a stray <c>README-\xe9.txt</c>) anywhere under
/// --waveforms stopped the run with "file not found": .NET reads such a name with U+FFFD in place of the
/// bad byte and cannot open it again by that name.
/// </summary>
public sealed class OddFileNameTests
{
    [Fact]
    public void A_name_that_is_not_utf8_is_skipped_with_a_warning_naming_its_bytes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // other systems do not let a file name hold bytes that are not text
        }
        var waveforms = FaultScenario.CopyWaveforms();
        Directory.CreateDirectory(Path.Combine(waveforms, "notes"));
        // .NET cannot spell the name; the shell's printf can (\351 is 0xE9, Latin-1 e-acute).
        using (var touch = Process.Start(new ProcessStartInfo("/bin/sh", new[] { "-c", "touch \"$1/README-$(printf '\\351').txt\"", "sh", Path.Combine(waveforms, "notes") }) { UseShellExecute = false }))
        {
            touch!.WaitForExit();
            Assert.Equal(0, touch.ExitCode);
        }
        var archive = WaveformArchive.Scan(waveforms);
        var skipped = Assert.Single(archive.UnopenableFiles);
        Assert.Contains("README-\\xE9.txt", skipped, StringComparison.Ordinal);
        Assert.Equal(36, archive.Channels.Count);

        var result = ContinuousProcessing.Run(FaultScenario.Options(waveforms, TestPaths.NewScratchFolder()));
        Assert.Contains(result.Warnings, w => w.Message.Contains("README-\\xE9.txt", StringComparison.Ordinal) && w.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        Assert.Equal(2, result.ComputedDays);
    }
}
