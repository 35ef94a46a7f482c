using Seismic.DietGrasp.DietClassifier.Keras;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp convert-keras</c>: a Keras model file (or weights + architecture JSON) to ONNX, without Python.</summary>
internal sealed class ConvertKerasCommand : ICliCommand
{
    public string Name => "convert-keras";

    public string Description => "Converts a Keras model (Keras 2 .h5, Keras 3 .keras, or weights .h5 with the architecture JSON) to ONNX without Python, and prints its layer table.";

    public string Usage => "convert-keras (--input M.h5|M.keras | --weights W.h5 --config C.json) --out M.onnx";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("input", CliValueKind.Text, "A Keras model file: Keras 2 / tf.keras .h5 (model.save) or Keras 3 .keras; this or --weights with --config.") { Value = "M.h5|M.keras" },
        new CliOption("weights", CliValueKind.Text, "Weights-only HDF5 (save_weights); needs --config.") { Value = "W.h5" },
        new CliOption("config", CliValueKind.Text, "The architecture JSON (model.to_json()) of --weights.") { Value = "C.json" },
        new CliOption("out", CliValueKind.Text, "The ONNX model to write (opset 17); nothing is written when a layer cannot be converted.") { Value = "M.onnx", Required = true },
    };

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
