using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Tests.Platform;
using Xunit;

namespace Seismic.DietGrasp.Tests.Spectrogram;

public sealed class SpectrogramKernelTests
{
    [Avx2Fact]
    public void TheVectorInterleaveGivesThePortableFloats()
    {
        var kernel = SpectrogramKernel.For(SpectrogramParameters.SNet);
        var workspace = kernel.CreateWorkspace();
        var random = new Random(5);
        var levels = workspace.Psd;
        for (var i = 0; i < levels.Length; i++)
        {
            // Levels across the clip range and beyond it on both sides, plus the skipped pixels' sentinel.
            levels[i] = i % 97 == 0 ? double.MinValue : -9 + (random.NextDouble() * 10);
        }
        const double floor = -5.5;
        var portable = new float[SpectrogramParameters.ValueCount];
        var vectorised = new float[SpectrogramParameters.ValueCount];

        SpectrogramKernel.ScaleAndInterleavePortably(levels, workspace.Scaled, floor, portable);
        SpectrogramKernel.ScaleAndInterleave(levels, floor, vectorised);

        Assert.Equal(portable, vectorised);
        Assert.Contains(0f, portable);
        Assert.Contains(1f, portable);
        // [frequency, time, component] from the [component][frequency][row] planes, each value clip((L - floor) / 4, 0, 1).
        for (var f = 0; f < SpectrogramParameters.FrequencyCount; f++)
        {
            for (var t = 0; t < SpectrogramParameters.TimeCount; t++)
            {
                for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
                {
                    var level = levels[(c * SpectrogramKernel.PlaneLength) + (f * SpectrogramKernel.RowLength) + t];
                    var expected = (float)Math.Clamp((level - floor) / 4, 0, 1);
                    Assert.Equal(expected, vectorised[(((f * SpectrogramParameters.TimeCount) + t) * 3) + c]);
                }
            }
        }
    }

    [Fact]
    public void TheVectorInterleaveRefusesAShortDestination()
    {
        var workspace = SpectrogramKernel.For(SpectrogramParameters.SNet).CreateWorkspace();
        Assert.Throws<ArgumentException>(() => SpectrogramKernel.ScaleAndInterleave(workspace.Psd, 0, new float[SpectrogramParameters.ValueCount - 1]));
    }
}
