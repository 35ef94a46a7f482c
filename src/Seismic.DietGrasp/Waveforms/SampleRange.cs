namespace Seismic.DietGrasp.Waveforms;

/// <summary>A run of sample indices [<paramref name="Start"/>, <paramref name="Start"/> + <paramref name="Count"/>).</summary>
/// <param name="Start">First index.</param>
/// <param name="Count">Number of indices.</param>
public readonly record struct SampleRange(int Start, int Count)
{
    /// <summary>One past the last index.</summary>
    public int End => Start + Count;
}
