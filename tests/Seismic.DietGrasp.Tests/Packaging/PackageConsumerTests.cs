using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>
/// The package as a user gets it: pack the library, create a fresh console project that references
/// it from a local folder feed, and run it end to end (bundled model, a spectrogram, a classification,
/// a GrASP call), then run every C# example of the README compiled against the same package.
/// Offline: the consumer's only package sources are the folder feed and this machine's package folder
/// (which the repository's own restore filled), never a public feed; and what the consumer restores goes
/// to a NuGet cache folder of its own inside the scratch folder, not to the user's global cache.
/// </summary>
[Collection(NestedBuilds.Collection)]
public sealed class PackageConsumerTests
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(5);
    private static readonly string[] ExpectedPackageFiles =
    {
        "lib/netstandard2.0/Seismic.DietGrasp.dll", "lib/netstandard2.0/Seismic.DietGrasp.xml",
        "lib/net10.0/Seismic.DietGrasp.dll", "lib/net10.0/Seismic.DietGrasp.xml",
        "README.md", "LICENSE", "icon.png", "onnx/diet-standin-v1.onnx", "onnx/diet-standin-v1.json",
        "onnx/diet-standin-v2.onnx", "onnx/diet-standin-v2.json", "onnx/diet-standin-v3.onnx", "onnx/diet-standin-v3.json", "onnx/diet-standin-v4.onnx", "onnx/diet-standin-v4.json", "onnx/diet-standin-v5.onnx", "onnx/diet-standin-v5.json", "onnx/diet-standin-v6.onnx", "onnx/diet-standin-v6.json", "onnx/diet-standin-v8.onnx", "onnx/diet-standin-v8.json",
    };

    private readonly string _scratch = TestPaths.NewScratchFolder();

    // A version no feed holds, so the global package cache can never serve a stale build.
    private readonly string _version = $"0.0.0-consumer.{Guid.NewGuid():N}";



    [Fact]
    [Trait("Category", "Packaging")]
    public void PackedLibraryRunsInAFreshProjectAndTheReadmeExamplesRun()
    {
        var feed = Path.Combine(_scratch, "feed");
        foreach (var project in new[] { "Seismic.DietGrasp", "Seismic.DietGrasp.Synthetics" })
        {
            Dotnet($"pack \"{RepositoryLayout.PathOf("src", project, project + ".csproj")}\" -c Release -o \"{feed}\" -p:Version={_version}", RepositoryLayout.Root);
        }
        Assert.True(File.Exists(Path.Combine(feed, $"Seismic.DietGrasp.{_version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"Seismic.DietGrasp.{_version}.snupkg")));
        using (var package = ZipFile.OpenRead(Path.Combine(feed, $"Seismic.DietGrasp.{_version}.nupkg")))
        {
            var entries = package.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
            foreach (var expected in ExpectedPackageFiles)
            {
                Assert.True(entries.Contains(expected), $"the package lacks {expected}; it has {string.Join(", ", entries)}");
            }
        }

        var consumer = Path.Combine(_scratch, "consumer");
        WriteConsumerProject(consumer, feed);
        ProcessRunner.Dotnet("build -c Release", consumer, CommandLimit, ConsumerNuGet.Environment(_scratch));
        Assert.True(Directory.Exists(Path.Combine(_scratch, "nuget-packages", "seismic.dietgrasp", _version)), "the consumer did not restore into its own package folder");
        var assembly = Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll");

        var smoke = Dotnet($"\"{assembly}\"", consumer);
        Assert.Contains("spectrogram 15549 values in [0, 1]", smoke, StringComparison.Ordinal);
        Assert.Contains("bundled model: tremor minute classified as Tremor", smoke, StringComparison.Ordinal);
        Assert.Contains("nocut groups: [0,1,2]", smoke, StringComparison.Ordinal);

        var readme = Dotnet($"\"{assembly}\" --readme", consumer);
        Assert.Contains($"README examples run: {ReadmeExamples().Count}", readme, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Packaging")]
    public void CommandLinePacksAsRidSpecificToolPackagesThatInstallAndRun()
    {
        var feed = Path.Combine(_scratch, "feed");
        foreach (var project in new[] { "Seismic.DietGrasp", "Seismic.DietGrasp.Plotting", "Seismic.DietGrasp.Synthetics" })
        {
            Dotnet($"pack \"{RepositoryLayout.PathOf("src", project, project + ".csproj")}\" -c Release -o \"{feed}\" -p:Version={_version}", RepositoryLayout.Root);
        }
        // The pointer package and this platform's Native AOT package, as eng/pack-tool.sh makes them for a release.
        var (packed, packOutput) = ProcessRunner.Run("bash", $"-c \"RIDS=linux-x64 eng/pack-tool.sh '{feed}' -p:Version={_version}\"", RepositoryLayout.Root, CommandLimit * 2);
        Assert.True(packed == 0, packOutput);
        var pointer = new FileInfo(Path.Combine(feed, $"Seismic.DietGrasp.Cli.{_version}.nupkg"));
        var platform = new FileInfo(Path.Combine(feed, $"Seismic.DietGrasp.Cli.linux-x64.{_version}.nupkg"));
        Assert.True(pointer.Length < 1L << 20, $"the pointer package is {pointer.Length} bytes");
        Assert.True(platform.Length < 60L << 20, $"the linux-x64 tool package is {platform.Length} bytes (target < 60 MB)");
        using (var package = ZipFile.OpenRead(platform.FullName))
        {
            var natives = package.Entries.Select(e => e.FullName).Where(name => name.Contains("/runtimes/", StringComparison.Ordinal) || name.EndsWith(".so", StringComparison.Ordinal) || name.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".dylib", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(natives, name => name.Contains("win-", StringComparison.Ordinal) || name.Contains("osx", StringComparison.Ordinal) || name.Contains("android", StringComparison.Ordinal) || name.Contains("ios", StringComparison.Ordinal) || name.EndsWith(".pdb", StringComparison.Ordinal));
        }

        var tools = Path.Combine(_scratch, "tools");
        var config = Path.Combine(_scratch, "NuGet.config");
        File.WriteAllText(config, ConsumerNuGet.Config(feed));
        ProcessRunner.Dotnet($"tool install Seismic.DietGrasp.Cli --version {_version} --tool-path \"{tools}\" --configfile \"{config}\"", _scratch, CommandLimit, ConsumerNuGet.Environment(_scratch));
        var (exitCode, output) = ProcessRunner.Run(Path.Combine(tools, "dietgrasp"), "--help", _scratch, CommandLimit);
        Assert.Equal(0, exitCode);
        Assert.Contains("spectrogram", output, StringComparison.Ordinal);
        Assert.Contains("grasp", output, StringComparison.Ordinal);
        var installed = Directory.GetFiles(tools, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(installed < 200L << 20, $"the installed tool takes {installed} bytes");
    }

    /// <summary>The README's ```csharp blocks, each a list of using directives and statements.</summary>
    internal static IReadOnlyList<string> ReadmeExamples()
    {
        var readme = File.ReadAllText(RepositoryLayout.PathOf("README.md"));
        return Regex.Matches(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline)
            .Select(match => match.Groups[1].Value)
            .ToList();
    }

    private static string Dotnet(string arguments, string workingDirectory) =>
        ProcessRunner.Dotnet(arguments, workingDirectory, CommandLimit);

    private void WriteConsumerProject(string folder, string feed)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), ConsumerNuGet.Config(feed));
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), ConsumerNuGet.Project(_version, "Seismic.DietGrasp", "Seismic.DietGrasp.Synthetics"));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using Seismic.DietGrasp.DietClassifier;
            using Seismic.DietGrasp.Grasp;
            using Seismic.DietGrasp.Spectrogram;
            using Seismic.DietGrasp.Stations;
            using Seismic.DietGrasp.Synthetics;

            if (args.Contains("--readme"))
            {
                Console.WriteLine($"README examples run: {ReadmeExamples.All.Run()}");
                return;
            }

            var minute = SyntheticStationMinute.Generate(DietClass.Tremor, seed: 7);
            var spectrogram = DietSpectrogram.Compute(minute.Samples.Span, SpectrogramParameters.SNet);
            Console.WriteLine($"spectrogram {spectrogram.Length} values in [{spectrogram.Min()}, {spectrogram.Max()}]");

            using var model = DietModel.LoadBundled();
            Console.WriteLine($"bundled model: tremor minute classified as {model.Predict(spectrogram).MostLikely}");

            var stations = new StationNetwork(
                new[] { "A1", "A2", "A3", "B1", "B2", "B3" },
                new[] { 38.0, 38.1, 38.2, 40.0, 40.1, 40.2 },
                new[] { 142.0, 142.1, 142.0, 144.0, 144.1, 144.0 });
            var graph = GraspAssociator.KnnGraph(stations, k: 2);
            var minuteStamp = new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);
            var table = new ProbabilityTable(stations.Count, new[] { minuteStamp }, new[] { 0.9f, 0.8f, 0.95f, 0.1f, 0.2f, 0.1f });
            var groups = GraspAssociator.ApplyNocut(graph, table);
            Console.WriteLine($"nocut groups: {string.Join(" ", groups.Select(g => $"[{string.Join(",", g.Stations)}]"))}");
            """);
        File.WriteAllText(Path.Combine(folder, "ReadmeExamples.cs"), ReadmeExamplesSource());
        CopyFolder(RepositoryLayout.PathOf("samples", "Data"), Path.Combine(folder, "Data"));
    }

    /// <summary>Package sources: the folder feed and the machine's package folder (a local feed too), nothing public.</summary>

    /// <summary>Each README block becomes a static method; its using directives move to the file's top.</summary>
    private static string ReadmeExamplesSource()
    {
        var directive = new Regex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>]+)?\s*;\s*$");
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        var examples = ReadmeExamples();
        for (var i = 0; i < examples.Count; i++)
        {
            body.AppendLine($"    private static void Example{i + 1}()").AppendLine("    {");
            foreach (var line in examples[i].Split('\n'))
            {
                if (directive.IsMatch(line.Trim()))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.Append("        ").AppendLine(line);
                }
            }
            body.AppendLine("    }");
        }
        var calls = string.Concat(Enumerable.Range(1, examples.Count).Select(i => $"        Example{i}();\n"));
        return $$"""
            {{string.Join("\n", usings)}}

            namespace ReadmeExamples;

            internal static class All
            {
                public static int Run()
                {
            {{calls}}        return {{examples.Count}};
                }

            {{body}}}
            """;
    }

    private static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
