using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp spectrogram</c>: waveforms [M, 3, 60 fs] or [3, 60 fs] (.npy) to DiET spectrograms [M, 73, 71, 3] (.npy, float32).</summary>
internal sealed class SpectrogramCommand : ICliCommand
{
    public string Name => "spectrogram";

    public string Usage => "spectrogram --input W.npy --fs HZ --out S.npy [--png P.png [--minute N]]";

    public int Run(CliArguments arguments, CliContext context)
    {
        var input = arguments.Required("input");
        var samplingRate = arguments.RequiredDouble("fs");
        var output = arguments.Required("out");
        var png = arguments.Optional("png");
        var minute = arguments.OptionalInt("minute");
        arguments.EnsureAllUsed();
        if (minute is not null && png is null)
        {
            throw new CliUsageException("option --minute chooses the station-minute of --png; give --png too");
        }
        var index = minute ?? 0;
        if (index < 0)
        {
            throw new CliUsageException($"option --minute expects a station-minute index from 0, got {index}");
        }
        if (index > 0)
        {
            // Checked before the work: the input's first axis counts its station-minutes ([M, 3, n] or one [3, n]).
            var shape = Npy.ReadHeader(input).Shape;
            var count = shape.Count == 3 ? shape[0] : 1;
            if (index >= count)
            {
                throw new CliUsageException($"option --minute {index} is beyond {input}'s {count} station-minute(s) (0 to {count - 1})");
            }
        }

        var parameters = new SpectrogramParameters(samplingRate);
        var result = DietSpectrogram.ComputeFile(input, output, parameters, context.Cancellation);
        context.Output.WriteLine($"{output}: {result.StationMinutes} spectrogram(s) [{result.StationMinutes}, 73, 71, 3] float32 from {input} at {samplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz");
        if (png is not null)
        {
            try
            {
                var image = index == 0 ? result.FirstSpectrogram
                    : new ReadOnlyMemory<float>(Npy.ReadFloat32(output).Data, index * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount);
                SpectrogramPlot.SavePng(png, image.Span, $"{Path.GetFileName(input)}, station-minute {index}");
            }
            catch
            {
                // All outputs or none: a failed picture takes the spectrogram file with it.
                File.Delete(output);
                throw;
            }
            context.Output.WriteLine($"{png}: picture of station-minute {index}");
        }
        return CliApp.Success;
    }
}
