using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier;

public class DietModelTests
{
    private const int Values = SpectrogramParameters.ValueCount;

    private static string Fixture(string name) => TestPaths.TestData("DietClassifier", name);

    /// <summary>The original README's Model_apply.py: row 0 keeps only 2-8 Hz (rows 25..72 = 0.2), row 1 is all ones.</summary>
    internal static float[] ReadmeExample()
    {
        var input = new float[2 * Values];
        input.AsSpan().Fill(1);
        for (var f = 25; f < 73; f++)
        {
            input.AsSpan(f * 71 * 3, 71 * 3).Fill(0.2f);
        }
        return input;
    }

    [Fact]
    public void BundledModelReproducesTheReadmeExample()
    {
        using var model = DietModel.LoadBundled();
        var result = model.PredictBatch(ReadmeExample());
        Assert.Equal(DietClass.Tremor, result[0].MostLikely);
        Assert.Equal(DietClass.Noise, result[1].MostLikely);
        Assert.True(result[0].Tremor > 0.8 && result[1].Noise > 0.8, $"{result[0]} {result[1]}");
        Assert.True(model.IsBundledStandIn);
        Assert.Contains("not the published DiET", model.Description, StringComparison.Ordinal);
        Assert.Contains("not the published DiET", DietModel.BundledModelCard, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultCardSaysHowItDidOnTownNoiseItNeverSaw()
    {
        // Issue 21: a user reading DietModel.BundledModelCard learns the default's real-noise weakness, not only its scores.
        using var card = System.Text.Json.JsonDocument.Parse(DietModel.BundledModelCard);
        var check = card.RootElement.GetProperty("external_noise_check");
        var heldOut = check.GetProperty("held_out").EnumerateObject().ToList();
        Assert.Equal(new[] { "bldg_zurich_1_all", "boston_A23L_all", "hvsr_brussels_1_all", "hvsr_brussels_2_all" }, heldOut.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(106, heldOut.Sum(p => p.Value.GetProperty("minutes").GetInt32()));
        var falseAlarms = heldOut.Sum(p => p.Value.GetProperty("earthquake").GetInt32() + p.Value.GetProperty("tremor").GetInt32());
        Assert.Contains($"{falseAlarms} of 106 minutes are false alarms", check.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheOtherVersionsStayLoadableBesideTheDefaultVersionEight()
    {
        Assert.Equal(DietModelVersion.StandInV8, DietModel.DefaultBundledVersion);
        Assert.Contains("\"model\": \"diet-standin-v8.onnx\"", DietModel.BundledModelCard, StringComparison.Ordinal);
        var versions = new[] { DietModelVersion.StandInV1, DietModelVersion.StandInV2, DietModelVersion.StandInV3, DietModelVersion.StandInV4, DietModelVersion.StandInV5, DietModelVersion.StandInV6 };
        foreach (var version in versions)
        {
            Assert.Contains($"\"model\": \"diet-standin-v{(int)version}.onnx\"", DietModel.GetBundledModelCard(version), StringComparison.Ordinal);
        }
        var models = versions.Select(version => DietModel.LoadBundled(version)).Append(DietModel.LoadBundled()).ToArray();
        try
        {
            for (var i = 0; i < models.Length; i++)
            {
                var expected = i < versions.Length ? (int)versions[i] : (int)DietModel.DefaultBundledVersion;
                Assert.Contains($"diet-standin-v{expected}.onnx", models[i].Source, StringComparison.Ordinal);
                Assert.True(models[i].IsBundledStandIn);
            }
            var input = ReadmeExample();
            var results = models.Select(model => model.PredictBatch(input)).ToArray();
            Assert.All(results, result => Assert.Equal(DietClass.Tremor, result[0].MostLikely));
            Assert.All(results, result => Assert.Equal(DietClass.Noise, result[1].MostLikely));
            Assert.Equal(7, results.Select(result => result[0]).Distinct().Count()); // seven different networks
        }
        finally
        {
            foreach (var model in models)
            {
                model.Dispose();
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => DietModel.LoadBundled((DietModelVersion)7));
    }

    [Fact]
    [Trait("Category", "Slow")] // 13 s in the full run of 2026-12-03 (shared 2-core machine, load about 50)
    public void BundledModelClassifiesFreshSyntheticMinutes()
    {
        // Seeds from 2,000,001 on: never used for training (1..N) or the held-out set (1,000,001..).
        const int PerClass = 60;
        var parameters = SpectrogramParameters.SNet;
        var spectrograms = new float[3 * PerClass * Values];
        Parallel.For(0, 3 * PerClass, i =>
        {
            var minute = SyntheticStationMinute.Generate((DietClass)(i % 3), 2_000_001 + (ulong)(i / 3));
            DietSpectrogram.Compute(minute.Samples.Span, parameters, spectrograms.AsSpan(i * Values, Values));
        });
        using var model = DietModel.LoadBundled();
        var result = model.PredictBatch(spectrograms);
        for (var kind = 0; kind < 3; kind++)
        {
            var correct = Enumerable.Range(0, PerClass).Count(j => (int)result[(3 * j) + kind].MostLikely == kind);
            Assert.True(correct >= 0.9 * PerClass, $"{(DietClass)kind}: {correct} of {PerClass} right");
        }
    }

    [Fact]
    public void NamesAreReadFromTheModelAndOutputsAreExact()
    {
        using var model = DietModel.Load(Fixture("mean-softmax-dynamic.onnx"));
        Assert.Equal("x", model.InputName);
        Assert.Equal("y", model.OutputName);
        Assert.Null(model.FixedBatchSize);
        var input = RandomSpectrograms(3, 1);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] *= 1 + (i % 3); // distinct component means, so the softmax is far from uniform
        }
        var result = model.PredictBatch(input);
        for (var row = 0; row < 3; row++)
        {
            var expected = MeanSoftmax(input.AsSpan(row * Values, Values));
            Assert.Equal(expected[0], result[row].Earthquake, 5);
            Assert.Equal(expected[1], result[row].Tremor, 5);
            Assert.Equal(expected[2], result[row].Noise, 5);
        }
        AssertClose(result[1], model.Predict(input.AsSpan(Values, Values)));
    }

    [Fact]
    public void FixedBatchModelIsFedInChunksWithPadding()
    {
        using var fixedModel = DietModel.Load(Fixture("mean-softmax-fixed2.onnx"));
        using var dynamicModel = DietModel.Load(Fixture("mean-softmax-dynamic.onnx"));
        Assert.Equal(2, fixedModel.FixedBatchSize);
        Assert.Equal("input_1", fixedModel.InputName);
        var input = RandomSpectrograms(5, 2);
        var expected = dynamicModel.PredictBatch(input);
        var actual = fixedModel.PredictBatch(input);
        Assert.Equal(5, actual.Length);
        for (var row = 0; row < 5; row++)
        {
            AssertClose(expected[row], actual[row]);
        }
        AssertClose(expected[0], fixedModel.Predict(input.AsSpan(0, Values)));
    }

    [Theory]
    [InlineData("wrong-input-70.onnx", "[N, 73, 70, 3]")]
    [InlineData("wrong-output-2.onnx", "[N, 2]")]
    public void WrongShapesAreRefusedSayingWhatTheModelHas(string file, string has)
    {
        var error = Assert.Throws<ModelContractException>(() => DietModel.Load(Fixture(file)));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(has, error.Message, StringComparison.Ordinal);
        Assert.Contains("[N, 73, 71, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptAndMissingFilesAreRefusedWithTheirPath()
    {
        var corrupt = Assert.Throws<InvalidFileException>(() => DietModel.Load(Fixture("corrupt.onnx")));
        Assert.Equal(Fixture("corrupt.onnx"), corrupt.FilePath);
        Assert.Contains("not a loadable ONNX model", corrupt.Message, StringComparison.Ordinal);
        var missing = Path.Combine(TestPaths.NewScratchFolder(), "absent.onnx");
        var error = Assert.Throws<InvalidFileException>(() => DietModel.Load(missing));
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        using var stream = new MemoryStream(new byte[] { 1, 2, 3 });
        Assert.Throws<InvalidFileException>(() => DietModel.Load(stream, "three bytes"));
    }

    [Fact]
    public void BadInputIsRefusedBeforeRunning()
    {
        using var model = DietModel.Load(Fixture("mean-softmax-dynamic.onnx"));
        Assert.Throws<InvalidParameterException>(() => model.PredictBatch(new float[Values + 1]));
        Assert.Throws<InvalidParameterException>(() => model.PredictBatch(Array.Empty<float>()));
        Assert.Throws<InvalidParameterException>(() => model.PredictBatch(new float[Values], new float[2]));
        var withNaN = new float[2 * Values];
        withNaN[Values + (((10 * 71) + 4) * 3) + 2] = float.NaN;
        var error = Assert.Throws<InvalidParameterException>(() => model.PredictBatch(withNaN));
        Assert.Contains("spectrogram 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("frequency 10, time 4, component 2", error.Message, StringComparison.Ordinal);
        // The very first and the very last values (outside any whole SIMD block) are checked too.
        foreach (var (index, value, where) in new[] { (0, float.NegativeInfinity, "spectrogram 0 has a non-finite value (-Infinity) at frequency 0, time 0, component 0"), ((2 * Values) - 1, float.PositiveInfinity, "spectrogram 1 has a non-finite value (Infinity) at frequency 72, time 70, component 2") })
        {
            var bad = new float[2 * Values];
            bad[index] = value;
            Assert.Contains(where, Assert.Throws<InvalidParameterException>(() => model.PredictBatch(bad)).Message, StringComparison.Ordinal);
        }
        Assert.Throws<InvalidParameterException>(() => DietModel.Load(Fixture("mean-softmax-dynamic.onnx"), new DietModelOptions { IntraOpThreads = -1 }));
    }

    [Fact]
    public void SixteenThreadsOnOneModelMatchOneThread()
    {
        using var model = DietModel.LoadBundled(new DietModelOptions { IntraOpThreads = 1 });
        var input = RandomSpectrograms(8, 3);
        var expected = model.PredictBatch(input);
        var results = new DietProbabilities[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, thread =>
        {
            for (var repeat = 0; repeat < 5; repeat++)
            {
                results[thread] = thread % 2 == 0
                    ? model.PredictBatch(input)
                    : Enumerable.Range(0, 8).Select(row => model.Predict(input.AsSpan(row * Values, Values))).ToArray();
            }
        });
        foreach (var result in results)
        {
            Assert.Equal(expected.Length, result.Length);
            for (var row = 0; row < expected.Length; row++)
            {
                AssertClose(expected[row], result[row]);
            }
        }
    }

    [Fact]
    public void RunsOfOneBatchSideBySideMatchOneAfterAnother()
    {
        // 53 rows: four runs of 16, the last one short.
        var input = RandomSpectrograms(53, 5);
        using var sequential = DietModel.LoadBundled(new DietModelOptions { BatchParallelism = 1 });
        using var sideBySide = DietModel.LoadBundled(new DietModelOptions { BatchParallelism = 4 });
        Assert.Equal(sequential.PredictBatch(input), sideBySide.PredictBatch(input));

        // A fixed batch of 2: seven rows are four runs, the last one padded, three at a time.
        using var fixedTwo = DietModel.Load(Fixture("mean-softmax-fixed2.onnx"), new DietModelOptions { BatchParallelism = 3 });
        var seven = RandomSpectrograms(7, 6);
        var probabilities = fixedTwo.PredictBatch(seven);
        for (var row = 0; row < 7; row++)
        {
            var expected = MeanSoftmax(seven.AsSpan(row * Values, Values));
            Assert.Equal(expected[0], probabilities[row].Earthquake, 1e-5);
            Assert.Equal(expected[2], probabilities[row].Noise, 1e-5);
        }
        Assert.Throws<InvalidParameterException>(() => DietModel.LoadBundled(new DietModelOptions { BatchParallelism = -1 }));
    }

    [Fact]
    public void AModelFailingInOneRunOfManyIsReportedAsItself()
    {
        using var model = DietModel.Load(Fixture("fails-above-2.onnx"), new DietModelOptions { BatchParallelism = 4 });
        var input = RandomSpectrograms(64, 7);
        Assert.Equal(64, model.PredictBatch(input).Length);
        input[(40 * Values) + 123] = 5;
        var error = Assert.Throws<ModelContractException>(() => model.PredictBatch(input));
        Assert.Contains("failed on a batch of 16 spectrograms", error.Message, StringComparison.Ordinal);
    }

    // Batch and single-row runs may round the last bits differently (ONNX Runtime blocks differently).
    private static void AssertClose(DietProbabilities expected, DietProbabilities actual)
    {
        Assert.Equal(expected.Earthquake, actual.Earthquake, 1e-6f);
        Assert.Equal(expected.Tremor, actual.Tremor, 1e-6f);
        Assert.Equal(expected.Noise, actual.Noise, 1e-6f);
    }

    private static float[] RandomSpectrograms(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * Values];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble();
        }
        return values;
    }

    private static double[] MeanSoftmax(ReadOnlySpan<float> spectrogram)
    {
        var mean = new double[3];
        for (var i = 0; i < spectrogram.Length; i++)
        {
            mean[i % 3] += spectrogram[i];
        }
        var exp = mean.Select(m => Math.Exp(m / (73 * 71))).ToArray();
        return exp.Select(e => e / exp.Sum()).ToArray();
    }
}
