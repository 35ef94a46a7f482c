using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Synthetics;

public class SyntheticWaveformsTests
{
    private const double Fs = 100;
    private const int Minute = 6000;

    [Theory]
    [InlineData(DietClass.Earthquake)]
    [InlineData(DietClass.Tremor)]
    [InlineData(DietClass.Noise)]
    public void StationMinuteIsDeterministicPerSeed(DietClass kind)
    {
        var a = SyntheticStationMinute.Generate(kind, 42);
        var b = SyntheticStationMinute.Generate(kind, 42);
        var c = SyntheticStationMinute.Generate(kind, 43);
        Assert.Equal(3 * Minute, a.Samples.Length);
        Assert.True(a.Samples.Span.SequenceEqual(b.Samples.Span));
        Assert.False(a.Samples.Span.SequenceEqual(c.Samples.Span));
        Assert.Equal(kind, a.Kind);
        Assert.Equal(kind == DietClass.Earthquake, a.Earthquake is not null && a.Tremor is null);
        Assert.Equal(kind == DietClass.Tremor, a.Tremor is not null);
        foreach (var value in a.Samples.Span)
        {
            Assert.True(double.IsFinite(value));
        }
    }

    [Fact]
    public void GeneratorIsXoshiro256StarStarSeededBySplitMix64()
    {
        // Reference values from an independent Python implementation of the published algorithms.
        var random = new SyntheticRandom(42);
        Assert.Equal(0x15780b2e0c2ec716UL, random.NextUInt64());
        Assert.Equal(0x6104d9866d113a7eUL, random.NextUInt64());
        Assert.Equal(0xae17533239e499a1UL, random.NextUInt64());
    }

    [Fact]
    public void KnownSeedGivesKnownSamples()
    {
        // Pins the synthetic recipe: a change to any generator shows up here.
        var minute = SyntheticStationMinute.Generate(DietClass.Noise, 1);
        Assert.Equal(2.333504748417042E-08, minute.Noise.Amplitude, 1e-20);
        Assert.Equal(5.222820920580277E-09, minute.Component(2)[5999], 1e-20);
    }

    [Fact]
    public void TremorEnergyIsMostlyWithinItsBand()
    {
        var (vx, vy, vz) = Zeros(Minute);
        var tremor = new TremorSignal { OnsetSeconds = -20, DurationSeconds = 100, LowHz = 2, HighHz = 8, Amplitude = 1 };
        SyntheticWaveforms.AddTremor(vx, vy, vz, Fs, tremor, 5);
        var inBand = BandPower(vx, 2, 8) + BandPower(vy, 2, 8) + BandPower(vz, 2, 8);
        // Parseval: the one-sided periodogram sums to n/2 times the energy.
        var total = Minute * (Energy(vx) + Energy(vy) + Energy(vz)) / 2;
        Assert.True(inBand / total > 0.85, $"2-8 Hz share {inBand / total:F3}");
        // Sustained: the minute's two halves carry comparable energy.
        var first = Energy(vx.AsSpan(0, 3000));
        var second = Energy(vx.AsSpan(3000, 3000));
        Assert.InRange(first / second, 0.2, 5);
        Assert.InRange(Rms(vx), 0.5, 2);
    }

    [Fact]
    public void EarthquakeStartsAtItsOnsetWithPThenStrongerS()
    {
        var (vx, vy, vz) = Zeros(Minute);
        var quake = new EarthquakeSignal { OnsetSeconds = 20, SMinusPSeconds = 8, CodaDecaySeconds = 10, Amplitude = 1, PToSRatio = 0.3 };
        SyntheticWaveforms.AddEarthquake(vx, vy, vz, Fs, quake, 9);
        Assert.All(vz.AsSpan(0, 2000).ToArray(), value => Assert.Equal(0.0, value));
        Assert.NotEqual(0.0, vz[2001]);
        var pWindow = Rms(vx.AsSpan(2050, 100));
        var sWindow = Rms(vx.AsSpan(2850, 100));
        Assert.True(sWindow > 4 * pWindow, $"S {sWindow} vs P on VX {pWindow}");
        // Exponential coda: about e^-2 after two decay times.
        var late = Rms(vx.AsSpan(4800, 200));
        Assert.InRange(late / sWindow, 0.03, 0.4);
        // Broadband: clear energy above 10 Hz.
        Assert.True(BandPower(vz, 10, 20) / BandPower(vz, 1, 20) > 0.05);
    }

