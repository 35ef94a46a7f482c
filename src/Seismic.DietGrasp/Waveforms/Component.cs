namespace Seismic.DietGrasp.Waveforms;

/// <summary>The components DiET works on: two horizontals and the vertical.</summary>
public enum Component
{
    /// <summary>First horizontal (channel code ending in X, E or 1).</summary>
    VX,

    /// <summary>Second horizontal (channel code ending in Y, N or 2).</summary>
    VY,

    /// <summary>Vertical (channel code ending in Z).</summary>
    VZ,
}
