namespace Seismic.DietGrasp.IO;

/// <summary>The element types the library reads from and writes to <c>.npy</c> files.</summary>
public enum NpyDataType
{
    /// <summary>IEEE 754 single precision (<c>&lt;f4</c>, or <c>&gt;f4</c> when read).</summary>
    Float32,

    /// <summary>IEEE 754 double precision (<c>&lt;f8</c>, or <c>&gt;f8</c> when read).</summary>
    Float64,
}
