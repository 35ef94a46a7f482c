using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Spectrogram;
using Xunit;

namespace Seismic.DietGrasp.Tests.Plotting;

public sealed class SpectrogramPlotTests
{
    [Fact]
    public void SavesAPngOfTheRequestedSizeAtomically()
    {
        var image = new float[SpectrogramParameters.ValueCount];
        for (var f = 0; f < 73; f++)
        {
            for (var t = 0; t < 71; t++)
            {
                image[SpectrogramParameters.IndexOf(f, t, 2)] = f / 72f;
            }
        }
        var path = Path.Combine(TestPaths.NewScratchFolder(), "p.png");
        SpectrogramPlot.SavePng(path, image, "test", 900, 300);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
        // IHDR: width and height, big-endian, at bytes 16..23.
        Assert.Equal(900, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(300, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void RefusesAnImageOfTheWrongSizeAndATinyPicture()
    {
        Assert.Equal("spectrogram", Assert.Throws<InvalidParameterException>(() => SpectrogramPlot.RenderPng(new float[100])).ParameterName);
        Assert.Equal("width", Assert.Throws<InvalidParameterException>(() => SpectrogramPlot.RenderPng(new float[SpectrogramParameters.ValueCount], width: 0)).ParameterName);
    }
}
