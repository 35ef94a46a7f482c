using System.Globalization;
using System.Text;
using Seismic.DietGrasp.IO;

namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// The tables of <c>dietgrasp evaluate</c>, written atomically into one folder. Numbers are written with
/// six decimals (invariant culture); an undefined number (NaN) is an empty cell.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>confusion.csv</c>: header <c>label,earthquake,tremor,noise</c>; one row per true class in that order, the counts of each predicted class.</item>
/// <item><c>metrics.csv</c>: header <c>class,precision,recall,f1,support,ece,average_precision</c>; a row per class (ece: one against the rest, 15 equal-width bins), <c>macro</c> (means over the classes, support the total) and <c>all</c> (micro averages, which for one label per minute all equal the accuracy, and the confidence's ECE).</item>
/// <item><c>misclassified.csv</c>: header <c>index,label,predicted,earthquake,tremor,noise</c>; 0-based input index, true and most probable class, the three probabilities.</item>
/// <item><c>reliability.csv</c>: header <c>class,lower,upper,count,mean_probability,observed_frequency</c>; the 15 bins per class and for the confidence (class <c>confidence</c>).</item>
/// <item><c>precision_recall.csv</c>: header <c>class,threshold,precision,recall</c>; each class's curve, highest threshold first.</item>
/// <item><c>groups.csv</c> (<see cref="WriteGroups"/>, when the labels name groups): header <c>group,minutes,earthquake,tremor,noise,accuracy,earthquake_recall,tremor_recall,noise_false_alarms,noise_called_earthquake,noise_called_tremor,noise_false_alarm_rate</c>; a row per group in order of first appearance: its minutes, how many of each true class, the accuracy, the recall of earthquakes and tremor (empty where the group has none), and its noise minutes called earthquake or tremor.</item>
/// </list>
/// </remarks>
public static class DietEvaluationFiles
{
    /// <summary>The confusion matrix.</summary>
    public const string ConfusionFile = "confusion.csv";

    /// <summary>Per-class and overall scores.</summary>
    public const string MetricsFile = "metrics.csv";

    /// <summary>The misclassified minutes.</summary>
    public const string MisclassifiedFile = "misclassified.csv";

    /// <summary>The reliability-diagram bins.</summary>
    public const string ReliabilityFile = "reliability.csv";

    /// <summary>The precision-recall curves.</summary>
    public const string PrecisionRecallFile = "precision_recall.csv";

    /// <summary>The scores per group.</summary>
    public const string GroupsFile = "groups.csv";

