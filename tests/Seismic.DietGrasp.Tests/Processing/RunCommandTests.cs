using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_writes_the_tables_and_reports_counts_and_warnings()
    {
        var folder = TestPaths.NewScratchFolder();
        var result = CliRunner.Run("run", "--waveforms", RunScenario.WaveformFolder, "--stations", RunScenario.StationFile, "--out", folder,
            "--k", "3", "--start", "2016-04-01T23:52:00Z", "--end", "2016-04-02T00:02:00Z", "--threads", "2", "--no-pictures", "--sensitivity", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("109 station-minutes classified, 11 left empty (2 day(s) computed, 0 resumed)", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 earthquake group(s), 4 tremor group(s), 1 tremor episode(s)", result.Output, StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("dietgrasp run: warning: SN.S11..HHY: dead", StringComparison.Ordinal));
        Assert.DoesNotContain("[", result.Error, StringComparison.Ordinal); // no progress bar when stderr is not a terminal
        Assert.True(File.Exists(Path.Combine(folder, RunLayout.TremorCatalogueFile)));
        Assert.Contains("preprocessing: 1 Hz high-pass (Butterworth, order 4, zero-phase, 20 s margins)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Highpass_0_turns_the_filter_off_and_recomputes_the_days()
    {
        var folder = TestPaths.NewScratchFolder();
        string[] Arguments(string highPass) => new[] { "run", "--waveforms", RunScenario.WaveformFolder, "--stations", RunScenario.StationFile, "--out", folder, "--no-pictures", "--highpass", highPass };
        var filtered = CliRunner.Run(Arguments("1"));
        Assert.True(filtered.ExitCode == 0, filtered.Error);
        var table = File.ReadAllText(Path.Combine(folder, RunLayout.TremorProbabilityFile));
        var plain = CliRunner.Run(Arguments("0"));
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains("preprocessing: no high-pass", plain.Output, StringComparison.Ordinal);
        Assert.Contains("(2 day(s) computed, 0 resumed)", plain.Output, StringComparison.Ordinal);
        Assert.NotEqual(table, File.ReadAllText(Path.Combine(folder, RunLayout.TremorProbabilityFile)));
        Assert.Equal(2, CliRunner.Run(Arguments("x")).ExitCode);
        Assert.Equal(1, CliRunner.Run(Arguments("-1")).ExitCode);
    }

    [Fact]
    public void Spectrogram_precision_double_recomputes_the_days_and_finds_the_same_groups()
    {
        var folder = TestPaths.NewScratchFolder();
        string[] Arguments(params string[] more) => new[] { "run", "--waveforms", RunScenario.WaveformFolder, "--stations", RunScenario.StationFile, "--out", folder, "--no-pictures", "--k", "3" }.Concat(more).ToArray();
        static string Groups(string output) => output.Split('\n').Single(line => line.Contains("tremor episode(s)", StringComparison.Ordinal));

        var single = CliRunner.Run(Arguments());
        Assert.True(single.ExitCode == 0, single.Error);
        Assert.Contains("20 s margins); spectrogram transforms in float32", single.Output, StringComparison.Ordinal);
        var singleTable = File.ReadAllText(Path.Combine(folder, RunLayout.TremorProbabilityFile));

        var exact = CliRunner.Run(Arguments("--spectrogram-precision", "double"));
        Assert.True(exact.ExitCode == 0, exact.Error);
        Assert.DoesNotContain("float32", exact.Output, StringComparison.Ordinal);
        // Another arithmetic is another setting: the days made in float32 are not reused.
        Assert.Contains("(2 day(s) computed, 0 resumed)", exact.Output, StringComparison.Ordinal);
        Assert.NotEqual(singleTable, File.ReadAllText(Path.Combine(folder, RunLayout.TremorProbabilityFile)));
        Assert.Equal(Groups(single.Output), Groups(exact.Output));

        Assert.Equal(2, CliRunner.Run(Arguments("--spectrogram-precision", "half")).ExitCode);
    }

    [Fact]
    public void Without_the_high_pass_the_run_keeps_double_unless_told()
    {
        Assert.Equal(Seismic.DietGrasp.Spectrogram.SpectrogramPrecision.Single, new RunOptions("w", "s.csv", "o").EffectiveSpectrogramPrecision);
        Assert.Equal(Seismic.DietGrasp.Spectrogram.SpectrogramPrecision.Double, new RunOptions("w", "s.csv", "o") { HighPass = 0 }.EffectiveSpectrogramPrecision);
        Assert.Equal(Seismic.DietGrasp.Spectrogram.SpectrogramPrecision.Single,
            new RunOptions("w", "s.csv", "o") { HighPass = 0, SpectrogramPrecision = Seismic.DietGrasp.Spectrogram.SpectrogramPrecision.Single }.EffectiveSpectrogramPrecision);
        Assert.Equal(Seismic.DietGrasp.Spectrogram.SpectrogramPrecision.Single, new RunPreprocessor(1).Precision);
        Assert.Equal(Seismic.DietGrasp.Spectrogram.SpectrogramPrecision.Double, new RunPreprocessor(0).Precision);
        var undefined = (Seismic.DietGrasp.Spectrogram.SpectrogramPrecision)5;
        Assert.Equal("spectrogramPrecision", Assert.Throws<InvalidParameterException>(() => new RunOptions("w", "s.csv", "o") { SpectrogramPrecision = undefined }).ParameterName);
        using var model = Seismic.DietGrasp.DietClassifier.DietModel.LoadBundled();
        Assert.Equal("precision", Assert.Throws<InvalidParameterException>(() => new StationClassifier(model, 1, undefined)).ParameterName);
    }

    [Fact]
    public void Bad_input_is_one_line_and_leaves_no_output()
    {
        var folder = TestPaths.NewScratchFolder();
        var output = Path.Combine(folder, "out");
        var missing = CliRunner.Run("run", "--waveforms", Path.Combine(folder, "nowhere"), "--stations", RunScenario.StationFile, "--out", output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Single(missing.ErrorLines);
        Assert.Contains("nowhere", missing.Error, StringComparison.Ordinal);

        var reversed = CliRunner.Run("run", "--waveforms", RunScenario.WaveformFolder, "--stations", RunScenario.StationFile, "--out", output,
            "--start", "2016-04-02T00:00:00Z", "--end", "2016-04-01T00:00:00Z");
        Assert.Equal(1, reversed.ExitCode);
        Assert.Contains("empty", reversed.Error, StringComparison.Ordinal);

        var badTime = CliRunner.Run("run", "--waveforms", RunScenario.WaveformFolder, "--stations", RunScenario.StationFile, "--out", output, "--start", "yesterday");
        Assert.Equal(2, badTime.ExitCode);
        Assert.False(Directory.Exists(output));
    }
}
