namespace Seismic.DietGrasp.Processing;

/// <summary>One station-minute's DiET spectrogram with where it came from and its tremor probability (what a picture of a detection needs).</summary>
public sealed class StationMinuteSpectrogram
{
    internal StationMinuteSpectrogram(int station, string stationName, DateTime minute, float tremorProbability, float[] spectrogram)
    {
        Station = station;
        StationName = stationName;
        Minute = minute;
        TremorProbability = tremorProbability;
        Spectrogram = spectrogram;
    }

    /// <summary>The station's index in the station file.</summary>
    public int Station { get; }

    /// <summary>The station's name.</summary>
    public string StationName { get; }

    /// <summary>The minute's start (UTC).</summary>
    public DateTime Minute { get; }

    /// <summary>The tremor probability the model gave the minute.</summary>
    public float TremorProbability { get; }

    /// <summary>The spectrogram, [73, 71, 3] as <see cref="Spectrogram.DietSpectrogram"/> makes it.</summary>
    public ReadOnlyMemory<float> Spectrogram { get; }
}
