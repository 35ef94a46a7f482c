using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Spectrogram;

public sealed class DietSpectrogramTests
{
    private static readonly SpectrogramParameters Rate = SpectrogramParameters.SNet;

    private static double[] Noise(int minutes, int seed, double fs = 100)
    {
        var random = new Random(seed);
        var data = new double[minutes * 3 * (int)(60 * fs)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble() - 0.5 + (i % 7 == 0 ? 0.3 : 0);
        }
        return data;
    }

    [Fact]
    public void BatchEqualsSingleMinutesBitForBit()
    {
        var batch = Noise(7, 1);
        var all = DietSpectrogram.ComputeBatch(batch, Rate);
        Assert.Equal(7 * 15549, all.Length);
        for (var m = 0; m < 7; m++)
        {
            var single = DietSpectrogram.Compute(batch.AsSpan(m * 18000, 18000), Rate);
            Assert.True(single.AsSpan().SequenceEqual(all.AsSpan(m * 15549, 15549)), $"station-minute {m}");
        }
    }

    [Fact]
    public void ParallelBatchIsDeterministicAndFloat32BatchAgrees()
    {
        var batch = Noise(16, 2);
        var first = DietSpectrogram.ComputeBatch(batch, Rate);
        var second = new float[first.Length];
        DietSpectrogram.ComputeBatch(batch, Rate, second);
        Assert.Equal(first, second);

        var narrow = batch.Select(v => (float)v).ToArray();
        var fromFloat = DietSpectrogram.ComputeBatch(narrow, Rate);
        var fromWidened = DietSpectrogram.ComputeBatch(narrow.Select(v => (double)v).ToArray(), Rate);
        Assert.Equal(fromWidened, fromFloat);
    }

    [Fact]
    public void ASinusoidLightsItsOwnRowOnItsOwnComponent()
    {
        var x = new double[18000];
        var random = new Random(3);
        for (var i = 0; i < 6000; i++)
        {
            var t = i / 100.0;
            x[i] = 1e-3 * (random.NextDouble() - 0.5);
            x[6000 + i] = 1e-3 * (random.NextDouble() - 0.5);
            x[12000 + i] = Math.Sin(2 * Math.PI * 8.0 * t) + (1e-3 * (random.NextDouble() - 0.5));
        }
        var image = DietSpectrogram.Compute(x, Rate);
        Assert.All(Enumerable.Range(0, 71), t => Assert.True(image[SpectrogramParameters.IndexOf(24, t, 2)] > 0.99f));
        Assert.All(Enumerable.Range(0, 71), t => Assert.True(image[SpectrogramParameters.IndexOf(24, t, 0)] < 0.5f));
        Assert.All(Enumerable.Range(0, 71), t => Assert.True(image[SpectrogramParameters.IndexOf(60, t, 2)] < 0.5f));
    }

