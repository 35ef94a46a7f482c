using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, fault 5: a run in which no station-minute can be classified (here every station has only a 20 Hz
/// set, below DiET's 40 Hz) used to end in exit 3 from the timeline heat map after writing the tables, and its
/// warnings were never printed.
/// </summary>
public sealed class EmptyNetworkTests
{
    [Fact]
    public void An_all_empty_run_exits_0_with_its_warnings_and_skips_the_pictures_of_nothing()
    {
        var waveforms = Path.Combine(TestPaths.NewScratchFolder(), "waveforms");
        Directory.CreateDirectory(waveforms);
        foreach (var file in Directory.GetFiles(Processing.RunScenario.WaveformFolder, "S0*.sac"))
        {
            var trace = WaveformFile.ReadSingleTrace(file);
            var decimated = trace.Samples.ToArray().Where((_, i) => i % 5 == 0).ToArray();
            SacFile.Write(Path.Combine(waveforms, Path.GetFileName(file)), new Trace(trace.Id, trace.StartTime, trace.SamplingRate / 5, decimated));
        }
        var output = Path.Combine(TestPaths.NewScratchFolder(), "out");
        var result = CliRunner.Run("run", "--waveforms", waveforms, "--stations", FaultScenario.StationFile, "--out", output, "--threads", "2");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("0 station-minutes classified", result.Output, StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, line => line.Contains("sampling rate 20 Hz cannot make a DiET spectrogram", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, line => line.Contains($"more warning(s), ", StringComparison.Ordinal) && line.Contains(RunLayout.WarningsFile, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(output, RunLayout.TremorTimelineFile)));
        Assert.True(File.Exists(Path.Combine(output, RunLayout.TremorMapFile)));
        Assert.True(File.Exists(Path.Combine(output, RunLayout.TremorCatalogueFile)));

        var library = ContinuousProcessing.Run(new RunOptions(waveforms, FaultScenario.StationFile, output) with { MaxDegreeOfParallelism = 2 });
        var pictures = RunPictures.Save(library, output);
        Assert.Contains($"no station-minute was classified; {RunLayout.TremorTimelineFile} not written", pictures.Warnings);
    }

    [Fact]
    public void The_timeline_of_an_all_empty_table_is_refused_with_the_librarys_exception()
    {
        var stations = StationNetworkCsv.Read(FaultScenario.StationFile);
        var minutes = new[] { new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2016, 4, 1, 0, 1, 0, DateTimeKind.Utc) };
        var values = Enumerable.Repeat(float.NaN, 2 * stations.Count).ToArray();
        var table = new ProbabilityTable(stations.Count, minutes, values);
        var error = Assert.Throws<InvalidParameterException>(() => ProbabilityTimelinePlot.RenderPng(stations, table, Array.Empty<TremorEpisode>()));
        Assert.Contains("every cell is empty", error.Message, StringComparison.Ordinal);
    }
}
