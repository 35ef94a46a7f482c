#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Seismic.DietGrasp.Preprocessing;

/// <summary>
/// The order-4 high-pass's two second-order sections run over three stretches at once, one stretch per lane of a
/// 256-bit vector (the fourth lane idle): the same transposed direct form II, the same operations in the same order
/// per lane (no fused multiply-add), so each lane's numbers are the scalar recursion's bit for bit.
/// </summary>
/// <remarks>
/// Why: with the three components interleaved as scalars, a sample costs 54 multiplies and adds, and the two cores are
/// busy with those rather than waiting on the recursion (4.9 ms per 100 Hz station-hour, 22% of an S-net day's CPU,
/// benchmarks/README.md issue #18). In lanes it is 18 vector operations and a few shuffles: 3.0-3.3 instead of
/// 6.6-6.9 ms a station-hour from the record (PreprocessingBenchmarks, training holding both cores). Two stations'
/// recursions interleaved (x0.96) and cache-resident stretches (x1.07) changed little, because scipy's form of the
/// recursion made each state wait on four dependent operations a sample. With y substituted into the state updates
/// (ButterworthHighPass.Step) it waits on two: 1.70 instead of 2.30 ms a station-hour (x0.74, idle machine). Fused
/// multiply-adds would give 1.48 ms but numbers that differ from the scalar loop's and from the netstandard2.0 build's.
/// </remarks>
internal static class ThreeLaneSections
{
    /// <summary>Whether 256-bit vectors are hardware accelerated here (otherwise the scalar interleaved loop is faster).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Both sections over the three inputs into the outputs (which may be the inputs), forward or backward;
    /// <paramref name="states"/> holds each stretch's four states (s0, s1 of the first section, t0, t1 of the second) one stretch after another,
    /// and is left as the scalar loop would leave it.
    /// </summary>
    /// <param name="k">The recursion's coefficients: b0, b1 - a1 b0, b2 - a2 b0, a1, a2, then the second section's d0, d1 - e1 d0, d2 - e2 d0, e1, e2.</param>
    /// <param name="states">12 states.</param>
    /// <param name="inA">The first input.</param>
    /// <param name="inB">The second input, as long.</param>
    /// <param name="inC">The third input, as long.</param>
    /// <param name="a">The first output, as long.</param>
    /// <param name="b">The second output, as long.</param>
    /// <param name="c">The third output, as long.</param>
    /// <param name="forward">From the first sample to the last, or back.</param>
    public static void Run(ReadOnlySpan<double> k, Span<double> states, ReadOnlySpan<double> inA, ReadOnlySpan<double> inB, ReadOnlySpan<double> inC, Span<double> a, Span<double> b, Span<double> c, bool forward)
    {
        var n = a.Length;
        if (k.Length < 10 || states.Length < 12 || inA.Length != n || inB.Length != n || inC.Length != n || b.Length != n || c.Length != n)
        {
            throw new ArgumentOutOfRangeException(nameof(states), "three equally long stretches, 10 coefficients and 12 states are needed");
        }
        var b0 = Vector256.Create(k[0]);
        var b1 = Vector256.Create(k[1]);
        var b2 = Vector256.Create(k[2]);
        var a1 = Vector256.Create(k[3]);
        var a2 = Vector256.Create(k[4]);
        var d0 = Vector256.Create(k[5]);
        var d1 = Vector256.Create(k[6]);
        var d2 = Vector256.Create(k[7]);
        var e1 = Vector256.Create(k[8]);
        var e2 = Vector256.Create(k[9]);
        var s0 = Vector256.Create(states[0], states[4], states[8], 0);
        var s1 = Vector256.Create(states[1], states[5], states[9], 0);
        var t0 = Vector256.Create(states[2], states[6], states[10], 0);
        var t1 = Vector256.Create(states[3], states[7], states[11], 0);
        ref var xa = ref MemoryMarshal.GetReference(inA);
        ref var xb = ref MemoryMarshal.GetReference(inB);
        ref var xc = ref MemoryMarshal.GetReference(inC);
        ref var ya = ref MemoryMarshal.GetReference(a);
        ref var yb = ref MemoryMarshal.GetReference(b);
        ref var yc = ref MemoryMarshal.GetReference(c);
        var i = forward ? 0 : n - 1;
        var increment = forward ? 1 : -1;
        for (var step = 0; step < n; step++, i += increment)
        {
            var x = Vector256.Create(Unsafe.Add(ref xa, i), Unsafe.Add(ref xb, i), Unsafe.Add(ref xc, i), 0);
            // Exactly the scalar expressions of ButterworthHighPass.RunThree, lane by lane.
            var y = (b0 * x) + s0;
            var z = (d0 * y) + t0;
            (s0, s1) = ((b1 * x) + s1 - (a1 * s0), (b2 * x) - (a2 * s0));
            (t0, t1) = ((d1 * y) + t1 - (e1 * t0), (d2 * y) - (e2 * t0));
            Unsafe.Add(ref ya, i) = z.ToScalar();
            Unsafe.Add(ref yb, i) = z.GetElement(1);
            Unsafe.Add(ref yc, i) = z.GetElement(2);
        }
        for (var lane = 0; lane < 3; lane++)
        {
            states[(4 * lane) + 0] = s0.GetElement(lane);
            states[(4 * lane) + 1] = s1.GetElement(lane);
            states[(4 * lane) + 2] = t0.GetElement(lane);
            states[(4 * lane) + 3] = t1.GetElement(lane);
        }
    }
}
#endif
