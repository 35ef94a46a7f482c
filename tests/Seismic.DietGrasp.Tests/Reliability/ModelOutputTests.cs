using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Tests.DietClassifier;
using Seismic.DietGrasp.Tests.Processing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Issue 15, fault 4: a model whose outputs are not probabilities (NaN from a bit-flipped weight, or rows that
/// do not sum to 1) used to give <c>NaN,NaN,NaN</c> with exit 0. The fixtures come from tools/model/make_test_fixtures.py.
/// </summary>
public sealed class ModelOutputTests
{
    private const int Values = SpectrogramParameters.ValueCount;

    private static string Fixture(string name) => TestPaths.TestData("DietClassifier", name);

    [Fact]
    public void A_NaN_output_names_the_first_bad_row_across_parallel_runs()
    {
        using var model = DietModel.Load(Fixture("nan-above-2.onnx"), new DietModelOptions { BatchParallelism = 4 });
        var input = new float[64 * Values];
        input.AsSpan().Fill(0.5f);
        Assert.Equal(64, model.PredictBatch(input).Length);
        input[(41 * Values) + 7] = 5;
        input[(23 * Values) + 100] = 3;
        var error = Assert.Throws<ModelContractException>(() => model.PredictBatch(input));
        Assert.Contains("spectrogram 23 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("nan-above-2.onnx", error.Message, StringComparison.Ordinal);
        Assert.Throws<ModelContractException>(() => model.Predict(input.AsSpan(41 * Values, Values)));
    }

    [Fact]
    public void Rows_that_do_not_sum_to_one_are_refused()
    {
        using var model = DietModel.Load(Fixture("unnormalised.onnx"));
        var input = new float[3 * Values];
        input.AsSpan().Fill(0.5f);
        var error = Assert.Throws<ModelContractException>(() => model.PredictBatch(input));
        Assert.Contains("spectrogram 0 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("sum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bit_flipped_model_fails_classify_and_run_with_one_line()
    {
        var folder = TestPaths.NewScratchFolder();
        var input = Path.Combine(folder, "S.npy");
        var output = Path.Combine(folder, "P.csv");
        Npy.Write(input, DietModelTests.ReadmeExample(), new[] { 2, 73, 71, 3 });
        var classify = CliRunner.Run("classify", "--spectrograms", input, "--out", output, "--model", Fixture("standin-nan-weight.onnx"));
        Assert.Equal(1, classify.ExitCode);
        Assert.Contains("spectrogram 0 ", classify.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        var run = CliRunner.Run("run", "--waveforms", RunScenario.WaveformFolder, "--stations", RunScenario.StationFile, "--out", Path.Combine(folder, "out"),
            "--threads", "2", "--no-pictures", "--model", Fixture("standin-nan-weight.onnx"));
        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("not a probability", run.Error, StringComparison.Ordinal);
    }
}
