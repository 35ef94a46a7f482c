using System.Globalization;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.DietClassifier;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

public class ClassifyCommandTests
{
    [Fact]
    public void SpectrogramsGiveOneRoundTrippableRowEach()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "S.npy");
        var output = Path.Combine(folder, "P.csv");
        Npy.Write(input, DietModelTests.ReadmeExample(), new[] { 2, 73, 71, 3 });
        var result = CliRunner.Run("classify", "--spectrograms", input, "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("stand-in", result.Error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal(new[] { "earthquake,tremor,noise" }, lines.Take(1));
        Assert.Equal(3, lines.Length);
        using var model = DietModel.LoadBundled();
        var expected = model.PredictBatch(DietModelTests.ReadmeExample());
        for (var row = 0; row < 2; row++)
        {
            var fields = lines[row + 1].Split(',').Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(new double[] { expected[row].Earthquake, expected[row].Tremor, expected[row].Noise }, fields);
        }
    }

    [Fact]
    public void WaveformsGoThroughTheLibrarySpectrogram()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        var minutes = new[] { DietClass.Tremor, DietClass.Earthquake }
            .SelectMany((kind, i) => SyntheticStationMinute.Generate(kind, 3_000_000 + (ulong)i).Samples.ToArray()).ToArray();
        Npy.Write(input, minutes, new[] { 2, 3, 6000 });
        var model = Path.Combine(AppContext.BaseDirectory, "TestData", "DietClassifier", "mean-softmax-dynamic.onnx");
        using var loaded = DietModel.Load(model);

        // By default each minute is high-passed at 1 Hz (WaveformPreprocessing.Default); --highpass 0 gives scipy's spectrogram of the samples.
        var filtered = loaded.PredictBatch(DietSpectrogram.ComputeBatch(minutes, 100, WaveformPreprocessing.Default, out _));
        var raw = loaded.PredictBatch(DietSpectrogram.ComputeBatch(minutes, SpectrogramParameters.SNet));
        Assert.NotEqual(raw[0], filtered[0]);
        foreach (var (arguments, expected) in new[] { (Array.Empty<string>(), filtered), (new[] { "--highpass", "0" }, raw), (new[] { "--highpass", "1" }, filtered) })
        {
            var output = Path.Combine(folder, "P.csv");
            var result = CliRunner.Run(new[] { "classify", "--waveforms", input, "--fs", "100", "--out", output, "--model", model }.Concat(arguments).ToArray());
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(string.Empty, result.Error);
            var rows = File.ReadAllLines(output).Skip(1).Select(line => line.Split(',').Select(text => float.Parse(text, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            Assert.Equal(2, rows.Length);
            Assert.Equal(new[] { expected[1].Earthquake, expected[1].Tremor, expected[1].Noise }, rows[1]);
        }
    }

    [Fact]
    public void Waveforms_at_128_hz_are_resampled_to_125_hz_and_said_so()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "W.npy");
        var output = Path.Combine(folder, "P.csv");
        var minute = SyntheticStationMinute.Generate(DietClass.Earthquake, 7, 128).Samples.ToArray();
        Npy.Write(input, minute, new[] { 3, 7680 });
        var result = CliRunner.Run("classify", "--waveforms", input, "--fs", "128", "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("128 Hz resampled to 125 Hz", result.Error, StringComparison.Ordinal);
        using var model = DietModel.LoadBundled();
        var expected = model.PredictBatch(DietSpectrogram.ComputeBatch(minute, 128, WaveformPreprocessing.Default, out var parameters));
        Assert.Equal(125, parameters.SamplingRate);
        var row = File.ReadAllLines(output)[1].Split(',').Select(text => float.Parse(text, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new[] { expected[0].Earthquake, expected[0].Tremor, expected[0].Noise }, row);

        // A rate below 40 Hz, and --highpass with spectrograms, are refused.
        Assert.Equal(1, CliRunner.Run("classify", "--waveforms", input, "--fs", "30", "--out", output).ExitCode);
        Assert.Equal(2, CliRunner.Run("classify", "--spectrograms", input, "--highpass", "1", "--out", output).ExitCode);
    }

    [Fact]
    public void BadInputFailsWithOneLineAndNoOutput()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "S.npy");
        var output = Path.Combine(folder, "P.csv");
        Npy.Write(input, new float[73 * 70 * 3], new[] { 73, 70, 3 });
        var result = CliRunner.Run("classify", "--spectrograms", input, "--out", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains(input, result.Error, StringComparison.Ordinal);
        Assert.Contains("[73, 70, 3]", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        var corrupt = Path.Combine(AppContext.BaseDirectory, "TestData", "DietClassifier", "corrupt.onnx");
        Npy.Write(input, new float[73 * 71 * 3], new[] { 73, 71, 3 });
        var badModel = CliRunner.Run("classify", "--spectrograms", input, "--out", output, "--model", corrupt);
        Assert.Equal(1, badModel.ExitCode);
        Assert.Contains("corrupt.onnx", badModel.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void ExactlyOneInputIsRequired()
    {
        Assert.Equal(2, CliRunner.Run("classify", "--out", "P.csv").ExitCode);
        Assert.Equal(2, CliRunner.Run("classify", "--spectrograms", "S.npy", "--waveforms", "W.npy", "--fs", "100", "--out", "P.csv").ExitCode);
        Assert.Equal(2, CliRunner.Run("classify", "--waveforms", "W.npy", "--out", "P.csv").ExitCode);
    }
}
