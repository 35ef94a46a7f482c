using System.Numerics;
using System.Runtime.Intrinsics;
using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Spectrogram;

/// <summary>
/// The spectrogram's logarithms have a Vector512 form (AVX-512 machines) and a <see cref="Vector{T}"/> form (AVX2
/// machines, where Vector512 would be emulated in software). They must give the same bits, so that a table does not
/// depend on the machine's instruction set. Vector512 runs here either way (in hardware or emulated), so both forms are
/// compared on every machine.
/// </summary>
public sealed class LogarithmLanesTests
{
    [Fact]
    public void TheDoubleLogarithmsLanesGiveTheVector512Bits()
    {
        var values = Powers(4_096, 3).ToArray();
        var wide = new double[values.Length];
        var lanes = new double[values.Length];
        for (var i = 0; i < values.Length; i += 8)
        {
            SpectrogramKernel.VectorLog10(Vector512.Create(values.AsSpan(i, 8))).CopyTo(wide.AsSpan(i, 8));
        }
        for (var i = 0; i < values.Length; i += Vector<double>.Count)
        {
            SpectrogramKernel.VectorLog10(new Vector<double>(values.AsSpan(i, Vector<double>.Count))).CopyTo(lanes.AsSpan(i, Vector<double>.Count));
        }
        Assert.Equal(BitsOf(wide), BitsOf(lanes));
        Assert.InRange(Math.Abs(lanes[0] - Math.Log10(values[0])), 0, 1e-12);
    }

    [Fact]
    public void TheSingleLogarithmsLanesGiveTheVector512Bits()
    {
        var values = Powers(4_096, 5).Select(v => (float)v).ToArray();
        var wide = new float[values.Length];
        var lanes = new float[values.Length];
        for (var i = 0; i < values.Length; i += 16)
        {
            SingleLevels.Log10(Vector512.Create(values.AsSpan(i, 16))).CopyTo(wide.AsSpan(i, 16));
        }
        for (var i = 0; i < values.Length; i += Vector<float>.Count)
        {
            SingleLevels.Log10(new Vector<float>(values.AsSpan(i, Vector<float>.Count))).CopyTo(lanes.AsSpan(i, Vector<float>.Count));
        }
        Assert.Equal(wide.Select(BitConverter.SingleToInt32Bits), lanes.Select(BitConverter.SingleToInt32Bits));
        Assert.InRange(Math.Abs(lanes[1] - Math.Log10(values[1])), 0, 1e-6);
    }

    /// <summary>Powers over 60 decades, with the mantissa's edges (1, the square root of 2, 2) among them.</summary>
    private static IEnumerable<double> Powers(int count, int seed)
    {
        var random = new Random(seed);
        yield return 1.0;
        yield return Math.Sqrt(2);
        yield return 2.0;
        yield return 1e-30;
        for (var i = 4; i < count; i++)
        {
            yield return Math.Pow(10, (random.NextDouble() * 60) - 30);
        }
    }

    private static long[] BitsOf(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
