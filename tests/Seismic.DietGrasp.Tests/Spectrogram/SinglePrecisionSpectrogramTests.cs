using System.Runtime.Intrinsics;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Xunit;
using Xunit.Abstractions;

namespace Seismic.DietGrasp.Tests.Spectrogram;

/// <summary>
/// <see cref="SpectrogramPrecision.Single"/> against the double path (itself bit-identical to scipy, DietSpectrogramParityTests):
/// within issue #18's 1e-5 on high-passed minutes at every rate, independent of the samples' scale and offset.
/// </summary>
public sealed class SinglePrecisionSpectrogramTests
{
    private const double Bound = 1e-5;
    private readonly ITestOutputHelper _output;

    public SinglePrecisionSpectrogramTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [MemberData(nameof(DietSpectrogramParityTests.FixtureRates), MemberType = typeof(DietSpectrogramParityTests))]
    public void HighPassedMinutesStayWithinTheBoundOfDouble(string tag, double samplingRate)
    {
        var (input, cases) = DietSpectrogramParityTests.ReadFixture(tag);
        var parameters = new SpectrogramParameters(samplingRate);
        var filter = new ButterworthHighPass(1, samplingRate);
        for (var m = 0; m < cases.Length; m++)
        {
            var minute = input.Data.AsSpan(m * parameters.SamplesPerStationMinute, parameters.SamplesPerStationMinute).ToArray();
            for (var c = 0; c < 3; c++)
            {
                filter.FilterZeroPhase(minute.AsSpan(c * parameters.SamplesPerMinute, parameters.SamplesPerMinute));
            }
            var worst = LargestDifference(minute, parameters, out var single);
            _output.WriteLine($"{tag} {cases[m]}: max |single - double| = {worst:E2}");
            Assert.True(worst <= Bound, $"{tag} {cases[m]}: {worst:E3} from the double spectrogram");
            Assert.Equal(1f, single.Max());
        }
    }

    [Fact]
    public void AnOffsetFarFromZeroCostsNothing()
    {
        // Float32 holds 1e6 only to 0.06: the minute's mean is taken off in double before the samples are narrowed.
        var parameters = SpectrogramParameters.SNet;
        var minute = Noise(parameters, seed: 3);
        for (var i = 0; i < minute.Length; i++)
        {
            minute[i] += 1e6;
        }
        Assert.True(LargestDifference(minute, parameters, out _) <= Bound);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(64)]
    [InlineData(-8)]
    public void APowerOfTwoScaleGivesTheSameImage(int exponent)
    {
        // 2^64 and 2^100 square past float's largest value: the samples are brought to [0.5, 1) by a power of two before
        // they are narrowed, so such a scale gives the very same floats. (Far smaller scales do not: the 1e-30 that the
        // logarithm adds to every power then counts, in double as well.)
        var parameters = SpectrogramParameters.SNet;
        var minute = Noise(parameters, seed: 7);
        var unit = new float[SpectrogramParameters.ValueCount];
        DietSpectrogram.Compute(minute, parameters, unit, SpectrogramPrecision.Single);
        var scale = Math.Pow(2, exponent);
        var scaled = minute.Select(x => x * scale).ToArray();
        var image = new float[SpectrogramParameters.ValueCount];
        DietSpectrogram.Compute(scaled, parameters, image, SpectrogramPrecision.Single);
        Assert.Equal(unit, image);
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(1e-7)]
    [InlineData(1e9)]
    public void AnyScaleStaysWithinTheBoundOfDouble(double scale)
    {
        var parameters = SpectrogramParameters.SNet;
        var minute = Noise(parameters, seed: 13).Select(x => x * scale).ToArray();
        Assert.True(LargestDifference(minute, parameters, out _) <= Bound);
    }

