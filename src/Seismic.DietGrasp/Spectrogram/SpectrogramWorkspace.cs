using System.Numerics;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>Scratch buffers for one thread computing spectrograms at one sampling rate.</summary>
internal sealed class SpectrogramWorkspace
{
    public SpectrogramWorkspace(SpectrogramKernel kernel, int segmentLength, int samplesPerMinute, int blockCount)
    {
        Kernel = kernel;
        Transform = new TransformBuffers<double>(segmentLength);
        BlockSums = new double[blockCount];
        // Long enough for the last transform's frames, including the padding frames past the minute.
        LaneTable = new Vector<double>[Math.Max(samplesPerMinute, ((SpectrogramKernel.RowLength - (Vector<double>.Count)) * (samplesPerMinute / blockCount)) + segmentLength)];
        // Padded to whole transforms of either precision; the padding frames' means stay 0.
        Means = new double[SpectrogramKernel.PaddedFrameCount];
        _segmentLength = segmentLength;
        // The float path reads its padded copy up to 7 hops past the last transform's second half (its 8 x 8 blocks).
        _singlePaddedLength = Math.Max(samplesPerMinute, ((SpectrogramKernel.PaddedFrameCount - Vector<float>.Count) * (samplesPerMinute / blockCount)) + segmentLength) + (8 * (samplesPerMinute / blockCount)) + 16;
        // Rounded up to whole 8-double vectors for the logarithm's pass; the tail stays 0.
        Psd = new double[(SpectrogramParameters.ComponentCount * SpectrogramKernel.PlaneLength + 7) / 8 * 8];
        Scaled = new float[Psd.Length];
    }

    private readonly int _segmentLength;
    private readonly int _singlePaddedLength;

    public SpectrogramKernel Kernel { get; }

    /// <summary>The float32 path's buffers (<see cref="SpectrogramPrecision.Single"/>), made on its first use.</summary>
    public SingleBuffers Single => _single ??= new SingleBuffers(_segmentLength, _singlePaddedLength);

    private SingleBuffers? _single;

    /// <summary>Smallest sample of the component last scanned.</summary>
    public double Minimum { get; set; }

    /// <summary>Largest sample of the component last scanned.</summary>
    public double Maximum { get; set; }

    /// <summary>The double path's transform buffers.</summary>
    public TransformBuffers<double> Transform { get; }

    public double[] BlockSums { get; }

    public double[] Means { get; }

    public Vector<double>[] LaneTable { get; }

    /// <summary>PSD, then log10 PSD, in [component][frequency][RowLength] planes.</summary>
    public double[] Psd { get; }

    /// <summary>The scaled image in the same planes, before interleaving into [73, 71, 3].</summary>
    public float[] Scaled { get; }

    /// <summary>The float32 path's transform buffers, lane table and frame means.</summary>
    internal sealed class SingleBuffers
    {
        public SingleBuffers(int segmentLength, int paddedLength)
        {
            Padded = new float[paddedLength];
            Transform = new TransformBuffers<float>(segmentLength);
            LaneTable = new Vector<float>[2 * segmentLength];
            Means = new float[SpectrogramKernel.PaddedFrameCount];
            // Rounded up to whole 16-float vectors for SingleLevels' passes; the tail stays 0.
            Powers = new float[((SpectrogramParameters.ComponentCount * SpectrogramKernel.SinglePlaneLength) + 15) / 16 * 16];
            Pixels = new float[Powers.Length];
        }

        /// <summary>Each component's powers times the bin's PSD factor, in the scaled units, in [component][frequency][SingleRowLength] planes.</summary>
        public float[] Powers { get; }

        /// <summary>Per component, the factor 2^(2 exponent) that takes its <see cref="Powers"/> back to the samples' units.</summary>
        public double[] PowerScales { get; } = new double[SpectrogramParameters.ComponentCount];

        /// <summary>The 0-1 image in the planes of <see cref="Powers"/>, before interleaving into [73, 71, 3].</summary>
        public float[] Pixels { get; }

        public TransformBuffers<float> Transform { get; }

        /// <summary>One transform's lane rows: its first frames' N rows, then its second frames' (Vector&lt;float&gt;.Count frames a row, centred and scaled).</summary>
        public Vector<float>[] LaneTable { get; }

        /// <summary>The component, centred and scaled, then zeros: every row of the table reads inside it (never written past the minute).</summary>
        public float[] Padded { get; }

        /// <summary>The frames' means, centred and scaled as the table.</summary>
        public float[] Means { get; }
    }
}
