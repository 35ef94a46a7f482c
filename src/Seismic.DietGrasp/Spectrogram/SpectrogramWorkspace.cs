using System.Numerics;
#if NET
#endif

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>Scratch buffers for one thread computing spectrograms at one sampling rate.</summary>
internal sealed class SpectrogramWorkspace
{
    public SpectrogramWorkspace(SpectrogramKernel kernel, int segmentLength, int samplesPerMinute, int blockCount)
    {
        Kernel = kernel;
        Re = new Vector<double>[segmentLength];
        Im = new Vector<double>[segmentLength];
        WorkRe = new Vector<double>[segmentLength];
        WorkIm = new Vector<double>[segmentLength];
        BlockSums = new double[blockCount];
        // Long enough for the last transform's frames, including the padding frames past the minute.
        LaneTable = new Vector<double>[Math.Max(samplesPerMinute, ((SpectrogramKernel.RowLength - (Vector<double>.Count)) * (samplesPerMinute / blockCount)) + segmentLength)];
        // Padded to whole transforms; the padding frames' means stay 0.
        Means = new double[SpectrogramKernel.RowLength];
        // Rounded up to whole 8-double vectors for the logarithm's pass; the tail stays 0.
        Psd = new double[(SpectrogramParameters.ComponentCount * SpectrogramKernel.PlaneLength + 7) / 8 * 8];
        Scaled = new float[Psd.Length];
    }

    public SpectrogramKernel Kernel { get; }

    public Vector<double>[] Re { get; }

    public Vector<double>[] Im { get; }

    public Vector<double>[] WorkRe { get; }

    public Vector<double>[] WorkIm { get; }

    public double[] BlockSums { get; }

    public double[] Means { get; }

    public Vector<double>[] LaneTable { get; }

    /// <summary>PSD, then log10 PSD, in [component][frequency][RowLength] planes.</summary>
    public double[] Psd { get; }

    /// <summary>The scaled image in the same planes, before interleaving into [73, 71, 3].</summary>
    public float[] Scaled { get; }
}
