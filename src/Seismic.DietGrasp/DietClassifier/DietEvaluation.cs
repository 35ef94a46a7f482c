namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// Scores of DiET probabilities against true labels (<c>dietgrasp evaluate</c>): the confusion matrix of
/// the most probable class, per-class precision, recall, F1 and support, accuracy, and per class, one
/// against the rest, the expected calibration error with its reliability bins (15 equal-width bins of
/// [0, 1]) and the precision-recall curve. Plain numbers: drawing and files live elsewhere
/// (<c>Plotting.EvaluationPlots</c>, the command).
/// </summary>
/// <remarks>
/// Conventions: the predicted class is <see cref="DietProbabilities.MostLikely"/> (ties go to the earlier
/// class); a precision with no minute called the class, or a recall with no minute of it, is 0 (as
/// scikit-learn's default); a probability of exactly 1 falls in the last calibration bin.
/// </remarks>
public sealed class DietEvaluation
{
    /// <summary>Equal-width bins of [0, 1] for calibration error and reliability diagrams.</summary>
    public const int CalibrationBinCount = 15;

    /// <summary>The classes in output order, the order of every table here.</summary>
    public static IReadOnlyList<DietClass> Classes { get; } = new[] { DietClass.Earthquake, DietClass.Tremor, DietClass.Noise };

    private readonly int[] _confusion;
    private readonly DietProbabilities[] _probabilities;
    private readonly DietClass[] _labels;
    private readonly DietClassMetrics[] _metrics;