    /// <summary>Writes <see cref="GroupsFile"/> into <paramref name="folder"/> (created when missing).</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="groups">The groups' evaluations (<see cref="DietEvaluation.ByGroup"/>).</param>
    /// <returns>The path written.</returns>
    public static string WriteGroups(string folder, IReadOnlyList<KeyValuePair<string, DietEvaluation>> groups)
    {
        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, GroupsFile);
        CsvTable.Write(path,
            new[] { "group", "minutes", "earthquake", "tremor", "noise", "accuracy", "earthquake_recall", "tremor_recall", "noise_false_alarms", "noise_called_earthquake", "noise_called_tremor", "noise_false_alarm_rate" },
            groups.Select(pair =>
            {
                var e = pair.Value;
                int Support(DietClass kind) => e[kind].Support;
                double Recall(DietClass kind) => Support(kind) == 0 ? double.NaN : e[kind].Recall;
                var (calledEarthquake, calledTremor) = NoiseCalledOther(e);
                var noise = Support(DietClass.Noise);
                return new[]
                {
                    pair.Key, Int(e.Count), Int(Support(DietClass.Earthquake)), Int(Support(DietClass.Tremor)), Int(noise), Number(e.Accuracy),
                    Number(Recall(DietClass.Earthquake)), Number(Recall(DietClass.Tremor)), Int(calledEarthquake + calledTremor), Int(calledEarthquake), Int(calledTremor),
                    Number(noise == 0 ? double.NaN : (calledEarthquake + calledTremor) / (double)noise),
                };
            }));
        return System.IO.Path.GetFullPath(path);
    }

    /// <summary>One group's line for a console: its minutes, accuracy and noise minutes called earthquake or tremor (the figures of <see cref="GroupsFile"/>).</summary>
    /// <param name="group">The group's name.</param>
    /// <param name="evaluation">The group's scores (<see cref="DietEvaluation.ByGroup"/>).</param>
    /// <returns>One line.</returns>
    public static string FormatGroup(string group, DietEvaluation evaluation)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }
        if (evaluation is null)
        {
            throw new ArgumentNullException(nameof(evaluation));
        }
        var noise = evaluation[DietClass.Noise].Support;
        var (calledEarthquake, calledTremor) = NoiseCalledOther(evaluation);
        var falseAlarms = calledEarthquake + calledTremor;
        return string.Format(CultureInfo.InvariantCulture, "group {0}: {1} minutes, accuracy {2:F4}; noise called earthquake or tremor: {3}",
            group, evaluation.Count, evaluation.Accuracy, noise == 0 ? "no noise minute" : string.Format(CultureInfo.InvariantCulture, "{0} of {1} ({2:0.0%})", falseAlarms, noise, falseAlarms / (double)noise));
    }

    /// <summary>The noise minutes called earthquake and called tremor: a group's false alarms, in one place for the file and the console.</summary>
    private static (int Earthquake, int Tremor) NoiseCalledOther(DietEvaluation evaluation) =>
        (evaluation.Confusion(DietClass.Noise, DietClass.Earthquake), evaluation.Confusion(DietClass.Noise, DietClass.Tremor));

    /// <summary>Writes the five tables into <paramref name="folder"/> (created when missing).</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="evaluation">The scores.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string folder, DietEvaluation evaluation)
    {
        if (evaluation is null)
        {
            throw new ArgumentNullException(nameof(evaluation));
        }
        Directory.CreateDirectory(folder);
        string Path(string name) => System.IO.Path.Combine(folder, name);
        var classes = DietEvaluation.Classes;
        var names = classes.Select(DietEvaluation.ClassName).ToArray();

        CsvTable.Write(Path(ConfusionFile), new[] { "label" }.Concat(names).ToArray(),
            classes.Select(label => new[] { DietEvaluation.ClassName(label) }.Concat(classes.Select(p => Int(evaluation.Confusion(label, p)))).ToArray()));

        var metrics = classes.Select(c => evaluation[c]).Select(m => new[]
        {
            DietEvaluation.ClassName(m.Class), Number(m.Precision), Number(m.Recall), Number(m.F1), Int(m.Support), Number(m.ExpectedCalibrationError), Number(m.AveragePrecision),
        }).ToList();
        var averagePrecisions = classes.Select(c => evaluation[c].AveragePrecision).Where(a => !double.IsNaN(a)).ToList();
        metrics.Add(new[]
        {
            "macro", Number(evaluation.MacroPrecision), Number(evaluation.MacroRecall), Number(evaluation.MacroF1), Int(evaluation.Count),
            Number(classes.Average(c => evaluation[c].ExpectedCalibrationError)), Number(averagePrecisions.Count == 0 ? double.NaN : averagePrecisions.Average()),
        });
        metrics.Add(new[] { "all", Number(evaluation.Accuracy), Number(evaluation.Accuracy), Number(evaluation.Accuracy), Int(evaluation.Count), Number(evaluation.TopLabelCalibrationError), string.Empty });
        CsvTable.Write(Path(MetricsFile), new[] { "class", "precision", "recall", "f1", "support", "ece", "average_precision" }, metrics);

        CsvTable.Write(Path(MisclassifiedFile), new[] { "index", "label", "predicted" }.Concat(names).ToArray(),
            evaluation.Misclassified().Select(i =>
            {
                var p = evaluation.Probabilities[i];
                return new[] { Int(i), DietEvaluation.ClassName(evaluation.Labels[i]), DietEvaluation.ClassName(p.MostLikely), Number(p.Earthquake), Number(p.Tremor), Number(p.Noise) };
            }));

        var reliability = classes.SelectMany(c => Bins(DietEvaluation.ClassName(c), evaluation[c].Reliability)).Concat(Bins("confidence", evaluation.TopLabelReliability));
        CsvTable.Write(Path(ReliabilityFile), new[] { "class", "lower", "upper", "count", "mean_probability", "observed_frequency" }, reliability);

        CsvTable.Write(Path(PrecisionRecallFile), new[] { "class", "threshold", "precision", "recall" },
            classes.SelectMany(c => evaluation[c].PrecisionRecallCurve.Select(point => new[] { DietEvaluation.ClassName(c), Number(point.Threshold), Number(point.Precision), Number(point.Recall) })));
        return new[] { ConfusionFile, MetricsFile, MisclassifiedFile, ReliabilityFile, PrecisionRecallFile }.Select(name => System.IO.Path.GetFullPath(Path(name))).ToList();
    }

    /// <summary>The confusion matrix as aligned text (true class down, predicted across), for a console.</summary>
    /// <param name="evaluation">The scores.</param>
    /// <returns>Four lines.</returns>
    public static string FormatConfusion(DietEvaluation evaluation)
    {
        if (evaluation is null)
        {
            throw new ArgumentNullException(nameof(evaluation));
        }
        var text = new StringBuilder();
        text.Append(string.Format(CultureInfo.InvariantCulture, "{0,-12}", "true \\ pred"));
        foreach (var c in DietEvaluation.Classes)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "{0,12}", DietEvaluation.ClassName(c)));
        }
        foreach (var label in DietEvaluation.Classes)
        {
            text.Append('\n').Append(string.Format(CultureInfo.InvariantCulture, "{0,-12}", DietEvaluation.ClassName(label)));
            foreach (var predicted in DietEvaluation.Classes)
            {
                text.Append(string.Format(CultureInfo.InvariantCulture, "{0,12}", evaluation.Confusion(label, predicted)));
            }
        }
        return text.ToString();
    }

    private static IEnumerable<string[]> Bins(string name, IReadOnlyList<ReliabilityBin> bins) =>
        bins.Select(b => new[] { name, Number(b.Lower), Number(b.Upper), Int(b.Count), Number(b.MeanProbability), Number(b.ObservedFrequency) });

    private static string Number(double value) => double.IsNaN(value) ? string.Empty : value.ToString("F6", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
