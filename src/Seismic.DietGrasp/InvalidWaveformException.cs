namespace Seismic.DietGrasp;

/// <summary>Waveform samples in memory that cannot be processed (NaN, wrong length, dead channel, ...).</summary>
public sealed class InvalidWaveformException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the samples.</param>
    public InvalidWaveformException(string message)
        : base(message)
    {
    }
}
