using System.Globalization;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp spectrogram</c>: waveforms [M, 3, 60 fs] or [3, 60 fs] (.npy) to DiET spectrograms [M, 73, 71, 3] (.npy, float32).</summary>
internal sealed class SpectrogramCommand : ICliCommand
{
    public string Name => "spectrogram";

    public string Description => "Make_Spec: DiET spectrograms [M, 73, 71, 3] (2-20 Hz, float32) of one-minute 3-component waveforms.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("input", CliValueKind.Text, "Waveforms [M, 3, 60 fs] (M station-minutes; components VX, VY, VZ) or [3, 60 fs], .npy float32 or float64.") { Value = "W.npy", Required = true },
        new CliOption("fs", CliValueKind.Number, "Their sampling rate in Hz: at least 40, a multiple of 1.25.") { Value = "HZ", Required = true }.ReportedAs("sampling_freq"),
        new CliOption("out", CliValueKind.Text, "The spectrograms to write, .npy float32 [M, 73, 71, 3].") { Value = "S.npy", Required = true },
        new CliOption("png", CliValueKind.Text, "Also draw the first spectrogram to this PNG.") { Value = "P.png" },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var input = arguments.Required("input");
        var samplingRate = arguments.RequiredDouble("fs");
        var output = arguments.Required("out");
        var png = arguments.Optional("png");
        arguments.EnsureAllUsed();

        var parameters = new SpectrogramParameters(samplingRate);
        var result = DietSpectrogram.ComputeFile(input, output, parameters, context.Cancellation);
        context.Output.WriteLine($"{output}: {result.StationMinutes} spectrogram(s) [{result.StationMinutes}, 73, 71, 3] float32 from {input} at {samplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz");
        if (png is not null)
        {
            try
            {
                SpectrogramPlot.SavePng(png, result.FirstSpectrogram.Span, $"{Path.GetFileName(input)}, station-minute 0");
            }
            catch
            {
                // All outputs or none: a failed picture takes the spectrogram file with it.
                File.Delete(output);
                throw;
            }
            context.Output.WriteLine($"{png}: picture of station-minute 0");
        }
        return CliApp.Success;
    }
}
