using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Xunit;
using Xunit.Abstractions;

namespace Seismic.DietGrasp.Tests.Spectrogram;

/// <summary>
/// Element-by-element agreement with scipy.signal.spectrogram plus the log scaling
/// (fixtures made by tools/spectrogram/make_reference.py).
/// </summary>
public sealed class DietSpectrogramParityTests
{
    private const double Tolerance = 1e-5;

    private readonly ITestOutputHelper _output;

    public DietSpectrogramParityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("100hz", 100.0)]
    [InlineData("200hz", 200.0)]
    [InlineData("50hz", 50.0)]
    [InlineData("41p25hz", 41.25)]
    public void EveryCaseMatchesScipy(string tag, double samplingRate)
    {
        var input = Npy.ReadFloat64(TestPaths.TestData("Spectrogram", $"input_{tag}.npy"));
        var reference = Npy.ReadFloat32(TestPaths.TestData("Spectrogram", $"reference_{tag}.npy"));
        var cases = File.ReadAllLines(TestPaths.TestData("Spectrogram", $"cases_{tag}.txt")).Where(line => line.Length > 0).ToArray();
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
            for (var i = 0; i < spectrogram.Length; i++)
            {
                var difference = Math.Abs(spectrogram[i] - expected[i]);
                if (difference > worst)
                {
                    worst = difference;
                    worstIndex = i;
                }
            }
            _output.WriteLine($"{tag} {cases[m]}: max |C# - scipy| = {worst:E3}");
            Assert.True(worst <= Tolerance, $"{tag} {cases[m]}: max |C# - scipy| = {worst:E3} at flat index {worstIndex}");
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