    private DietEvaluation(DietProbabilities[] probabilities, DietClass[] labels)
    {
        _probabilities = probabilities;
        _labels = labels;
        _confusion = new int[9];
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = probabilities[i].MostLikely;
            _confusion[(3 * (int)labels[i]) + (int)predicted]++;
            correct += predicted == labels[i] ? 1 : 0;
        }
        Accuracy = labels.Length == 0 ? double.NaN : correct / (double)labels.Length;
        _metrics = Classes.Select(ClassMetrics).ToArray();
        (TopLabelCalibrationError, TopLabelReliability) = Calibration(
            probabilities.Select(p => (double)Math.Max(p.Earthquake, Math.Max(p.Tremor, p.Noise))).ToArray(),
            Enumerable.Range(0, labels.Length).Select(i => probabilities[i].MostLikely == labels[i]).ToArray());
    }

    /// <summary>Minutes evaluated.</summary>
    public int Count => _labels.Length;

    /// <summary>The fraction of minutes whose most probable class is their label (NaN when there is none).</summary>
    public double Accuracy { get; }

    /// <summary>The mean of the classes' precisions.</summary>
    public double MacroPrecision => _metrics.Average(m => m.Precision);

    /// <summary>The mean of the classes' recalls.</summary>
    public double MacroRecall => _metrics.Average(m => m.Recall);

    /// <summary>The mean of the classes' F1 scores.</summary>
    public double MacroF1 => _metrics.Average(m => m.F1);

    /// <summary>
    /// Expected calibration error of the confidence (the largest probability) against being right, over
    /// <see cref="CalibrationBinCount"/> equal-width bins.
    /// </summary>
    public double TopLabelCalibrationError { get; }

    /// <summary>The confidence's reliability bins.</summary>
    public IReadOnlyList<ReliabilityBin> TopLabelReliability { get; }

    /// <summary>The minutes' probabilities, in input order.</summary>
    public IReadOnlyList<DietProbabilities> Probabilities => _probabilities;

    /// <summary>The minutes' true labels, in input order.</summary>
    public IReadOnlyList<DietClass> Labels => _labels;

    /// <summary>The per-class metrics.</summary>
    /// <param name="kind">The class.</param>
    /// <returns>Its metrics.</returns>
    public DietClassMetrics this[DietClass kind] => _metrics[ClassIndex(kind)];

    /// <summary>Scores <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    /// <param name="probabilities">One row per minute.</param>
    /// <param name="labels">The true class of each minute, in the same order.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="InvalidParameterException">The counts differ, there is no minute, a label is not a class, or a probability is not finite.</exception>
    public static DietEvaluation Compute(IReadOnlyList<DietProbabilities> probabilities, IReadOnlyList<DietClass> labels)
    {
        if (probabilities is null)
        {
            throw new ArgumentNullException(nameof(probabilities));
        }
        if (labels is null)
        {
            throw new ArgumentNullException(nameof(labels));
        }
        if (probabilities.Count != labels.Count)
        {
            throw new InvalidParameterException(nameof(labels), $"{labels.Count} labels for {probabilities.Count} probability rows; expected one label per row");
        }
        if (labels.Count == 0)
        {
            throw new InvalidParameterException(nameof(labels), "nothing to evaluate: no minute");
        }
        for (var i = 0; i < labels.Count; i++)
        {
            if (!Enum.IsDefined(typeof(DietClass), labels[i]))
            {
                throw new InvalidParameterException(nameof(labels), $"row {i}: {labels[i]} is not a DiET class");
            }
            var p = probabilities[i];
            if (!IsFinite(p.Earthquake) || !IsFinite(p.Tremor) || !IsFinite(p.Noise))
            {
                throw new InvalidParameterException(nameof(probabilities), $"row {i}: probabilities ({p.Earthquake}, {p.Tremor}, {p.Noise}) are not finite");
            }
        }
        return new DietEvaluation(probabilities.ToArray(), labels.ToArray());
    }

    /// <summary>Parses a class name as the label files write it.</summary>
    /// <param name="name">earthquake, tremor or noise (any case, surrounding spaces ignored).</param>
    /// <param name="kind">The class.</param>
    /// <returns>Whether the name is a class.</returns>
    public static bool TryParseClass(string name, out DietClass kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "earthquake":
                kind = DietClass.Earthquake;
                return true;
            case "tremor":
                kind = DietClass.Tremor;
                return true;
            case "noise":
                kind = DietClass.Noise;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>The class's name in files: earthquake, tremor or noise.</summary>
    /// <param name="kind">The class.</param>
    /// <returns>The lower-case name.</returns>
    public static string ClassName(DietClass kind) => Classes[ClassIndex(kind)].ToString().ToLowerInvariant();

    /// <summary>Minutes of true class <paramref name="label"/> whose most probable class is <paramref name="predicted"/>.</summary>
    /// <param name="label">The true class (row).</param>
    /// <param name="predicted">The predicted class (column).</param>
    /// <returns>The count.</returns>
    public int Confusion(DietClass label, DietClass predicted) => _confusion[(3 * ClassIndex(label)) + ClassIndex(predicted)];

    /// <summary>
    /// The same scores for each group of minutes (a station, a site, a kind of source: the <c>group</c> column of a
    /// label file), groups in order of first appearance. Issue 21's noise target is per kind of source: a network's
    /// one noisy station is lost in the overall figures.
    /// </summary>
    /// <param name="groups">The group of each minute, in the minutes' order.</param>
    /// <returns>Each group's name and evaluation.</returns>
    /// <exception cref="InvalidParameterException">The count differs from the minutes', or a group is null.</exception>
    public IReadOnlyList<KeyValuePair<string, DietEvaluation>> ByGroup(IReadOnlyList<string> groups)
    {
        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }
        if (groups.Count != _labels.Length)
        {
            throw new InvalidParameterException(nameof(groups), $"{groups.Count} groups for {_labels.Length} minutes; expected one group per minute");
        }
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i] ?? throw new InvalidParameterException(nameof(groups), $"row {i}: no group");
            if (!members.TryGetValue(group, out var list))
            {
                members[group] = list = new List<int>();
                order.Add(group);
            }
            list.Add(i);
        }
        return order.Select(group => new KeyValuePair<string, DietEvaluation>(group,
            new DietEvaluation(members[group].Select(i => _probabilities[i]).ToArray(), members[group].Select(i => _labels[i]).ToArray()))).ToList();
    }

    /// <summary>The indices (0-based, input order) of the minutes whose most probable class is not their label.</summary>
    /// <returns>The indices, ascending.</returns>
    public IReadOnlyList<int> Misclassified() =>
        Enumerable.Range(0, _labels.Length).Where(i => _probabilities[i].MostLikely != _labels[i]).ToList();

    private static int ClassIndex(DietClass kind) =>
        kind is DietClass.Earthquake or DietClass.Tremor or DietClass.Noise
            ? (int)kind
            : throw new InvalidParameterException(nameof(kind), $"{kind} is not a DiET class");

    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    private DietClassMetrics ClassMetrics(DietClass kind)
    {
        var c = (int)kind;
        var support = _confusion[(3 * c) + 0] + _confusion[(3 * c) + 1] + _confusion[(3 * c) + 2];
        var predicted = _confusion[c] + _confusion[3 + c] + _confusion[6 + c];
        var scores = _probabilities.Select(p => (double)p[kind]).ToArray();
        var positive = _labels.Select(l => l == kind).ToArray();
        var (error, bins) = Calibration(scores, positive);
        var (curve, averagePrecision) = PrecisionRecall(scores, positive, support);
        return new DietClassMetrics(kind, support, predicted, _confusion[(3 * c) + c], error, bins, curve, averagePrecision);
    }

    private static (double Error, IReadOnlyList<ReliabilityBin> Bins) Calibration(double[] scores, bool[] outcomes)
    {
        var counts = new int[CalibrationBinCount];
        var sums = new double[CalibrationBinCount];
        var hits = new int[CalibrationBinCount];
        for (var i = 0; i < scores.Length; i++)
        {
            var b = Math.Min(CalibrationBinCount - 1, Math.Max(0, (int)Math.Floor(scores[i] * CalibrationBinCount)));
            counts[b]++;
            sums[b] += scores[i];
            hits[b] += outcomes[i] ? 1 : 0;
        }
        var bins = new ReliabilityBin[CalibrationBinCount];
        var error = 0.0;
        for (var b = 0; b < CalibrationBinCount; b++)
        {
            var mean = counts[b] == 0 ? double.NaN : sums[b] / counts[b];
            var frequency = counts[b] == 0 ? double.NaN : hits[b] / (double)counts[b];
            bins[b] = new ReliabilityBin(b / (double)CalibrationBinCount, (b + 1) / (double)CalibrationBinCount, counts[b], mean, frequency);
            if (counts[b] > 0)
            {
                error += counts[b] / (double)scores.Length * Math.Abs(frequency - mean);
            }
        }
        return (error, bins);
    }

    private static (IReadOnlyList<PrecisionRecallPoint> Curve, double AveragePrecision) PrecisionRecall(double[] scores, bool[] positive, int support)
    {
        if (support == 0)
        {
            return (Array.Empty<PrecisionRecallPoint>(), double.NaN);
        }
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var curve = new List<PrecisionRecallPoint>();
        int truePositives = 0, called = 0;
        var averagePrecision = 0.0;
        var previousRecall = 0.0;
        for (var k = 0; k < order.Length; k++)
        {
            called++;
            truePositives += positive[order[k]] ? 1 : 0;
            // One point per distinct threshold: after the last minute with this probability.
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]])
            {
                continue;
            }
            var precision = truePositives / (double)called;
            var recall = truePositives / (double)support;
            curve.Add(new PrecisionRecallPoint(scores[order[k]], precision, recall));
            averagePrecision += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return (curve, averagePrecision);
    }
}