    [Fact]
    public void SpanOverloadWritesIntoTheCallersBufferWithoutAllocating()
    {
        var x = Noise(1, 4);
        var buffer = new float[15549];
        DietSpectrogram.Compute(x, Rate, buffer); // warms the thread's workspace
        var before = GC.GetAllocatedBytesForCurrentThread();
        DietSpectrogram.Compute(x, Rate, buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(DietSpectrogram.Compute(x, Rate), buffer);
    }

    [Theory]
    [InlineData(0, 17, double.NaN, "component VX, sample 17: NaN")]
    [InlineData(1, 5999, double.PositiveInfinity, "component VY, sample 5999: +infinity")]
    [InlineData(2, 0, double.NegativeInfinity, "component VZ, sample 0: -infinity")]
    public void NonFiniteSamplesAreRefusedByComponentAndIndex(int component, int index, double value, string expected)
    {
        var x = Noise(1, 5);
        x[(component * 6000) + index] = value;
        var e = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.Compute(x, Rate));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiniteSamplesWhoseSumsOverflowAreRefused()
    {
        var x = Noise(1, 10);
        for (var i = 12000; i < 18000; i++)
        {
            x[i] = (i % 2 == 0 ? 1.7e308 : 1.6e308);
        }
        var e = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.Compute(x, Rate));
        Assert.Contains("component VZ: samples so large", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Samples whose sums stay finite but whose power spectrum overflows (above about 1e154) gave an image of all ones,
    /// silently, in both precisions; now they are refused. 1e150 still makes an image.
    /// </summary>
    [Theory]
    [InlineData(SpectrogramPrecision.Double)]
    [InlineData(SpectrogramPrecision.Single)]
    public void SamplesWhosePowerOverflowsAreRefused(SpectrogramPrecision precision)
    {
        var image = new float[SpectrogramParameters.ValueCount];
        foreach (var amplitude in new[] { 1e160, 1e200, 1e300 })
        {
            var x = Noise(1, 11).Select(v => v * amplitude).ToArray();
            var e = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.Compute(x, Rate, image, precision));
            Assert.Contains("power spectrum overflows", e.Message, StringComparison.Ordinal);
        }
        DietSpectrogram.Compute(Noise(1, 11).Select(v => v * 1e150).ToArray(), Rate, image, precision);
        Assert.True(image.Min() < 0.5f, "a noise image at 1e150 is not all ones");
    }

    [Fact]
    public void ADeadComponentIsRefusedByName()
    {
        var x = Noise(1, 6);
        Array.Fill(x, 0.0, 6000, 6000);
        var e = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.Compute(x, Rate));
        Assert.Contains("component VY is dead", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongLengthSaysExpectedAndGot()
    {
        var e = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.Compute(new double[17999], Rate));
        Assert.Contains("18000", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 17999", e.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.Compute(Noise(1, 7).AsSpan(0, 12000), Rate));
        Assert.Contains("got 12000 (2 whole component(s): is a component missing?)", missing.Message, StringComparison.Ordinal);

        var batch = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.ComputeBatch(new double[(2 * 18000) + 6000], Rate));
        Assert.Contains("got 42000", batch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadMinuteInABatchIsNamedAndNothingIsReturned()
    {
        var batch = Noise(20, 8);
        batch[(13 * 18000) + 12000 + 99] = double.NaN;
        batch[(17 * 18000) + 5] = double.NaN;
        var e = Assert.Throws<InvalidWaveformException>(() => DietSpectrogram.ComputeBatch(batch, Rate));
        Assert.Equal("station-minute 13: component VZ, sample 99: NaN", e.Message);
    }

    [Fact]
    public void CancellationStopsABatch()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DietSpectrogram.ComputeBatch(Noise(4, 9), Rate, cancel.Token));
    }

    [Fact]
    public void LaneFftMatchesANaiveDftForEveryButterfly()
    {
        foreach (var n in new[] { 1, 2, 3, 4, 5, 7, 8, 12, 20, 30, 49, 165, 200, 400 })
        {
            var fft = new LaneFft<double>(n);
            var lanes = System.Numerics.Vector<double>.Count;
            var random = new Random(n);
            var re = new System.Numerics.Vector<double>[n];
            var im = new System.Numerics.Vector<double>[n];
            var input = new (double Re, double Im)[lanes, n];
            for (var i = 0; i < n; i++)
            {
                var r = new double[lanes];
                var q = new double[lanes];
                for (var l = 0; l < lanes; l++)
                {
                    r[l] = random.NextDouble() - 0.5;
                    q[l] = random.NextDouble() - 0.5;
                    input[l, i] = (r[l], q[l]);
                }
                re[i] = new System.Numerics.Vector<double>(r);
                im[i] = new System.Numerics.Vector<double>(q);
            }
            // A window of ones and zero means: the plain transform of the input.
            var ones = Enumerable.Repeat(System.Numerics.Vector<double>.One, n).ToArray();
            var zero = System.Numerics.Vector<double>.Zero;
            var bufferRe = new System.Numerics.Vector<double>[n];
            var bufferIm = new System.Numerics.Vector<double>[n];
            var workRe = new System.Numerics.Vector<double>[n];
            var workIm = new System.Numerics.Vector<double>[n];
            var inWork = fft.Forward(re, im, ones, zero, zero, bufferRe, bufferIm, workRe, workIm);
            var outRe = inWork ? workRe : bufferRe;
            var outIm = inWork ? workIm : bufferIm;
            for (var l = 0; l < lanes; l++)
            {
                for (var k = 0; k < n; k++)
                {
                    double sumRe = 0, sumIm = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var angle = -2 * Math.PI * ((long)i * k % n) / n;
                        sumRe += (input[l, i].Re * Math.Cos(angle)) - (input[l, i].Im * Math.Sin(angle));
                        sumIm += (input[l, i].Re * Math.Sin(angle)) + (input[l, i].Im * Math.Cos(angle));
                    }
                    Assert.True(Math.Abs(sumRe - outRe[k][l]) < 1e-11 && Math.Abs(sumIm - outIm[k][l]) < 1e-11, $"n={n} lane {l} bin {k}");
                }
            }
        }
    }
}
