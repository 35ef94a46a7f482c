using System.Globalization;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary>The station-minutes that <c>classify</c> and <c>evaluate</c> read: spectrograms as given, or waveforms through the preprocessing and the spectrogram.</summary>
internal static class MinuteInput
{
    public static float[] ReadSpectrograms(string path)
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

    /// <summary>Waveforms [M, 3, 60 fs] or [3, 60 fs] at any rate of at least 40 Hz: high-passed (corner 0 = off) minute by minute, resampled when the spectrogram needs it (said on stderr).</summary>
    public static float[] ComputeSpectrograms(string path, double samplingRate, double highPass, CliContext context, string command) =>
        ComputeSpectrograms(path, samplingRate, WaveformPreprocessing.Default with { HighPassCorner = highPass }, context, command);

    /// <summary>Waveforms [M, 3, 60 fs] or [3, 60 fs] through <paramref name="preprocessing"/> and the spectrogram.</summary>
    public static float[] ComputeSpectrograms(string path, double samplingRate, WaveformPreprocessing preprocessing, CliContext context, string command)
    {
        var outputRate = preprocessing.OutputRate(samplingRate);
        var perMinute = Math.Round(samplingRate * SpectrogramParameters.DurationSeconds);
        var array = Npy.ReadFloat64(path);
        var shape = array.Shape;
        var fits = (shape.Count == 2 && shape[0] == 3 && shape[1] == perMinute)
            || (shape.Count == 3 && shape[0] > 0 && shape[1] == 3 && shape[2] == perMinute);
        if (!fits)
        {
            throw new InvalidFileException(path, $"waveforms must have shape [M, 3, {perMinute}] or [3, {perMinute}] (60 s at {Format(samplingRate)} Hz), got [{string.Join(", ", shape)}]");
        }
        if (outputRate != samplingRate)
        {
            context.Error.WriteLine($"dietgrasp {command}: {Format(samplingRate)} Hz resampled to {Format(outputRate)} Hz for the spectrogram");
        }
        try
        {
            return DietSpectrogram.ComputeBatch(array.Data, samplingRate, preprocessing, out _, context.Cancellation);
        }
        catch (InvalidWaveformException ex)
        {
            throw new InvalidFileException(path, ex.Message, ex);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
