namespace Seismic.DietGrasp.Spectrogram;

/// <summary>The arithmetic of a spectrogram's Fourier transforms.</summary>
public enum SpectrogramPrecision
{
    /// <summary>
    /// Double precision throughout: scipy's <c>spectrogram</c> on float64 samples to about 1e-12 of the 0-1 scale. The
    /// default of the <c>spectrogram</c> command and of <see cref="DietSpectrogram"/>.
    /// </summary>
    Double = 0,

    /// <summary>
    /// The transforms in float32, twice as many frames per vector: about 1.8x fewer vector operations. Within 1e-5 of the
    /// double result on high-passed records (the pipeline's default 1 Hz high-pass); without the high-pass, frames whose
    /// energy lies below 2 Hz can differ by a few 1e-5 in their quietest pixels (as scipy itself does in float32).
    /// </summary>
    Single = 1,
}
