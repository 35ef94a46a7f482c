using System.Globalization;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary><c>dietgrasp evaluate</c> against files written independently by tools/evaluate/make_cli_fixture.py.</summary>
public sealed class EvaluateCommandTests
{
    private static string Fixture(string name) => TestPaths.TestData("Evaluation", name);

    private static string TestModel => TestPaths.TestData("DietClassifier", "mean-softmax-dynamic.onnx");

    /// <summary>[12, 73, 71, 3] spectrograms, minute i constant per channel at the values of values.csv.</summary>
    private static string WriteSpectrograms(string folder)
    {
        var values = File.ReadAllLines(Fixture("values.csv")).Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var data = new float[values.Length * SpectrogramParameters.ValueCount];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = values[i / SpectrogramParameters.ValueCount][i % 3];
        }
        var path = Path.Combine(folder, "S.npy");
        Npy.Write(path, data, new[] { values.Length, 73, 71, 3 });
        return path;
    }

    [Fact]
    public void Writes_the_expected_tables_and_two_pictures_and_prints_the_confusion_matrix()
    {
        var folder = TestPaths.NewScratchFolder();
        var output = Path.Combine(folder, "out");
        var result = CliRunner.Run("evaluate", "--spectrograms", WriteSpectrograms(folder), "--labels", Fixture("labels.csv"), "--model", TestModel, "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        foreach (var name in new[] { "confusion.csv", "metrics.csv", "misclassified.csv" })
        {
            Assert.Equal(File.ReadAllText(Fixture(name)), File.ReadAllText(Path.Combine(output, name)));
        }
        foreach (var picture in new[] { "precision_recall.png", "reliability.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(output, picture));
            Assert.True(bytes.Length > 10_000, $"{picture}: {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
        }
        Assert.Equal(16, File.ReadAllLines(Path.Combine(output, "reliability.csv")).Length - (3 * 15));
        var lines = result.Output.Split('\n');
        Assert.Matches(@"^true \\ pred\s+earthquake\s+tremor\s+noise$", lines[0]);
        Assert.Matches(@"^earthquake\s+2\s+1\s+1$", lines[1]);
        Assert.Matches(@"^noise\s+1\s+1\s+2$", lines[3]);
        Assert.StartsWith("accuracy 0.5000 over 12 minutes", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Waveforms_go_through_the_high_pass_and_the_spectrogram()
    {
        var folder = TestPaths.NewScratchFolder();
        var kinds = new[] { DietClass.Earthquake, DietClass.Tremor, DietClass.Noise };
        var waveforms = kinds.SelectMany((kind, i) => SyntheticStationMinute.Generate(kind, 40 + (ulong)i).Samples.ToArray()).ToArray();
        var input = Path.Combine(folder, "W.npy");
        Npy.Write(input, waveforms, new[] { 3, 3, 6000 });
        var labels = Path.Combine(folder, "L.csv");
        File.WriteAllLines(labels, new[] { "label", "earthquake", "tremor", "noise" });
        var result = CliRunner.Run("evaluate", "--waveforms", input, "--fs", "100", "--labels", labels, "--out", Path.Combine(folder, "out"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("stand-in", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "out", "metrics.csv")));
    }

    [Fact]
    public void Bad_labels_fail_with_one_line_naming_the_file()
    {
        var folder = TestPaths.NewScratchFolder();
        var spectrograms = WriteSpectrograms(folder);
        var labels = Path.Combine(folder, "L.csv");
        File.WriteAllLines(labels, new[] { "label", "earthquake", "volcano" });
        var result = CliRunner.Run("evaluate", "--spectrograms", spectrograms, "--labels", labels, "--model", TestModel, "--out", Path.Combine(folder, "out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("volcano", result.Error, StringComparison.Ordinal);

        File.WriteAllLines(labels, new[] { "label", "earthquake", "noise" });
        result = CliRunner.Run("evaluate", "--spectrograms", spectrograms, "--labels", labels, "--model", TestModel, "--out", Path.Combine(folder, "out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2 labels for 12 minute(s)", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));

        Assert.Equal(2, CliRunner.Run("evaluate", "--spectrograms", spectrograms, "--fs", "100", "--labels", labels, "--out", folder).ExitCode);
    }
}
