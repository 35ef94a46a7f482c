namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// How well one class was told apart from the other two (<see cref="DietEvaluation"/>): the argmax
/// scores, and calibration and ranking of the class's own probability, one class against the rest.
/// </summary>
public sealed class DietClassMetrics
{
    internal DietClassMetrics(DietClass kind, int support, int predicted, int truePositives, double calibrationError,
        IReadOnlyList<ReliabilityBin> reliability, IReadOnlyList<PrecisionRecallPoint> curve, double averagePrecision)
    {
        Class = kind;
        Support = support;
        PredictedCount = predicted;
        TruePositives = truePositives;
        Precision = predicted == 0 ? 0 : truePositives / (double)predicted;
        Recall = support == 0 ? 0 : truePositives / (double)support;
        F1 = Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        ExpectedCalibrationError = calibrationError;
        Reliability = reliability;
        PrecisionRecallCurve = curve;
        AveragePrecision = averagePrecision;
    }

    /// <summary>The class.</summary>
    public DietClass Class { get; }

    /// <summary>Minutes whose true label is the class.</summary>
    public int Support { get; }

    /// <summary>Minutes whose most probable class is the class.</summary>
    public int PredictedCount { get; }

    /// <summary>Minutes of the class called the class.</summary>
    public int TruePositives { get; }

    /// <summary>TP / (TP + FP) of the argmax; 0 when the class was never called.</summary>
    public double Precision { get; }

    /// <summary>TP / support of the argmax; 0 when the class has no minute.</summary>
    public double Recall { get; }

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 { get; }

    /// <summary>
    /// Expected calibration error of the class's probability against "is the class", over
    /// <see cref="DietEvaluation.CalibrationBinCount"/> equal-width bins: sum over bins of
    /// (bin count / N) |observed frequency - mean probability|.
    /// </summary>
    public double ExpectedCalibrationError { get; }

    /// <summary>The reliability diagram's bins (all <see cref="DietEvaluation.CalibrationBinCount"/>, empty ones included).</summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; }

    /// <summary>Precision and recall at every distinct probability as threshold, highest threshold first; empty when the class has no minute.</summary>
    public IReadOnlyList<PrecisionRecallPoint> PrecisionRecallCurve { get; }

    /// <summary>The area under the precision-recall steps: sum of (R_k - R_(k-1)) P_k (scikit-learn's average precision); NaN when the class has no minute.</summary>
    public double AveragePrecision { get; }
}