    [Fact]
    public void DoubleIsTheDefaultAndItsNumbersAreUnchanged()
    {
        var parameters = SpectrogramParameters.SNet;
        var minute = Noise(parameters, seed: 11);
        var explicitDouble = new float[SpectrogramParameters.ValueCount];
        DietSpectrogram.Compute(minute, parameters, explicitDouble, SpectrogramPrecision.Double);
        Assert.Equal(DietSpectrogram.Compute(minute, parameters), explicitDouble);
        var single = new float[SpectrogramParameters.ValueCount];
        DietSpectrogram.Compute(minute, parameters, single, SpectrogramPrecision.Single);
        // Different arithmetic: equal images would mean the precision was ignored.
        Assert.NotEqual(explicitDouble, single);
    }

    [Fact]
    public void AnUndefinedPrecisionIsRefused()
    {
        var parameters = SpectrogramParameters.SNet;
        var minute = Noise(parameters, seed: 17);
        var error = Assert.Throws<InvalidParameterException>(() => DietSpectrogram.Compute(minute, parameters, new float[SpectrogramParameters.ValueCount], (SpectrogramPrecision)2));
        Assert.Equal("precision", error.ParameterName);
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(0.75, 0)]
    [InlineData(0.5, -1)]
    [InlineData(3e-9, -28)]
    [InlineData(1e300, 997)]
    public void PowerOfTwoAtLeastIsTheSmallestSuch(double amplitude, int expected)
    {
        Assert.Equal(expected, SpectrogramKernel.PowerOfTwoAtLeast(amplitude));
        Assert.True(SpectrogramKernel.PowerOfTwo(expected) >= amplitude);
        Assert.True(SpectrogramKernel.PowerOfTwo(expected - 1) < amplitude);
    }

    [Fact]
    public void TheFloatLogarithmIsWithinFloatRoundingOfLog10()
    {
        // The pixels' logarithm (SingleLevels) of ratios to the loudest pixel: what shows lies in [1e-4, 1], where an error
        // of 5e-7 decades is 1.25e-7 of the 0-1 scale; beyond it (ratios of 1e-12 to 10) within two float steps of the result.
        var worstShown = 0.0;
        var worstSteps = 0.0;
        var random = new Random(5);
        var samples = Enumerable.Range(0, 40_000).Select(i => (float)Math.Pow(10, i < 20_000 ? -4 * random.NextDouble() : -12 + (13 * random.NextDouble())))
            .Concat(new[] { 1f, 1e-4f, 0.70710677f, 0.70710683f, 1.4142135f, 2f, 0.5f });
        foreach (var x in samples)
        {
            var exact = Math.Log10(x);
            var error = Math.Abs(SingleLevels.Log10(Vector512.Create(x)).ToScalar() - exact);
            if (x >= 1e-4f && x <= 1f)
            {
                worstShown = Math.Max(worstShown, error);
            }
            var step = Math.Max(MathF.BitIncrement((float)Math.Abs(exact)) - (float)Math.Abs(exact), 1e-7);
            worstSteps = Math.Max(worstSteps, error / step);
        }
        _output.WriteLine($"largest error in [1e-4, 1]: {worstShown:E2} decades; anywhere: {worstSteps:F2} float steps");
        Assert.True(worstShown < 5e-7, $"{worstShown:E3} decades");
        Assert.True(worstSteps <= 2, $"{worstSteps:F2} float steps");
    }

    private static double LargestDifference(double[] minute, SpectrogramParameters parameters, out float[] single)
    {
        var exact = DietSpectrogram.Compute(minute, parameters);
        single = new float[SpectrogramParameters.ValueCount];
        DietSpectrogram.Compute(minute, parameters, single, SpectrogramPrecision.Single);
        var worst = 0.0;
        for (var i = 0; i < exact.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(exact[i] - single[i]));
        }
        return worst;
    }

    private static double[] Noise(SpectrogramParameters parameters, int seed)
    {
        var random = new Random(seed);
        var minute = new double[parameters.SamplesPerStationMinute];
        for (var i = 0; i < minute.Length; i++)
        {
            minute[i] = (random.NextDouble() - 0.5) * (1 + (3 * Math.Sin(i * 0.37)));
        }
        return minute;
    }
}
