using Seismic.DietGrasp.DietClassifier;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier;

/// <summary><see cref="DietEvaluation"/> on six minutes whose scores are worked out by hand below.</summary>
public sealed class DietEvaluationTests
{
    // Labels E, E, T, T, N, N. Predicted (argmax): E, T, T, N, N, N.
    private static readonly DietProbabilities[] Probabilities =
    {
        new(0.7f, 0.2f, 0.1f), new(0.3f, 0.6f, 0.1f), new(0.1f, 0.8f, 0.1f),
        new(0.2f, 0.3f, 0.5f), new(0.1f, 0.1f, 0.8f), new(0.05f, 0.05f, 0.9f),
    };

    private static readonly DietClass[] Labels =
    {
        DietClass.Earthquake, DietClass.Earthquake, DietClass.Tremor, DietClass.Tremor, DietClass.Noise, DietClass.Noise,
    };

    [Fact]
    public void Confusion_accuracy_and_per_class_scores()
    {
        var e = DietEvaluation.Compute(Probabilities, Labels);
        var expected = new[,] { { 1, 1, 0 }, { 0, 1, 1 }, { 0, 0, 2 } };
        foreach (var t in DietEvaluation.Classes)
        {
            foreach (var p in DietEvaluation.Classes)
            {
                Assert.Equal(expected[(int)t, (int)p], e.Confusion(t, p));
            }
        }
        Assert.Equal(4.0 / 6, e.Accuracy, 12);
        Assert.Equal(new[] { 1, 3 }, e.Misclassified());
        // Earthquake: called once, right; 2 of them. Tremor: called twice, once right. Noise: called 3 times, 2 right.
        Assert.Equal((1.0, 0.5, 2.0 / 3, 2), (e[DietClass.Earthquake].Precision, e[DietClass.Earthquake].Recall, Math.Round(e[DietClass.Earthquake].F1, 12), e[DietClass.Earthquake].Support), new Rounded());
        Assert.Equal((0.5, 0.5, 0.5, 2), (e[DietClass.Tremor].Precision, e[DietClass.Tremor].Recall, e[DietClass.Tremor].F1, e[DietClass.Tremor].Support), new Rounded());
        Assert.Equal((2.0 / 3, 1.0, 0.8, 2), (e[DietClass.Noise].Precision, e[DietClass.Noise].Recall, e[DietClass.Noise].F1, e[DietClass.Noise].Support), new Rounded());
        Assert.Equal((2.0 / 3 + 0.5 + 0.8) / 3, e.MacroF1, 9);
    }

    [Fact]
    public void Calibration_error_in_15_equal_width_bins()
    {
        var e = DietEvaluation.Compute(Probabilities, Labels);
        // Earthquake probabilities 0.7 (E), 0.3 (E), 0.1, 0.2, 0.1, 0.05 fall in bins 10, 4, 1, 3, 1, 0:
        // |1 - 0.7| + |1 - 0.3| + 2 |0 - 0.1| + |0 - 0.2| + |0 - 0.05|, over 6 minutes.
        Assert.Equal(1.45 / 6, e[DietClass.Earthquake].ExpectedCalibrationError, 6);
        // Confidences 0.7 (right), 0.6 (wrong), 0.8 (right), 0.5 (wrong), 0.8 (right), 0.9 (right).
        Assert.Equal((0.3 + 0.6 + 0.2 + 0.5 + 0.2 + 0.1) / 6, e.TopLabelCalibrationError, 6);
        var bins = e[DietClass.Earthquake].Reliability;
        Assert.Equal(DietEvaluation.CalibrationBinCount, bins.Count);
        Assert.Equal(2, bins[1].Count);
        Assert.Equal(0.1, bins[1].MeanProbability, 6);
        Assert.Equal(0, bins[1].ObservedFrequency);
        Assert.Equal(1, bins[10].ObservedFrequency);
        Assert.Equal(0, bins[14].Count);
        Assert.True(double.IsNaN(bins[14].MeanProbability));
        Assert.Equal(10.0 / 15, bins[10].Lower, 12);
    }

    [Fact]
    public void Precision_recall_curve_and_average_precision()
    {
        var e = DietEvaluation.Compute(Probabilities, Labels);
        // Tremor probabilities sorted: 0.8 (T), 0.6, 0.3 (T), 0.2, 0.1, 0.05.
        var curve = e[DietClass.Tremor].PrecisionRecallCurve;
        Assert.Equal(new[] { 1, 0.5, 2.0 / 3, 0.5, 0.4, 2.0 / 6 }, curve.Select(p => Math.Round(p.Precision, 12)).ToArray().Select(x => x).ToArray(), new RoundedDouble());
        Assert.Equal(new[] { 0.5, 0.5, 1, 1, 1, 1 }, curve.Select(p => p.Recall).ToArray());
        Assert.Equal(0.5 + (0.5 * 2 / 3), e[DietClass.Tremor].AveragePrecision, 12);
        // Earthquake: the two earthquakes have the two highest probabilities; 0.1 appears twice (one point).
        Assert.Equal(1, e[DietClass.Earthquake].AveragePrecision, 12);
        Assert.Equal(5, e[DietClass.Earthquake].PrecisionRecallCurve.Count);
    }

