using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Preprocessing;
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
        new CliOption("fs", CliValueKind.Number, "Their sampling rate in Hz: at least 40, a multiple of 1.25.") { Value = "HZ", Required = true }.ReportedAs("sampling_freq", "samplingRate"),
        new CliOption("out", CliValueKind.Text, "The spectrograms to write, .npy float32 [M, 73, 71, 3].") { Value = "S.npy", Required = true },
        new CliOption("highpass", CliValueKind.Number, "Before the spectrograms, a zero-phase Butterworth high-pass with this corner in Hz (as classify and run do); default 0, off: scipy's spectrogram of the samples as given.") { Value = "HZ" }.ReportedAs("highPass"),
        new CliOption("resample", CliValueKind.Flag, "Accept a rate the spectrogram does not take (e.g. 128 Hz) by resampling to the nearest one it does (125 Hz), as run does."),
        new CliOption("png", CliValueKind.Text, "Also draw one spectrogram (the first, or --minute's) to this PNG.") { Value = "P.png" },
        new CliOption("minute", CliValueKind.Integer, "With --png: the station-minute to draw, from 0; default 0.") { Value = "N" },
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var input = arguments.Required("input");
        var samplingRate = arguments.RequiredDouble("fs");
        var output = arguments.Required("out");
        var png = arguments.Optional("png");
        var highPass = arguments.OptionalDouble("highpass") ?? 0;
        var resample = arguments.Flag("resample");
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
            var available = shape.Count == 3 ? shape[0] : 1;
            if (index >= available)
            {
                throw new CliUsageException($"option --minute {index} is beyond {input}'s {available} station-minute(s) (0 to {available - 1})");
            }
        }

        // scipy's spectrogram of the samples as given, unless asked: then what classify --waveforms feeds the model.
        var preprocessing = WaveformPreprocessing.None with { HighPassCorner = highPass, Resample = resample };
        int count;
        ReadOnlyMemory<float> first;
        if (preprocessing.IsNone)
        {
            var result = DietSpectrogram.ComputeFile(input, output, new SpectrogramParameters(samplingRate), context.Cancellation);
            (count, first) = (result.StationMinutes, result.FirstSpectrogram);
        }
        else
        {
            (count, first) = ComputePreprocessed(input, output, samplingRate, preprocessing, context);
        }
        context.Output.WriteLine($"{output}: {count} spectrogram(s) [{count}, 73, 71, 3] float32 from {input} at {samplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz{(preprocessing.IsNone ? string.Empty : $" ({preprocessing})")}");
        if (png is not null)
        {
            try
            {
                var image = index == 0 ? first
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

    private static (int Count, ReadOnlyMemory<float> First) ComputePreprocessed(string input, string output, double samplingRate, WaveformPreprocessing preprocessing, CliContext context)
    {
        var spectrograms = MinuteInput.ComputeSpectrograms(input, samplingRate, preprocessing, context, "spectrogram");
        var count = spectrograms.Length / SpectrogramParameters.ValueCount;
        Npy.Write(output, spectrograms, new[] { count, SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount });
        return (count, spectrograms.AsMemory(0, SpectrogramParameters.ValueCount));
    }
}
