namespace Seismic.DietGrasp.Spectrogram;

/// <summary>What <see cref="DietSpectrogram.ComputeFile"/> wrote.</summary>
public sealed class SpectrogramFileResult
{
    internal SpectrogramFileResult(int stationMinutes, float[] firstSpectrogram)
    {
        StationMinutes = stationMinutes;
        FirstSpectrogram = firstSpectrogram;
    }

    /// <summary>M, the number of station-minutes (spectrograms) in the output file.</summary>
    public int StationMinutes { get; }

    /// <summary>The first station-minute's spectrogram, [73, 71, 3] (e.g. for a picture).</summary>
    public ReadOnlyMemory<float> FirstSpectrogram { get; }
}
