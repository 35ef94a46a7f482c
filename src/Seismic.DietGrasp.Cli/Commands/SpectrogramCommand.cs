using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp spectrogram</c>: waveforms [M, 3, 60 fs] or [3, 60 fs] (.npy) to DiET spectrograms [M, 73, 71, 3] (.npy, float32).</summary>
internal sealed class SpectrogramCommand : ICliCommand
{
    public string Name => "spectrogram";

    public string Usage => "spectrogram --input W.npy --fs HZ --out S.npy [--png P.png]";

    public int Run(CliArguments arguments, CliContext context)
    {
        var input = arguments.Required("input");
        var samplingRate = arguments.RequiredDouble("fs");
        var output = arguments.Required("out");
        var png = arguments.Optional("png");
        arguments.EnsureAllUsed();

        var parameters = new SpectrogramParameters(samplingRate);
        var header = Npy.ReadHeader(input);
        var minutes = CountStationMinutes(header, parameters, input);
        float[] spectrograms;
        try
        {
            spectrograms = header.DataType == NpyDataType.Float32
                ? DietSpectrogram.ComputeBatch(Npy.ReadFloat32(input).Data, parameters, context.Cancellation)
                : DietSpectrogram.ComputeBatch(Npy.ReadFloat64(input).Data, parameters, context.Cancellation);
        }
        catch (InvalidWaveformException e)
        {
            throw new InvalidFileException(input, e.Message);
        }
        Npy.Write(output, spectrograms, new[] { minutes, SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount });
        context.Output.WriteLine($"{output}: {minutes} spectrogram(s) [{minutes}, 73, 71, 3] float32 from {input} at {samplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz");
        if (png is not null)
        {
            try
            {
                SpectrogramPlot.SavePng(png, spectrograms.AsSpan(0, SpectrogramParameters.ValueCount), $"{Path.GetFileName(input)}, station-minute 0");
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

    private static int CountStationMinutes(NpyHeader header, SpectrogramParameters parameters, string input)
    {
        var shape = header.Shape;
        var samples = parameters.SamplesPerMinute;
        var expected = $"expected [M, 3, {samples}] or [3, {samples}] (VX, VY, VZ; 60 s at {parameters.SamplingRate.ToString("R", CultureInfo.InvariantCulture)} Hz)";
        var got = $"got shape ({string.Join(", ", shape)})";
        if (shape.Count is < 2 or > 3 || shape[shape.Count - 2] != SpectrogramParameters.ComponentCount)
        {
            throw new InvalidFileException(input, $"{expected}, {got}");
        }
        if (shape[shape.Count - 1] != samples)
        {
            throw new InvalidFileException(input, $"{expected}, {got}: {shape[shape.Count - 1]} samples per component instead of {samples} (wrong --fs?)");
        }
        var minutes = shape.Count == 3 ? shape[0] : 1;
        if (minutes == 0)
        {
            throw new InvalidFileException(input, $"{expected}, {got}: no station-minutes");
        }
        return minutes;
    }
}
