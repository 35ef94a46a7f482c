using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.DietClassifier.Keras;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp classify</c>: DiET probabilities for spectrograms, or for waveforms through their spectrograms.</summary>
internal sealed class ClassifyCommand : ICliCommand
{
    public string Name => "classify";

    public string Description => "DiET probabilities of earthquake, tremor and noise for spectrograms, or for waveforms through their spectrograms.";

    public string Usage => "classify (--spectrograms S.npy | --waveforms W.npy --fs HZ [--highpass HZ]) --out P.csv [--model M.onnx|M.h5|M.keras]";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("spectrograms", CliValueKind.Text, "Spectrograms [M, 73, 71, 3] or [73, 71, 3] (.npy, as spectrogram writes them); this or --waveforms.") { Value = "S.npy" },
        new CliOption("waveforms", CliValueKind.Text, "One-minute waveforms [M, 3, 60 fs] or [3, 60 fs] (.npy), turned into spectrograms first; needs --fs.") { Value = "W.npy" },
        new CliOption("fs", CliValueKind.Number, "The sampling rate of --waveforms in Hz, at least 40; a rate the spectrogram does not take (not a multiple of 1.25 Hz, e.g. 128) is resampled to the nearest one it does.") { Value = "HZ" }.ReportedAs("sampling_freq", "samplingRate"),
        new CliOption("highpass", CliValueKind.Number, "With --waveforms: the corner in Hz of the zero-phase Butterworth high-pass applied to each minute before its spectrogram (what run does to the continuous record); 0 turns it off. Default 1.") { Value = "HZ" }.ReportedAs("highPass"),
        new CliOption("out", CliValueKind.Text, "The probabilities to write: CSV with the header earthquake,tremor,noise and one row per input, in order.") { Value = "P.csv", Required = true },
        new CliOption("model", CliValueKind.Text, "An ONNX model, or a Keras .h5/.keras file converted in memory, with the DiET contract [N, 73, 71, 3] -> [N, 3]; default the model bundled with the library.") { Value = "M.onnx|M.h5|M.keras" },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var spectrogramPath = arguments.Optional("spectrograms");
        var waveformPath = arguments.Optional("waveforms");
        var samplingRate = arguments.OptionalDouble("fs");
        var output = arguments.Required("out");
        var modelPath = arguments.Optional("model");
        var highPass = arguments.OptionalDouble("highpass");
        arguments.EnsureAllUsed();
        if ((spectrogramPath is null) == (waveformPath is null))
        {
            throw new CliUsageException("give exactly one of --spectrograms and --waveforms");
        }
        if (waveformPath is not null && samplingRate is null)
        {
            throw new CliUsageException("--waveforms needs --fs");
        }
        if (spectrogramPath is not null && samplingRate is not null)
        {
            throw new CliUsageException("--fs applies to --waveforms only");
        }
        if (spectrogramPath is not null && highPass is not null)
        {
            throw new CliUsageException("--highpass applies to --waveforms only");
        }

        var spectrograms = spectrogramPath is not null
            ? MinuteInput.ReadSpectrograms(spectrogramPath)
            : MinuteInput.ComputeSpectrograms(waveformPath!, samplingRate!.Value, highPass ?? WaveformPreprocessing.DefaultHighPassCorner, context, Name);
        using var model = modelPath is null ? DietModel.LoadBundled()
            : KerasModel.IsKerasFile(modelPath) ? DietModel.LoadKeras(modelPath)
            : DietModel.Load(modelPath);
        DietProbabilities[] probabilities;
        try
        {
            probabilities = model.PredictBatch(spectrograms);
        }
        catch (InvalidParameterException e) when (spectrogramPath is not null)
        {
            // A NaN or infinite value read from the user's file: name the file.
            throw new InvalidFileException(spectrogramPath, e.Message, e);
        }
        DietProbabilityFile.Write(output, probabilities);
        if (model.IsBundledStandIn)
        {
            context.Error.WriteLine("dietgrasp classify: used the bundled stand-in model (our own, trained on synthetic and a few real records, not the published DiET); pass --model for your own");
        }
        return CliApp.Success;
    }
}
