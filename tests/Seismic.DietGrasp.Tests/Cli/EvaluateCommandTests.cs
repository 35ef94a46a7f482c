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
    public void Labels_with_a_group_column_are_scored_per_group_into_groups_csv()
    {
        // The expected counts come from the fixture's labels and misclassified.csv (make_cli_fixture.py), not from DietEvaluation.
        var folder = TestPaths.NewScratchFolder();
        var truth = File.ReadAllLines(Fixture("labels.csv")).Skip(1).ToArray();
        var predicted = (string[])truth.Clone();
        foreach (var row in File.ReadAllLines(Fixture("misclassified.csv")).Skip(1).Select(line => line.Split(',')))
        {
            predicted[int.Parse(row[0], CultureInfo.InvariantCulture)] = row[2];
        }
        var groups = truth.Select((_, i) => i % 3 == 0 ? "OBS.A" : "LAND.B").ToArray();
        var labels = Path.Combine(folder, "L.csv");
        File.WriteAllLines(labels, new[] { "label,group" }.Concat(truth.Select((t, i) => $"{t},{groups[i]}")));
        var output = Path.Combine(folder, "out");

        var result = CliRunner.Run("evaluate", "--spectrograms", WriteSpectrograms(folder), "--labels", labels, "--model", TestModel, "--out", output);

        Assert.Equal(0, result.ExitCode);
        // The whole set's tables are those of the ungrouped run.
        Assert.Equal(File.ReadAllText(Fixture("confusion.csv")), File.ReadAllText(Path.Combine(output, "confusion.csv")));
        var rows = File.ReadAllLines(Path.Combine(output, "groups.csv"));
        Assert.Equal("group,minutes,earthquake,tremor,noise,accuracy,earthquake_recall,tremor_recall,noise_false_alarms,noise_called_earthquake,noise_called_tremor,noise_false_alarm_rate", rows[0]);
        Assert.Equal(new[] { "OBS.A", "LAND.B" }, rows.Skip(1).Select(r => r.Split(',')[0]));
        foreach (var row in rows.Skip(1).Select(r => r.Split(',')))
        {
            var members = Enumerable.Range(0, truth.Length).Where(i => groups[i] == row[0]).ToList();
            int Count(Func<int, bool> where) => members.Count(where);
            var noise = Count(i => truth[i] == "noise");
            Assert.Equal(members.Count.ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(new[] { "earthquake", "tremor", "noise" }.Select(c => Count(i => truth[i] == c).ToString(CultureInfo.InvariantCulture)), row.Skip(2).Take(3));
            Assert.Equal((Count(i => truth[i] == predicted[i]) / (double)members.Count).ToString("F6", CultureInfo.InvariantCulture), row[5]);
            Assert.Equal(Count(i => truth[i] == "noise" && predicted[i] != "noise").ToString(CultureInfo.InvariantCulture), row[8]);
            Assert.Equal(Count(i => truth[i] == "noise" && predicted[i] == "earthquake").ToString(CultureInfo.InvariantCulture), row[9]);
            Assert.Equal(Count(i => truth[i] == "noise" && predicted[i] == "tremor").ToString(CultureInfo.InvariantCulture), row[10]);
            Assert.Equal(noise == 0 ? string.Empty : (Count(i => truth[i] == "noise" && predicted[i] != "noise") / (double)noise).ToString("F6", CultureInfo.InvariantCulture), row[11]);
        }
        Assert.Contains("group OBS.A: 4 minutes", result.Output, StringComparison.Ordinal);
        Assert.Contains("groups.csv", result.Output, StringComparison.Ordinal);

        // A group column with an empty group, or a third column, is refused with the line.
        File.WriteAllLines(labels, new[] { "label,group" }.Concat(truth.Select((t, i) => i == 5 ? $"{t}, " : $"{t},{groups[i]}")));
        var bad = CliRunner.Run("evaluate", "--spectrograms", WriteSpectrograms(folder), "--labels", labels, "--model", TestModel, "--out", Path.Combine(folder, "bad"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("the group is empty", bad.Error, StringComparison.Ordinal);
        File.WriteAllLines(labels, new[] { "label,group,extra" }.Concat(truth.Select(t => $"{t},x,y")));
        bad = CliRunner.Run("evaluate", "--spectrograms", WriteSpectrograms(folder), "--labels", labels, "--model", TestModel, "--out", Path.Combine(folder, "bad"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("expected 'label' or 'label,group'", bad.Error, StringComparison.Ordinal);
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
