using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Xunit;
using Xunit.Abstractions;

namespace Seismic.DietGrasp.Tests.Spectrogram;

/// <summary>
/// Element-by-element equality with scipy.signal.spectrogram plus the log scaling, rounded to float32
/// (fixtures made by tools/spectrogram/make_reference.py). Exact, not within a tolerance: the output is
/// bit-identical to scipy's float32 at every rate, so any tolerance would only make room for bugs.
/// </summary>
public sealed class DietSpectrogramParityTests
{
    private readonly ITestOutputHelper _output;

    public DietSpectrogramParityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The fixtures' tags and rates (tools/spectrogram/make_reference.py).</summary>
    public static TheoryData<string, double> FixtureRates => new()
    {
        { "100hz", 100.0 },
        { "200hz", 200.0 },
        { "50hz", 50.0 },
        { "41p25hz", 41.25 },
        { "40hz", 40.0 },
    };

    /// <summary>A fixture's input minutes [cases, 3, 60 fs] and the names of its cases.</summary>
    public static (NpyArray<double> Input, string[] Cases) ReadFixture(string tag) =>
        (Npy.ReadFloat64(TestPaths.TestData("Spectrogram", $"input_{tag}.npy")),
         File.ReadAllLines(TestPaths.TestData("Spectrogram", $"cases_{tag}.txt")).Where(line => line.Length > 0).ToArray());

    [Theory]
    [MemberData(nameof(FixtureRates))]
    public void EveryCaseMatchesScipy(string tag, double samplingRate)
    {
        var (input, cases) = ReadFixture(tag);
        var reference = Npy.ReadFloat32(TestPaths.TestData("Spectrogram", $"reference_{tag}.npy"));
        var parameters = new SpectrogramParameters(samplingRate);
        Assert.Equal(new[] { cases.Length, 3, parameters.SamplesPerMinute }, input.Shape);
        Assert.Equal(new[] { cases.Length, 73, 71, 3 }, reference.Shape);

        for (var m = 0; m < cases.Length; m++)
        {
            var waveform = input.Data.AsSpan(m * parameters.SamplesPerStationMinute, parameters.SamplesPerStationMinute);
            var spectrogram = DietSpectrogram.Compute(waveform, parameters);
            var expected = reference.Data.AsSpan(m * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount);
            var worst = 0.0;
            var worstIndex = -1;
            var unequal = 0;
            for (var i = 0; i < spectrogram.Length; i++)
            {
                var difference = Math.Abs(spectrogram[i] - expected[i]);
                unequal += spectrogram[i] == expected[i] ? 0 : 1;
                if (difference > worst)
                {
                    worst = difference;
                    worstIndex = i;
                }
            }
            _output.WriteLine($"{tag} {cases[m]}: {unequal} values differ, max |C# - scipy| = {worst:E3}");
            // Flat index (f * 71 + t) * 3 + c: f = index / 213 is the frequency row (2 + 0.25 f Hz).
            Assert.True(unequal == 0, $"{tag} {cases[m]}: {unequal} values differ from scipy's float32, max {worst:E3} at row {worstIndex / 213} ({2 + 0.25 * (worstIndex / 213)} Hz), flat index {worstIndex}");
            // The loudest pixel is exactly 1 and the image is not trivially empty.
            Assert.Equal(1f, spectrogram.Max());
            Assert.Contains(spectrogram, v => v > 0 && v < 1);
        }
    }

    [Fact]
    public void Float32InputGivesTheSameImageAsItsExactDoubleWidening()
    {
        var input32 = Npy.ReadFloat32(TestPaths.TestData("Spectrogram", "input_100hz.npy"));
        var parameters = SpectrogramParameters.SNet;
        var one = input32.Data.AsSpan(0, parameters.SamplesPerStationMinute);
        var widened = one.ToArray().Select(v => (double)v).ToArray();
        Assert.Equal(DietSpectrogram.Compute(widened, parameters), DietSpectrogram.Compute(one, parameters));
    }
}
