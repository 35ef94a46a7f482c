using System.Runtime.Intrinsics.X86;
using Xunit;

namespace Seismic.DietGrasp.Tests.Platform;

/// <summary>A fact about the AVX2 code path, skipped with the reason on machines without AVX2 and 256-bit vectors.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute()
    {
        if (!Avx2.IsSupported || System.Numerics.Vector<double>.Count != 4)
        {
            Skip = $"tests the AVX2 path: this machine has AVX2 {Avx2.IsSupported}, Vector<double>.Count {System.Numerics.Vector<double>.Count}";
        }
    }
}
