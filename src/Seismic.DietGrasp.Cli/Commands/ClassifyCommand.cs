using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp classify</c>: DiET probabilities for spectrograms, or for waveforms through their spectrograms.</summary>
internal sealed class ClassifyCommand : ICliCommand
{
    public string Name => "classify";

    public string Usage => "classify (--spectrograms S.npy | --waveforms W.npy --fs HZ [--highpass HZ]) --out P.csv [--model M.onnx]";

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
        using var model = modelPath is null ? DietModel.LoadBundled() : DietModel.Load(modelPath);
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
            context.Error.WriteLine("dietgrasp classify: used the bundled stand-in model (trained on synthetic data, not the published DiET); pass --model for your own");
        }
        return CliApp.Success;
    }
}
