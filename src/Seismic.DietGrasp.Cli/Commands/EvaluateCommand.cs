using System.Globalization;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp evaluate</c>: DiET on labelled minutes; confusion matrix, metrics, misclassified minutes and two pictures (<see cref="DietEvaluation"/>).</summary>
internal sealed class EvaluateCommand : ICliCommand
{
    /// <summary>The precision-recall picture.</summary>
    public const string PrecisionRecallPicture = "precision_recall.png";

    /// <summary>The reliability diagram.</summary>
    public const string ReliabilityPicture = "reliability.png";

    /// <summary>Groups printed; all are in groups.csv.</summary>
    private const int MaxGroupsShown = 20;

    public string Name => "evaluate";

    public string Description => "DiET on labelled minutes: confusion matrix, per-class precision, recall, F1 and calibration error, the misclassified minutes, and precision-recall and reliability pictures.";

    public string Usage => "evaluate (--spectrograms S.npy | --waveforms W.npy --fs HZ [--highpass HZ]) --labels L.csv --out DIR [--model M.onnx]";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("spectrograms", CliValueKind.Text, "Spectrograms [M, 73, 71, 3] (.npy); this or --waveforms.") { Value = "S.npy" },
        new CliOption("waveforms", CliValueKind.Text, "One-minute waveforms [M, 3, 60 fs] (.npy), high-passed and turned into spectrograms as classify does; needs --fs.") { Value = "W.npy" },
        new CliOption("fs", CliValueKind.Number, "The sampling rate of --waveforms in Hz (>= 40; other rates than multiples of 1.25 Hz are resampled).") { Value = "HZ" }.ReportedAs("sampling_freq", "samplingRate"),
        new CliOption("highpass", CliValueKind.Number, "With --waveforms: the high-pass corner in Hz, 0 for none; default 1.") { Value = "HZ" }.ReportedAs("highPass"),
        new CliOption("labels", CliValueKind.Text, "The true classes: a CSV with the header label and one of earthquake, tremor, noise per row, one row per minute; or the header label,group and each minute's group too (a station, a site, a kind of source), scored per group into groups.csv.") { Value = "L.csv", Required = true },
        new CliOption("out", CliValueKind.Text, "The folder for confusion.csv, metrics.csv, misclassified.csv, groups.csv (with groups) and the two pictures.") { Value = "DIR", Required = true },
        new CliOption("model", CliValueKind.Text, "An ONNX model with the DiET contract; default the bundled model.") { Value = "M.onnx" },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var spectrogramPath = arguments.Optional("spectrograms");
        var waveformPath = arguments.Optional("waveforms");
        var samplingRate = arguments.OptionalDouble("fs");
        var highPass = arguments.OptionalDouble("highpass");
        var labelPath = arguments.Required("labels");
        var output = arguments.Required("out");
        var modelPath = arguments.Optional("model");
        arguments.EnsureAllUsed();
        if ((spectrogramPath is null) == (waveformPath is null))
        {
            throw new CliUsageException("give exactly one of --spectrograms and --waveforms");
        }
        if (waveformPath is not null && samplingRate is null)
        {
            throw new CliUsageException("--waveforms needs --fs");
        }
        if (spectrogramPath is not null && (samplingRate is not null || highPass is not null))
        {
            throw new CliUsageException("--fs and --highpass apply to --waveforms only");
        }

        var (labels, groups) = DietLabelFile.ReadWithGroups(labelPath);
        var spectrograms = spectrogramPath is not null
            ? MinuteInput.ReadSpectrograms(spectrogramPath)
            : MinuteInput.ComputeSpectrograms(waveformPath!, samplingRate!.Value, highPass ?? WaveformPreprocessing.DefaultHighPassCorner, context, Name);
        var minutes = spectrograms.Length / Spectrogram.SpectrogramParameters.ValueCount;
        if (minutes != labels.Count)
        {
            throw new InvalidFileException(labelPath, $"{labels.Count} labels for {minutes} minute(s) in {spectrogramPath ?? waveformPath}; expected one label per minute");
        }
        using var model = modelPath is null ? DietModel.LoadBundled() : DietModel.Load(modelPath);
        var probabilities = model.PredictBatch(spectrograms);
        var evaluation = DietEvaluation.Compute(probabilities, labels);

        var files = DietEvaluationFiles.Write(output, evaluation).ToList();
        var title = $"{model.Source} on {Path.GetFileName(spectrogramPath ?? waveformPath)} ({evaluation.Count} minutes)";
        var precisionRecall = Path.GetFullPath(Path.Combine(output, PrecisionRecallPicture));
        PrecisionRecallPlot.SavePng(precisionRecall, evaluation, title);
        var reliability = Path.GetFullPath(Path.Combine(output, ReliabilityPicture));
        ReliabilityDiagramPlot.SavePng(reliability, evaluation, title);
        files.Add(precisionRecall);
        files.Add(reliability);
        var byGroup = groups is null ? null : evaluation.ByGroup(groups);
        if (byGroup is not null)
        {
            files.Add(DietEvaluationFiles.WriteGroups(output, byGroup));
        }

        context.Output.WriteLine(DietEvaluationFiles.FormatConfusion(evaluation));
        context.Output.WriteLine(string.Format(CultureInfo.InvariantCulture, "accuracy {0:F4} over {1} minutes; macro F1 {2:F4}; calibration error (confidence, {3} bins) {4:F4}",
            evaluation.Accuracy, evaluation.Count, evaluation.MacroF1, DietEvaluation.CalibrationBinCount, evaluation.TopLabelCalibrationError));
        foreach (var (group, scores) in (byGroup ?? Array.Empty<KeyValuePair<string, DietEvaluation>>()).Take(MaxGroupsShown))
        {
            context.Output.WriteLine(DietEvaluationFiles.FormatGroup(group, scores));
        }
        if (byGroup is not null && byGroup.Count > MaxGroupsShown)
        {
            context.Output.WriteLine($"{byGroup.Count - MaxGroupsShown} more group(s) in {DietEvaluationFiles.GroupsFile}");
        }
        foreach (var file in files)
        {
            context.Output.WriteLine($"wrote {file}");
        }
        if (model.IsBundledStandIn)
        {
            context.Error.WriteLine("dietgrasp evaluate: used the bundled stand-in model (trained on synthetic data, not the published DiET); pass --model for your own");
        }
        return CliApp.Success;
    }
}
