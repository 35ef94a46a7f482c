using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp classify</c>: DiET probabilities for spectrograms, or for waveforms through their spectrograms.</summary>
internal sealed class ClassifyCommand : ICliCommand
{
    public string Name => "classify";

    public string Usage => "classify (--spectrograms S.npy | --waveforms W.npy --fs HZ) --out P.csv [--model M.onnx]";

    public int Run(CliArguments arguments, CliContext context)
    {
        var spectrogramPath = arguments.Optional("spectrograms");
        var waveformPath = arguments.Optional("waveforms");
        var samplingRate = arguments.OptionalDouble("fs");
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
        if (spectrogramPath is not null && samplingRate is not null)
        {
            throw new CliUsageException("--fs applies to --waveforms only");
        }

        var spectrograms = spectrogramPath is not null
            ? ReadSpectrograms(spectrogramPath)
            : ComputeSpectrograms(waveformPath!, samplingRate!.Value, context.Cancellation);
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
            context.Error.WriteLine("dietgrasp classify: used the bundled stand-in model (our own, trained on synthetic and a few real records, not the published DiET); pass --model for your own");
        }
        return CliApp.Success;
    }

    private static float[] ReadSpectrograms(string path)
    {
        var array = Npy.ReadFloat32(path);
        var shape = array.Shape;
        var single = shape.Count == 3 && shape[0] == SpectrogramParameters.FrequencyCount && shape[1] == SpectrogramParameters.TimeCount && shape[2] == SpectrogramParameters.ComponentCount;
        var batch = shape.Count == 4 && shape[0] > 0 && shape[1] == SpectrogramParameters.FrequencyCount && shape[2] == SpectrogramParameters.TimeCount && shape[3] == SpectrogramParameters.ComponentCount;
        if (!single && !batch)
        {
            throw new InvalidFileException(path, $"spectrograms must have shape [M, 73, 71, 3] or [73, 71, 3], got [{string.Join(", ", shape)}]");
        }
        return array.Data;
    }

    private static float[] ComputeSpectrograms(string path, double samplingRate, CancellationToken cancellation)
    {
        var parameters = new SpectrogramParameters(samplingRate);
        var array = Npy.ReadFloat64(path);
        var shape = array.Shape;
        var perMinute = parameters.SamplesPerMinute;
        var fits = (shape.Count == 2 && shape[0] == 3 && shape[1] == perMinute)
            || (shape.Count == 3 && shape[0] > 0 && shape[1] == 3 && shape[2] == perMinute);
        if (!fits)
        {
            throw new InvalidFileException(path, $"waveforms must have shape [M, 3, {perMinute}] or [3, {perMinute}] (60 s at {samplingRate} Hz), got [{string.Join(", ", shape)}]");
        }
        try
        {
            return DietSpectrogram.ComputeBatch(array.Data, parameters, cancellation);
        }
        catch (InvalidWaveformException ex)
        {
            throw new InvalidFileException(path, ex.Message, ex);
        }
    }
}
