namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small generator of our own, so that a seed gives the
/// same sequence on every target framework (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal sealed class SyntheticRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double? _spareGaussian;

    public SyntheticRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Log-uniform in [low, high] (both positive).</summary>
    public double LogUniform(double low, double high) => Math.Exp(Uniform(Math.Log(low), Math.Log(high)));

    public bool Chance(double probability) => NextDouble() < probability;

    public int NextInt(int exclusiveHigh) => (int)(NextDouble() * exclusiveHigh);

    /// <summary>Standard normal (Marsaglia polar method).</summary>
    public double Gaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    public void FillGaussian(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Gaussian();
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
