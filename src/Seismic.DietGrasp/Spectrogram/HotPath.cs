using System.Runtime.CompilerServices;

namespace Seismic.DietGrasp.Spectrogram;

/// <summary>Method options for the spectrogram's hot loops.</summary>
internal static class HotPath
{
    /// <summary>
    /// MethodImplOptions.AggressiveOptimization (value 512): jit the loop fully optimised at once, since a
    /// command-line run is over before tiered compilation would. netstandard2.0 lacks the name, but
    /// .NET honours the flag in a netstandard2.0 assembly too.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