    [Fact]
    public void MicroEarthquakeWithARaisedLowCornerRadiatesAboveIt()
    {
        var (vx, vy, vz) = Zeros(Minute);
        var micro = new EarthquakeSignal { OnsetSeconds = 20, SMinusPSeconds = 0.5, CodaDecaySeconds = 0.8, HighCutHz = 40, LowCutHz = 10 };
        SyntheticWaveforms.AddEarthquake(vx, vy, vz, Fs, micro, 4);
        Assert.True(BandPower(vz, 10, 45) > 0.9 * BandPower(vz, 0.5, 49), "energy sits above the low corner");
        // 1-6 s long: nothing left 8 s after the S arrival.
        Assert.True(Rms(vx.AsSpan(2900, 100)) < 1e-3 * Rms(vx.AsSpan(2050, 100)));
        // Corners that leave no band below the Nyquist limit add nothing (and no NaN).
        var (ax, ay, az) = Zeros(Minute);
        SyntheticWaveforms.AddEarthquake(ax, ay, az, Fs, micro with { LowCutHz = 48 }, 4);
        Assert.Equal(0.0, Rms(ax) + Rms(ay) + Rms(az));
    }

    [Fact]
    public void EarthquakeBeforeTheBufferLeavesItsCodaAndOneAfterLeavesNothing()
    {
        var (vx, vy, vz) = Zeros(Minute);
        SyntheticWaveforms.AddEarthquake(vx, vy, vz, Fs, new EarthquakeSignal { OnsetSeconds = -15, SMinusPSeconds = 5, CodaDecaySeconds = 20 }, 3);
        Assert.True(Rms(vy.AsSpan(0, 500)) > 2 * Rms(vy.AsSpan(5500, 500)));
        var (ax, ay, az) = Zeros(Minute);
        SyntheticWaveforms.AddEarthquake(ax, ay, az, Fs, new EarthquakeSignal { OnsetSeconds = 61 }, 3);
        Assert.Equal(0.0, Rms(ax) + Rms(ay) + Rms(az));
    }

    [Fact]
    public void NoiseIsRedAboveTwoHertzWithMicroseismBelow()
    {
        var (vx, vy, vz) = Zeros(Minute);
        var settings = new NoiseSettings { Amplitude = 1, SpikesPerMinute = 0, GlitchesPerMinute = 0, StepsPerMinute = 0, Variability = 0, MicroseismRatio = 10 };
        SyntheticWaveforms.FillNoise(vx, vy, vz, Fs, settings, 11);
        var perHzLow = BandPower(vz, 2, 4) / 2;
        var perHzHigh = BandPower(vz, 12, 20) / 8;
        Assert.True(perHzLow > 10 * perHzHigh, $"2-4 Hz {perHzLow} vs 12-20 Hz {perHzHigh} per Hz");
        Assert.True(BandPower(vz, 0.25, 1) > 10 * BandPower(vz, 2, 20));
        Assert.False(vx.AsSpan().SequenceEqual(vy));
    }

    [Fact]
    public void SpikesAppearWhenAsked()
    {
        var (vx, vy, vz) = Zeros(Minute);
        var settings = new NoiseSettings { SpikesPerMinute = 20, TransientRatio = 200, MicroseismRatio = 0, GlitchesPerMinute = 0, StepsPerMinute = 0 };
        SyntheticWaveforms.FillNoise(vx, vy, vz, Fs, settings, 2);
        var largest = vx.Concat(vy).Concat(vz).Max(Math.Abs);
        Assert.True(largest > 40, $"largest sample {largest}");
    }

    [Fact]
    public void BadParametersAreRefusedByName()
    {
        var (vx, vy, vz) = Zeros(100);
        var error = Assert.Throws<InvalidParameterException>(() =>
            SyntheticWaveforms.AddTremor(vx, vy, vz, Fs, new TremorSignal { LowHz = 8, HighHz = 2 }, 1));
        Assert.Equal("HighHz", error.ParameterName);
        Assert.Throws<InvalidParameterException>(() => SyntheticWaveforms.FillNoise(vx, vy, vz.AsSpan(1), Fs, new NoiseSettings(), 1));
        Assert.Throws<InvalidParameterException>(() => SyntheticStationMinute.Generate(DietClass.Noise, 1, 33.3));
    }

    private static (double[] Vx, double[] Vy, double[] Vz) Zeros(int length) => (new double[length], new double[length], new double[length]);

    private static double Energy(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value * value;
        }
        return sum;
    }

    private static double Rms(ReadOnlySpan<double> values) => Math.Sqrt(Energy(values) / values.Length);

    /// <summary>Periodogram power summed over DFT bins in [low, high] Hz (plain DFT, independent of the library).</summary>
    private static double BandPower(double[] values, double low, double high)
    {
        var n = values.Length;
        var power = 0.0;
        var firstBin = (int)Math.Ceiling(low * n / Fs);
        var lastBin = (int)Math.Floor(high * n / Fs);
        for (var k = firstBin; k <= lastBin; k++)
        {
            double re = 0, im = 0;
            var step = 2 * Math.PI * k / n;
            for (var i = 0; i < n; i++)
            {
                re += values[i] * Math.Cos(step * i);
                im -= values[i] * Math.Sin(step * i);
            }
            power += (re * re) + (im * im);
        }
        return power;
    }
}
