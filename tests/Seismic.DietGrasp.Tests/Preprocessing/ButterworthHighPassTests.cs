using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Xunit;

namespace Seismic.DietGrasp.Tests.Preprocessing;

/// <summary>The high-pass against scipy's butter and sosfiltfilt (tools/preprocessing/make_reference.py).</summary>
public sealed class ButterworthHighPassTests
{
    private static double[] Load(string name) => Npy.ReadFloat64(TestPaths.TestData("Preprocessing", name)).Data;

    private static double[] Record() => Npy.ReadFloat32(TestPaths.TestData("Preprocessing", "record_100hz.npy")).Data.Select(v => (double)v).ToArray();

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }
        return max;
    }

    private static double MaxDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }

    [Fact]
    public void Sections_equal_scipys_butter()
    {
        var expected = Load("sos.npy");
        var cases = new[] { (1.0, 100.0), (1.0, 125.0), (0.5, 50.0), (2.0, 200.0) };
        for (var c = 0; c < cases.Length; c++)
        {
            var sos = new ButterworthHighPass(cases[c].Item1, cases[c].Item2).GetSections();
            Assert.Equal(12, sos.Length);
            for (var i = 0; i < 12; i++)
            {
                Assert.True(Math.Abs(sos[i] - expected[(12 * c) + i]) <= 1e-12, $"case {c}, coefficient {i}: {sos[i]} vs scipy {expected[(12 * c) + i]}");
            }
        }
    }

    [Fact]
    public void Whole_record_equals_scipys_sosfiltfilt()
    {
        var x = Record();
        var expected = Load("record_100hz_hp1.npy");
        var filter = new ButterworthHighPass(1, 100);
        var y = new double[x.Length];
        filter.FilterZeroPhase(x, y);
        Assert.True(MaxDifference(y, expected) <= 1e-9 * MaxAbs(expected), $"{MaxDifference(y, expected)} vs {MaxAbs(expected)}");
        // In place gives the same numbers.
        filter.FilterZeroPhase(x);
        Assert.Equal(y, x);
    }

    [Fact]
    public void A_minute_with_20_s_margins_equals_the_whole_record_filtered()
    {
        // The pipeline filters [minute - 20 s, minute + 20 s) and keeps the minute: it must match the long record.
        var x = Record();
        var expected = Load("record_100hz_hp1.npy");
        var filter = new ButterworthHighPass(1, 100);
        Assert.Equal(20, filter.SettlingSeconds);
        foreach (var minuteStart in new[] { 6000, 12000 - 2000 })
        {
            var from = minuteStart - 2000;
            var stretch = x.AsSpan(from, 6000 + 4000).ToArray();
            filter.FilterZeroPhase(stretch);
            var inside = stretch.AsSpan(2000, 6000);
            var reference = expected.AsSpan(minuteStart, 6000);
            Assert.True(MaxDifference(inside, reference) <= 1e-6 * MaxAbs(reference), $"minute at {minuteStart}: {MaxDifference(inside, reference)} vs {MaxAbs(reference)}");
        }
        // Without the margin the edges differ clearly (the test can fail).
        var bare = x.AsSpan(6000, 6000).ToArray();
        filter.FilterZeroPhase(bare);
        Assert.True(MaxDifference(bare, expected.AsSpan(6000, 6000)) > 1e-3 * MaxAbs(expected.AsSpan(6000, 6000)));
    }

    [Fact]
    public void Three_stretches_at_once_give_the_same_numbers_as_one_at_a_time()
    {
        var x = Record();
        var stretches = new[] { x.AsSpan(0, 9000).ToArray(), x.AsSpan(9000, 9000).ToArray(), x.Skip(4000).Take(9000).Select(v => -3 * v).ToArray() };
        var filter = new ButterworthHighPass(1, 100);
        var expected = stretches.Select(a => { var copy = a.ToArray(); filter.FilterZeroPhase(copy); return copy; }).ToArray();
        filter.FilterZeroPhase(stretches[0], stretches[1], stretches[2]);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c], stretches[c]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => filter.FilterZeroPhase(new double[20], new double[21], new double[20]));
        // Other orders take them one at a time.
        var order6 = new ButterworthHighPass(1, 100, 6);
        var single = x.AsSpan(0, 3000).ToArray();
        order6.FilterZeroPhase(single);
        var triple = new[] { x.AsSpan(0, 3000).ToArray(), x.AsSpan(0, 3000).ToArray(), x.AsSpan(0, 3000).ToArray() };
        order6.FilterZeroPhase(triple[0], triple[1], triple[2]);
        Assert.Equal(single, triple[2]);
    }

    [Fact]
    public void The_three_lanes_take_the_pipelines_filter_on_this_machine_and_give_the_scalar_numbers_at_each_rate()
    {
        // The lanes are what `run` uses on x86 with AVX2 (and Arm64's 256-bit emulation is not accelerated, so the scalar
        // loop runs there); on any machine the three-at-once numbers must be the one-at-a-time ones, bit for bit, at
        // every rate the pipeline filters, including values of very different magnitude in the three lanes.
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            // On x86 with AVX2 (this project's machines) the comparison below is lanes against scalars, not scalars twice.
            Assert.True(ThreeLaneSections.IsSupported);
        }
        var x = Record();
        // Lengths of every remainder after whole blocks of four samples (the lanes take four samples at a time).
        foreach (var (rate, length) in new[] { (50.0, 9001), (100.0, 9002), (125.0, 9003), (200.0, 9004) })
        {
            var filter = new ButterworthHighPass(1, rate);
            var inputs = new[] { x.AsSpan(0, length).ToArray(), x.Skip(3000).Take(length).Select(v => 1e6 * v).ToArray(), x.Skip(8996).Take(length).Select(v => -1e-7 * v).ToArray() };
            var expected = inputs.Select(a => { var copy = a.ToArray(); filter.FilterZeroPhase(copy); return copy; }).ToArray();
            var outputs = Enumerable.Range(0, 3).Select(_ => new double[length]).ToArray();
            filter.FilterZeroPhase(inputs[0], inputs[1], inputs[2], outputs[0], outputs[1], outputs[2]);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], outputs[c]);
            }
        }
    }

    [Fact]
    public void Three_stretches_into_other_buffers_give_the_same_numbers_and_leave_the_inputs()
    {
        var x = Record();
        var inputs = new[] { x.AsSpan(0, 9000).ToArray(), x.AsSpan(9000, 9000).ToArray(), x.Skip(4000).Take(9000).Select(v => -3 * v).ToArray() };
        var kept = inputs.Select(a => a.ToArray()).ToArray();
        var filter = new ButterworthHighPass(1, 100);
        var expected = inputs.Select(a => { var copy = a.ToArray(); filter.FilterZeroPhase(copy); return copy; }).ToArray();
        // Outputs that held other numbers (as a reused buffer does): every sample is written.
        var outputs = Enumerable.Range(0, 3).Select(c => Enumerable.Repeat(1e9 + c, 9000).ToArray()).ToArray();
        filter.FilterZeroPhase(inputs[0], inputs[1], inputs[2], outputs[0], outputs[1], outputs[2]);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c], outputs[c]);
            Assert.Equal(kept[c], inputs[c]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => filter.FilterZeroPhase(new double[20], new double[20], new double[20], new double[20], new double[21], new double[20]));
        // Other orders: one at a time, from the inputs.
        var order6 = new ButterworthHighPass(1, 100, 6);
        var single = inputs[1].ToArray();
        order6.FilterZeroPhase(single);
        var other = new double[9000];
        order6.FilterZeroPhase(inputs[0], inputs[1], inputs[2], new double[9000], other, new double[9000]);
        Assert.Equal(single, other);
    }

    [Fact]
    public void One_minute_alone_equals_scipys_sosfiltfilt_of_that_minute()
    {
        var x = Record().AsSpan(0, 6000).ToArray();
        var expected = Load("minute_100hz_hp1.npy");
        new ButterworthHighPass(1, 100).FilterZeroPhase(x);
        Assert.True(MaxDifference(x, expected) <= 1e-9 * MaxAbs(expected));
    }

    [Fact]
    public void Removes_a_constant_and_passes_a_10_hz_sine()
    {
        var filter = new ButterworthHighPass(1, 100);
        var x = Enumerable.Range(0, 6000).Select(i => 1e6 + Math.Sin(2 * Math.PI * 10 * i / 100)).ToArray();
        filter.FilterZeroPhase(x);
        for (var i = 500; i < 5500; i++)
        {
            Assert.Equal(Math.Sin(2 * Math.PI * 10 * i / 100), x[i], 3);
        }
    }

    [Theory]
    [InlineData(0, 100, 4)]
    [InlineData(50, 100, 4)]
    [InlineData(-1, 100, 4)]
    [InlineData(double.NaN, 100, 4)]
    [InlineData(1, 0, 4)]
    [InlineData(1, 100, 3)]
    [InlineData(1, 100, 10)]
    public void Refuses_bad_parameters(double corner, double rate, int order) =>
        Assert.Throws<InvalidParameterException>(() => new ButterworthHighPass(corner, rate, order));

    [Fact]
    public void Refuses_a_stretch_not_longer_than_the_padding()
    {
        var filter = new ButterworthHighPass(1, 100);
        Assert.Equal(15, filter.PadLength);
        Assert.Throws<InvalidWaveformException>(() => filter.FilterZeroPhase(new double[15]));
        filter.FilterZeroPhase(new double[16]);
    }
}
