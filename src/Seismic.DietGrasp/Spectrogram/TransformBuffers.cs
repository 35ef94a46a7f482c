using System.Numerics;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>The two Stockham buffer pairs one <see cref="LaneFft{T}"/> transform of N points works in, for either precision.</summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed class TransformBuffers<T>
    where T : struct
{
    public TransformBuffers(int length)
    {
        Re = new Vector<T>[length];
        Im = new Vector<T>[length];
        WorkRe = new Vector<T>[length];
        WorkIm = new Vector<T>[length];
    }

    public Vector<T>[] Re { get; }

    public Vector<T>[] Im { get; }

    public Vector<T>[] WorkRe { get; }

    public Vector<T>[] WorkIm { get; }

    /// <summary>Runs the transform (<see cref="LaneFft{T}.Forward"/>) of the windowed, mean-removed sources in these buffers and returns the pair that holds its result.</summary>
    public (Vector<T>[] Re, Vector<T>[] Im) Forward(LaneFft<T> fft, ReadOnlySpan<Vector<T>> sourceRe, ReadOnlySpan<Vector<T>> sourceIm, ReadOnlySpan<Vector<T>> window, Vector<T> meanRe, Vector<T> meanIm) =>
        fft.Forward(sourceRe, sourceIm, window, meanRe, meanIm, Re, Im, WorkRe, WorkIm) ? (WorkRe, WorkIm) : (Re, Im);
}
