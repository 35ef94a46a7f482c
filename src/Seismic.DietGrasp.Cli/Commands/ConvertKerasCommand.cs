using Seismic.DietGrasp.DietClassifier.Keras;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp convert-keras</c>: a Keras model file (or weights + architecture JSON) to ONNX, without Python.</summary>
internal sealed class ConvertKerasCommand : ICliCommand
{
    public string Name => "convert-keras";

    public string Usage => "convert-keras (--input M.h5|M.keras | --weights W.h5 --config C.json) --out M.onnx";

    public int Run(CliArguments arguments, CliContext context)
    {
        var input = arguments.Optional("input");
        var weights = arguments.Optional("weights");
        var config = arguments.Optional("config");
        var output = arguments.Required("out");
        arguments.EnsureAllUsed();
        if ((input is null) == (weights is null && config is null))
        {
            throw new CliUsageException("give either --input, or --weights with --config");
        }
        if (input is null && (weights is null || config is null))
        {
            throw new CliUsageException("--weights and --config go together");
        }
        // The whole conversion happens in Read: a refused model writes nothing.
        var model = input is not null ? KerasModel.Read(input) : KerasModel.ReadWeightsAndConfig(weights!, config!);
        model.WriteOnnx(output);
        context.Output.Write(model.Summary());
        context.Output.WriteLine($"wrote {output}");
        return CliApp.Success;
    }
}
