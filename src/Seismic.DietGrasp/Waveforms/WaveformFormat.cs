namespace Seismic.DietGrasp.Waveforms;

/// <summary>The waveform file formats the library reads.</summary>
public enum WaveformFormat
{
    /// <summary>SAC binary, header version 6, either byte order.</summary>
    Sac,

    /// <summary>miniSEED 2 (SEED 2.4 data records with blockette 1000).</summary>
    MiniSeed,
}
