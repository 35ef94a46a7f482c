using Xunit;
using Xunit.Abstractions;

namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>
/// What a consumer's plain <c>dotnet build</c> (no runtime identifier) puts in its bin folder: the core alone, and
/// the core with the pictures, must stay within 30 MB beyond ONNX Runtime's own native libraries (before the package
/// split: 486 MB beyond them, 723 MB in all), and the pictures without an application's choice of SkiaSharp natives
/// must say so in one sentence.
/// </summary>
[Collection(NestedBuilds.Collection)]
public sealed class PackageSizeTests
{
    private const long MaximumBeyondOnnxRuntime = 30L << 20;
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);
    private readonly ITestOutputHelper _log;
    // Removed after the test with every scratch folder (RemoveScratchAfterEachTest).
    private readonly string _scratch = TestPaths.NewScratchFolder();
    private readonly string _version = $"0.0.0-size.{Guid.NewGuid():N}";

    public PackageSizeTests(ITestOutputHelper log) => _log = log;

    [Fact]
    [Trait("Category", "Packaging")]
    public void CoreAndPlottingConsumersStaySmallAndPicturesWithoutNativesSaySo()
    {
        var feed = Path.Combine(_scratch, "feed");
        foreach (var project in new[] { "Seismic.DietGrasp", "Seismic.DietGrasp.Plotting" })
        {
            Dotnet($"pack \"{RepositoryLayout.PathOf("src", project, project + ".csproj")}\" -c Release -o \"{feed}\" -p:Version={_version}", RepositoryLayout.Root);
            var package = new FileInfo(Path.Combine(feed, $"{project}.{_version}.nupkg"));
            _log.WriteLine($"{package.Name}: {package.Length / 1024.0:F0} KiB");
        }

        var core = BuildConsumer("core", feed, new[] { "Seismic.DietGrasp" },
            "Console.WriteLine(Seismic.DietGrasp.Grasp.GraspParameters.Default.ProbabilityThreshold);");
        var (coreTotal, coreBeyond) = Sizes(core);
        _log.WriteLine($"core-only consumer bin: {coreTotal / 1048576.0:F1} MB, {coreBeyond / 1048576.0:F1} MB beyond ONNX Runtime's natives");
        Assert.True(coreBeyond < MaximumBeyondOnnxRuntime, $"core-only bin holds {coreBeyond} bytes beyond ONNX Runtime's natives");
        Assert.Empty(Directory.GetFiles(core, "*Skia*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(core, "ScottPlot*", SearchOption.AllDirectories));

        var plotting = BuildConsumer("plotting", feed, new[] { "Seismic.DietGrasp", "Seismic.DietGrasp.Plotting" }, """
            try
            {
                Seismic.DietGrasp.Plotting.SpectrogramPlot.RenderPng(new float[Seismic.DietGrasp.Spectrogram.SpectrogramParameters.ValueCount]);
                Console.WriteLine("drew a picture");
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"refused: {e.Message}");
            }
            """);
        var (plottingTotal, plottingBeyond) = Sizes(plotting);
        _log.WriteLine($"core + plotting consumer bin: {plottingTotal / 1048576.0:F1} MB, {plottingBeyond / 1048576.0:F1} MB beyond ONNX Runtime's natives");
        Assert.True(plottingBeyond < MaximumBeyondOnnxRuntime, $"core + plotting bin holds {plottingBeyond} bytes beyond ONNX Runtime's natives");
        var output = Dotnet($"\"{Path.Combine(plotting, "Consumer.dll")}\"", _scratch);
        Assert.Contains("refused: Seismic.DietGrasp.Plotting needs SkiaSharp's native library", output, StringComparison.Ordinal);
        Assert.Contains("SkiaSharp.NativeAssets.Linux.NoDependencies", output, StringComparison.Ordinal);
    }



    /// <summary>Total bytes of a bin folder, and the bytes that are not ONNX Runtime's own native libraries.</summary>
    private static (long Total, long BeyondOnnxRuntime) Sizes(string bin)
    {
        var files = Directory.GetFiles(bin, "*", SearchOption.AllDirectories).Select(path => new FileInfo(path)).ToList();
        var onnx = files.Where(f => f.FullName.Contains($"{Path.DirectorySeparatorChar}native{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && f.Name.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase)).Sum(f => f.Length);
        var total = files.Sum(f => f.Length);
        return (total, total - onnx);
    }

    private string BuildConsumer(string name, string feed, IEnumerable<string> packages, string program)
    {
        var folder = Path.Combine(_scratch, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), ConsumerNuGet.Config(feed));
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), ConsumerNuGet.Project(_version, packages.ToArray()));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        ProcessRunner.Dotnet("build -c Release", folder, CommandLimit, ConsumerNuGet.Environment(_scratch));
        return Path.Combine(folder, "bin", "Release", "net10.0");
    }

    private static string Dotnet(string arguments, string workingDirectory) =>
        ProcessRunner.Dotnet(arguments, workingDirectory, CommandLimit);
}
