using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Tests.Platform;
using Xunit;

namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>
/// The native command (README: `dotnet publish src/Seismic.DietGrasp.Cli -c Release -r linux-x64`): trimmed
/// and compiled ahead of time, it must still hold every command and give byte for byte what the portable
/// command gives, through the parts that lean on reflection or native libraries (ONNX Runtime, ScottPlot,
/// CsvHelper, ProjNET, PureHDF).
/// </summary>
[Collection(NestedBuilds.Collection)]
public sealed class NativeCommandTests
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(1);

    private readonly string _scratch = TestPaths.NewScratchFolder();

    [LinuxX64Fact]
    [Trait("Category", "Packaging")]
    public void TheNativeCommandWritesWhatThePortableOneWrites()
    {
        var publish = Path.Combine(_scratch, "native");
        ProcessRunner.Dotnet(
            $"publish \"{RepositoryLayout.PathOf("src", "Seismic.DietGrasp.Cli", "Seismic.DietGrasp.Cli.csproj")}\" -c Release -r linux-x64 -o \"{publish}\"",
            RepositoryLayout.Root,
            PublishLimit);
        var native = Path.Combine(publish, "dietgrasp");

        var help = RunNative(native, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Equal(CliRunner.Run("--help").Output, help.Output);

        var spectrogramInput = TestPaths.TestData("Spectrogram", "input_50hz.npy");
        AssertSameFiles(native, "S.npy", "spectrogram", "--input", spectrogramInput, "--fs", "50", "--out", "{out}");
        var picture = RunNative(native, "spectrogram", "--input", spectrogramInput, "--fs", "50", "--out", Path.Combine(_scratch, "P.npy"), "--png", Path.Combine(_scratch, "P.png"));
        Assert.Equal(0, picture.ExitCode);
        Assert.True(new FileInfo(Path.Combine(_scratch, "P.png")).Length > 10_000);

        AssertSameFiles(native, "P.csv", "classify", "--spectrograms", Path.Combine(_scratch, "P.npy"), "--out", "{out}");
        // Keras files go through PureHDF, which reads HDF5 by reflection (MakeGenericMethod): ahead of time too.
        AssertSameFiles(native, "K.onnx", "convert-keras", "--input", TestPaths.TestData("Keras", "diet", "diet-standin-keras2.h5"), "--out", "{out}");
        AssertSameFiles(native, "K3.onnx", "convert-keras", "--input", TestPaths.TestData("Keras", "diet", "diet-standin-keras3.keras"), "--out", "{out}");
        AssertSameFiles(native, "PK.csv", "classify", "--spectrograms", TestPaths.TestData("Keras", "diet", "diet.input.npy"), "--out", "{out}", "--model", TestPaths.TestData("Keras", "diet", "diet-standin-keras2.h5"));
        AssertSameFiles(native, "X.npy", "waveform", "--input", TestPaths.TestData("Waveforms", "test.mseed"), "--out", "{out}");

        var stations = TestPaths.TestData("Grasp", "Station_info.csv");
        var network = StationNetworkCsv.Read(stations);
        var simulated = ProbabilityScenario.Simulate(network, new ScenarioOptions { Seed = 5, Minutes = 60, TremorEpisodes = 2, LocalEarthquakes = 1 });
        var tremor = Path.Combine(_scratch, "Probability_T.csv");
        ProbabilityTableCsv.Write(tremor, simulated.Tremor, network);
        AssertSameFiles(native, "C.csv", "grasp", "tremor", "--stations", stations, "--probabilities", tremor, "--k", "12", "--epsg", "32654", "--out", "{out}");

        // Failures still come out as one line and exit code 1, the exception's type and text intact.
        var missing = Path.Combine(_scratch, "missing.npy");
        var portableFailure = CliRunner.Run("spectrogram", "--input", missing, "--fs", "100", "--out", Path.Combine(_scratch, "never.npy"));
        var nativeFailure = RunNative(native, "spectrogram", "--input", missing, "--fs", "100", "--out", Path.Combine(_scratch, "never.npy"));
        Assert.Equal(CliApp.InputError, nativeFailure.ExitCode);
        Assert.Equal(portableFailure.Error, nativeFailure.Output);
    }

    /// <summary>Runs one command natively and in-process ("{out}" stands for each one's output file) and compares the files.</summary>
    private void AssertSameFiles(string native, string fileName, params string[] arguments)
    {
        var nativeOut = Path.Combine(_scratch, "native-" + fileName);
        var portableOut = Path.Combine(_scratch, "portable-" + fileName);
        var nativeRun = RunNative(native, arguments.Select(a => a == "{out}" ? nativeOut : a).ToArray());
        Assert.True(nativeRun.ExitCode == 0, $"native {arguments[0]} exited {nativeRun.ExitCode}: {nativeRun.Output}");
        var portableRun = CliRunner.Run(arguments.Select(a => a == "{out}" ? portableOut : a).ToArray());
        Assert.True(portableRun.ExitCode == 0, portableRun.Error);
        Assert.True(File.ReadAllBytes(portableOut).SequenceEqual(File.ReadAllBytes(nativeOut)), $"{arguments[0]}: the native {fileName} differs from the portable one");
    }

    private CliResult RunNative(string native, params string[] arguments)
    {
        var (exitCode, output) = ProcessRunner.Run(native, string.Join(" ", arguments.Select(a => $"\"{a}\"")), _scratch, CommandLimit);
        return new CliResult(exitCode, output, string.Empty);
    }
}