    [Fact]
    public void A_class_without_minutes_has_zero_recall_and_no_curve()
    {
        var e = DietEvaluation.Compute(new[] { new DietProbabilities(0.1f, 0.2f, 0.7f), new DietProbabilities(0.1f, 0.6f, 0.3f) }, new[] { DietClass.Noise, DietClass.Noise });
        Assert.Equal(0, e[DietClass.Tremor].Support);
        Assert.Equal(0, e[DietClass.Tremor].Recall);
        Assert.Equal(0, e[DietClass.Tremor].Precision);
        Assert.Empty(e[DietClass.Tremor].PrecisionRecallCurve);
        Assert.True(double.IsNaN(e[DietClass.Tremor].AveragePrecision));
        Assert.Equal(0, e[DietClass.Earthquake].Precision);
        Assert.Equal(0.5, e[DietClass.Noise].Recall);
    }

    [Fact]
    public void Groups_are_scored_alone_in_order_of_first_appearance()
    {
        // Minutes 0, 2, 4 (E right, T right, N right) in "b"; 1, 3, 5 (E as T, T as N, N right) in "a".
        var groups = new[] { "b", "a", "b", "a", "b", "a" };
        var byGroup = DietEvaluation.Compute(Probabilities, Labels).ByGroup(groups);

        Assert.Equal(new[] { "b", "a" }, byGroup.Select(g => g.Key));
        Assert.Equal((3, 1.0), (byGroup[0].Value.Count, byGroup[0].Value.Accuracy));
        Assert.Equal(1.0 / 3, byGroup[1].Value.Accuracy, 12);
        Assert.Equal(1, byGroup[1].Value.Confusion(DietClass.Earthquake, DietClass.Tremor));
        Assert.Equal(1, byGroup[1].Value.Confusion(DietClass.Tremor, DietClass.Noise));
        Assert.Throws<InvalidParameterException>(() => DietEvaluation.Compute(Probabilities, Labels).ByGroup(groups.Take(5).ToArray()));
    }

    [Fact]
    public void A_groups_console_line_counts_its_noise_minutes_called_earthquake_or_tremor()
    {
        // Four noise minutes: one called earthquake, one tremor, two noise; and a group with no noise minute.
        var noisy = DietEvaluation.Compute(
            new[] { new DietProbabilities(0.8f, 0.1f, 0.1f), new DietProbabilities(0.1f, 0.7f, 0.2f), new DietProbabilities(0, 0, 1), new DietProbabilities(0.2f, 0.2f, 0.6f) },
            new[] { DietClass.Noise, DietClass.Noise, DietClass.Noise, DietClass.Noise });
        var quiet = DietEvaluation.Compute(new[] { new DietProbabilities(0.9f, 0.05f, 0.05f) }, new[] { DietClass.Earthquake });

        Assert.Equal("group OBS.A: 4 minutes, accuracy 0.5000; noise called earthquake or tremor: 2 of 4 (50.0%)", DietEvaluationFiles.FormatGroup("OBS.A", noisy));
        Assert.Equal("group LAND.B: 1 minutes, accuracy 1.0000; noise called earthquake or tremor: no noise minute", DietEvaluationFiles.FormatGroup("LAND.B", quiet));
        Assert.Throws<ArgumentNullException>(() => DietEvaluationFiles.FormatGroup("x", null!));
        Assert.Throws<ArgumentNullException>(() => DietEvaluationFiles.FormatGroup(null!, quiet));
    }

    [Fact]
    public void Refuses_mismatched_or_empty_input()
    {
        Assert.Throws<InvalidParameterException>(() => DietEvaluation.Compute(Probabilities, Labels.Take(5).ToArray()));
        Assert.Throws<InvalidParameterException>(() => DietEvaluation.Compute(Array.Empty<DietProbabilities>(), Array.Empty<DietClass>()));
        Assert.Throws<InvalidParameterException>(() => DietEvaluation.Compute(new[] { new DietProbabilities(float.NaN, 0, 1) }, new[] { DietClass.Noise }));
        Assert.Throws<InvalidParameterException>(() => DietEvaluation.Compute(new[] { new DietProbabilities(0, 0, 1) }, new[] { (DietClass)7 }));
    }

    private sealed class Rounded : IEqualityComparer<(double, double, double, int)>
    {
        public bool Equals((double, double, double, int) x, (double, double, double, int) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9 && x.Item4 == y.Item4;

        public int GetHashCode((double, double, double, int) obj) => obj.Item4;
    }

    private sealed class RoundedDouble : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
