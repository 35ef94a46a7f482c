using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp waveform</c>: decodes the one continuous trace of a SAC or miniSEED file to a float64 .npy.</summary>
internal sealed class WaveformCommand : ICliCommand
{
    public string Name => "waveform";

    public string Description => "Decodes the one continuous trace of a SAC or miniSEED file to a float64 .npy and prints its header.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("input", CliValueKind.Text, "A SAC (either byte order) or miniSEED file (int16, int32, float32, float64, Steim1, Steim2) holding one continuous trace.") { Value = "FILE", Required = true },
        new CliOption("out", CliValueKind.Text, "The samples to write: a 1-D float64 .npy.") { Value = "X.npy", Required = true },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var input = arguments.Required("input");
        var output = arguments.Required("out");
        arguments.EnsureAllUsed();

        var trace = WaveformFile.ReadSingleTrace(input);
        Npy.Write(output, trace.Samples, new[] { trace.Count });

        var text = context.Output;
        text.WriteLine($"network: {trace.Id.Network}");
        text.WriteLine($"station: {trace.Id.Station}");
        text.WriteLine($"location: {trace.Id.Location}");
        text.WriteLine($"channel: {trace.Id.Channel}");
        text.WriteLine($"start: {trace.StartTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)}");
        text.WriteLine($"sampling rate: {trace.SamplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz");
        text.WriteLine($"samples: {trace.Count.ToString(CultureInfo.InvariantCulture)}");
        return CliApp.Success;
    }
}
