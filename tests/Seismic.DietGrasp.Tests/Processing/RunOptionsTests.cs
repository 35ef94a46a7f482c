using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

public sealed class RunOptionsTests
{
    [Fact]
    public void Options_check_paths_range_and_threads()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Path.Combine(folder, "s.csv");
        File.WriteAllText(stations, "name,latitude,longitude\n");
        // Building options never touches the disk; Validate (which Run calls first) does.
        var missingFolder = new RunOptions(Path.Combine(folder, "none"), stations, folder);
        Assert.Equal("waveformDirectory", Assert.Throws<InvalidParameterException>(() => missingFolder.Validate()).ParameterName);
        Assert.Equal("waveformDirectory", Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(missingFolder)).ParameterName);
        Assert.Equal("stationFile", Assert.Throws<InvalidParameterException>(() => new RunOptions(folder, Path.Combine(folder, "none.csv"), folder).Validate()).ParameterName);
        Assert.Equal("outputDirectory", Assert.Throws<InvalidParameterException>(() => new RunOptions(folder, stations, stations).Validate()).ParameterName);
        Assert.Equal("outputDirectory", Assert.Throws<InvalidParameterException>(() => new RunOptions(folder, stations, " ")).ParameterName);
        var options = new RunOptions(folder, stations, Path.Combine(folder, "out"));
        var t = new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Throws<InvalidParameterException>(() => (options with { StartTime = t, EndTime = t }).Validate());
        Assert.Throws<InvalidParameterException>(() => options with { MaxDegreeOfParallelism = 0 });
        Assert.Throws<InvalidParameterException>(() => (options with { ModelPath = Path.Combine(folder, "m.onnx") }).Validate());

        var widened = options with { StartTime = t.AddSeconds(30), EndTime = t.AddMinutes(2).AddSeconds(1) };
        Assert.Equal(t, widened.StartTime);
        Assert.Equal(t.AddMinutes(3), widened.EndTime);
        Assert.Null(options.StartTime);
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void Sensitivities_pick_the_most_specific_entry()
    {
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "sens.csv");
        File.WriteAllLines(path, new[] { "channel,sensitivity", "*,100", "S01,200", "SN.S02,300", "SN.S02..HHZ,400" });
        var table = ChannelSensitivity.Read(path);
        Assert.Equal(100, table.For(new ChannelId("SN", "S09", "", "HHZ")));
        Assert.Equal(200, table.For(new ChannelId("SN", "S01", "", "HHZ")));
        Assert.Equal(300, table.For(new ChannelId("SN", "S02", "", "HHX")));
        Assert.Equal(400, table.For(new ChannelId("SN", "S02", "", "HHZ")));
        Assert.Equal(5e8, ChannelSensitivity.Uniform(5e8).For(new ChannelId("X", "Y", "", "Z")));

        File.WriteAllLines(path, new[] { "channel,sensitivity", "S01,200", "S02,-1" });
        var error = Assert.Throws<InvalidTableException>(() => ChannelSensitivity.Read(path));
        Assert.Equal(3, error.Row);
        Assert.Equal(2, error.Column);
        File.WriteAllLines(path, new[] { "channel,sensitivity", "S01,200", "S01,300" });
        Assert.Equal(3, Assert.Throws<InvalidTableException>(() => ChannelSensitivity.Read(path)).Row);
        Assert.Throws<InvalidParameterException>(() => ChannelSensitivity.Uniform(0));
        Assert.Throws<InvalidParameterException>(() => ChannelSensitivity.Uniform(double.PositiveInfinity));
    }
}
