using System.Runtime.CompilerServices;

namespace Seismic.DietGrasp;

/// <summary>Method options for the hot loops (spectrogram, Steim decoding).</summary>
internal static class HotPath
{
    /// <summary>
    /// MethodImplOptions.AggressiveOptimization (value 512): jit the loop fully optimised at once, since a
    /// command-line run is over before tiered compilation would, and in `run` the workers keep both cores
    /// busy, so the background tier-up waits: on the S-net day Steim2's frame loop ran unoptimised for
    /// about 1 s of CPU, 2% of the day (perf, 2026-12-03 23:14 UTC). netstandard2.0 lacks the name, but
    /// .NET honours the flag in a netstandard2.0 assembly too.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
