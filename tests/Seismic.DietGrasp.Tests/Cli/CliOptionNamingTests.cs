using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Tests.Reliability;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary>
/// Errors name the option the user typed (<c>--prob-thres</c>), never the library's parameter
/// (<c>Prob_thres</c>): every option is driven with values the library refuses, on otherwise good inputs,
/// and whatever <see cref="InvalidParameterException.ParameterName"/> comes back must map to that option
/// (<see cref="CliOption.Parameters"/>) and open the stderr line.
/// </summary>
public sealed class CliOptionNamingTests
{
    /// <summary>
    /// Command, option driven, bad values. A command or option added with <see cref="CliOption.ReportedAs"/>
    /// needs its row here (<see cref="EveryMappedOptionIsProbed"/>).
    /// </summary>
    private static readonly (string Command, string Option, string[] Values)[] Probes =
    {
        ("spectrogram", "fs", new[] { "0", "-100", "33", "101", "1e9", "NaN" }),
        ("classify", "fs", new[] { "0", "33", "101" }),
        ("classify", "highpass", new[] { "-1", "0.001", "NaN" }),
        ("spectrogram", "highpass", new[] { "-1", "0.001" }),
        ("evaluate", "fs", new[] { "0", "33" }),
        ("evaluate", "highpass", new[] { "-1", "0.001" }),
        ("run", "highpass", new[] { "-1", "0.001" }),
        ("grasp nocut", "k", new[] { "0", "-1", "150" }),
        ("grasp nocut", "prob-thres", new[] { "0", "-0.5", "1.7", "NaN" }),
        ("grasp nocut", "min-stations", new[] { "0", "-3" }),
        ("grasp nocut", "stations", new[] { "{one-station}" }),
        ("grasp tremor", "k", new[] { "0", "150" }),
        ("grasp tremor", "prob-thres", new[] { "0", "1.7" }),
        ("grasp tremor", "min-stations", new[] { "0" }),
        ("grasp tremor", "epsg", new[] { "4326", "3857", "32661", "32609", "0" }),
        ("grasp tremor", "max-eigen", new[] { "1.5", "-0.1", "NaN" }),
        ("grasp tremor", "std-thres", new[] { "0", "-5", "NaN" }),
        ("grasp tremor", "stations", new[] { "{one-station}" }),
        ("grasp categorize", "k", new[] { "0", "150" }),
        ("grasp categorize", "window", new[] { "-1" }),
        ("grasp categorize", "stations", new[] { "{one-station}" }),
        ("grasp distances", "stations", new[] { "{one-station}" }),
        ("run", "waveforms", new[] { "{missing}", "{empty-folder}" }),
        ("run", "stations", new[] { "{missing}", "{one-station}" }),
        ("run", "out", new[] { "{a-file}" }),
        ("run", "start", new[] { "2030-01-01T00:00:00Z" }),
        ("run", "end", new[] { "9999-12-31T23:59:30Z" }),
        ("run", "model", new[] { "{missing}" }),
        ("run", "sensitivity", new[] { "0", "-1", "NaN" }),
        ("run", "threads", new[] { "0", "-1" }),
        ("run", "channels", new[] { "HH?,,BH?", "HHHZ" }),
        ("run", "location", new[] { "ABC" }),
        ("run", "k", new[] { "0", "150" }),
        ("run", "prob-thres", new[] { "0" }),
        ("run", "min-stations", new[] { "0" }),
        ("run", "epsg", new[] { "4326", "32609" }),
        ("run", "max-eigen", new[] { "2" }),
        ("run", "std-thres", new[] { "0" }),
        ("run", "window", new[] { "-1" }),
        ("day", "highpass", new[] { "-1", "0.001" }),
        ("day", "waveforms", new[] { "{missing}", "{empty-folder}" }),
        ("day", "stations", new[] { "{missing}", "{one-station}" }),
        ("day", "out", new[] { "{a-file}" }),
        ("day", "model", new[] { "{missing}" }),
        ("day", "sensitivity", new[] { "0", "-1", "NaN" }),
        ("day", "threads", new[] { "0", "-1" }),
        ("day", "channels", new[] { "HH?,,BH?", "HHHZ" }),
        ("day", "location", new[] { "ABC" }),
        ("associate", "days", new[] { "{missing}" }),
        ("associate", "stations", new[] { "{missing}", "{one-station}" }),
        ("associate", "out", new[] { "{a-file}" }),
        ("associate", "end", new[] { "2000-01-01T00:00:00Z" }),
        ("associate", "k", new[] { "0", "150" }),
        ("associate", "prob-thres", new[] { "0" }),
        ("associate", "min-stations", new[] { "0" }),
        ("associate", "epsg", new[] { "4326", "32609" }),
        ("associate", "max-eigen", new[] { "2" }),
        ("associate", "std-thres", new[] { "0" }),
        ("associate", "window", new[] { "-1" }),
        ("demo-archive", "days", new[] { "0", "-1" }),
        ("demo", "minutes", new[] { "5", "0", "-1" }),
        ("demo", "threads", new[] { "0", "-2" }),
        ("demo", "out", new[] { "" }),
    };

    public static IEnumerable<object[]> ProbeRows => Probes.Select((p, i) => new object[] { i, p.Command, p.Option });

    [Theory]
    [MemberData(nameof(ProbeRows))]
    public void EveryParameterTheLibraryRejectsIsNamedAsTheOptionTyped(int row, string commandName, string optionName)
    {
        var (_, _, values) = Probes[row];
        var command = CliApp.All.Single(c => c.Name == commandName);
        var option = command.Options.Single(o => o.Name == optionName);
        var named = 0;
        foreach (var value in values)
        {
            var folder = new CaseFolder();
            var arguments = GoodArguments(commandName, folder);
            arguments[optionName] = Substitute(value, folder);

            var (result, ran) = RecordingCommand.Run(commandName.Split(' ').Concat(arguments.SelectMany(a => new[] { "--" + a.Key, a.Value })).ToArray());

            var what = $"dietgrasp {commandName} --{optionName} '{value}'";
            Assert.True(result.ExitCode == CliApp.InputError, $"{what}: exit code {result.ExitCode}, stderr: {result.Error}");
            var line = Assert.Single(result.ErrorLines);
            if (ran?.Failure is InvalidParameterException invalid)
            {
                Assert.True(CliOptionNaming.OptionFor(command, invalid.ParameterName) == option,
                    $"{what}: the library's parameter '{invalid.ParameterName}' does not map to --{optionName} (declare it with ReportedAs): {line}");
                Assert.StartsWith($"dietgrasp {commandName}: --{optionName}: ", line, StringComparison.Ordinal);
                named++;
            }
        }
        if (option.Parameters.Count > 0)
        {
            // A mapped option whose probes never reach the library's check would prove nothing.
            Assert.True(named > 0, $"no bad value of --{optionName} reached the library's check");
        }
    }

    [Fact]
    public void EveryMappedOptionIsProbed()
    {
        foreach (var command in CliApp.All)
        {
            foreach (var option in command.Options.Where(o => o.Parameters.Count > 0))
            {
                Assert.True(Probes.Any(p => p.Command == command.Name && p.Option == option.Name),
                    $"dietgrasp {command.Name} --{option.Name} maps {string.Join(", ", option.Parameters)} but has no probe");
            }
        }
    }

    [Fact]
    public void ErrorsNameTheOptionTyped()
    {
        var folder = new CaseFolder();
        BadInputTable.ThreeComponents(folder);
        var spectrogram = CliRunner.Run("spectrogram", "--input", TestPaths.TestData("Spectrogram", "input_100hz.npy"), "--fs", "33", "--out", folder.Out("s.npy"));
        var line = Assert.Single(spectrogram.ErrorLines);
        Assert.StartsWith("dietgrasp spectrogram: --fs: ", line, StringComparison.Ordinal);
        Assert.Contains("33 Hz is below 40 Hz", line, StringComparison.Ordinal);

        var run = CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", folder.In("stations.csv"), "--out", folder.Out("run"),
            "--start", "2024-03-01T12:00:00Z", "--end", "2024-03-01T12:00:00Z");
        Assert.StartsWith("dietgrasp run: --end: the time range [2024-03-01T12:00:00Z, 2024-03-01T12:00:00Z) is empty", Assert.Single(run.ErrorLines), StringComparison.Ordinal);

        var tremor = CliRunner.Run("grasp", "tremor", "--stations", folder.In("stations.csv"), "--probabilities", Tables(folder).Probabilities, "--prob-thres", "1.7", "--out", folder.Out("c.csv"));
        Assert.Equal("dietgrasp grasp tremor: --prob-thres: 1.7; expected a probability in (0, 1]", Assert.Single(tremor.ErrorLines));
        foreach (var internalName in new[] { "Prob_thres", "sampling_freq", "endTime", "waveformDirectory" })
        {
            Assert.DoesNotContain(internalName, spectrogram.Error + run.Error + tremor.Error, StringComparison.Ordinal);
        }
    }

    private static (string Probabilities, string Tremor) Tables(CaseFolder folder)
    {
        folder.WriteText("p.csv", GraspTables.Probabilities().ToString());
        folder.WriteText("t.csv", GraspTables.Candidates().ToString());
        return (folder.In("p.csv"), folder.In("t.csv"));
    }

    /// <summary>A command line (as option name to value) that the command runs without error.</summary>
    private static Dictionary<string, string> GoodArguments(string command, CaseFolder folder)
    {
        folder.WriteText("stations.csv", GraspTables.Stations.ToString());
        var stations = folder.In("stations.csv");
        var (probabilities, tremor) = Tables(folder);
        switch (command)
        {
            case "spectrogram":
                return new() { ["input"] = TestPaths.TestData("Spectrogram", "input_100hz.npy"), ["fs"] = "100", ["out"] = folder.Out("s.npy") };
            case "classify":
                folder.WriteNpy("w.npy", Fixtures.Minute100Hz(), 3, 6000);
                return new() { ["waveforms"] = folder.In("w.npy"), ["fs"] = "100", ["out"] = folder.Out("p.csv") };
            case "evaluate":
                folder.WriteNpy("w.npy", Fixtures.Minute100Hz(), 3, 6000);
                folder.WriteText("labels.csv", "label\nnoise\n");
                return new() { ["waveforms"] = folder.In("w.npy"), ["fs"] = "100", ["labels"] = folder.In("labels.csv"), ["out"] = folder.Out("eval") };
            case "grasp nocut":
            case "grasp tremor":
                return new() { ["stations"] = stations, ["probabilities"] = probabilities, ["out"] = folder.Out("c.csv") };
            case "grasp categorize":
                return new() { ["stations"] = stations, ["tremor"] = tremor, ["eq"] = tremor, ["out"] = folder.Out("x.csv") };
            case "grasp distances":
                return new() { ["stations"] = stations, ["out"] = folder.Out("d.csv") };
            case "run":
                BadInputTable.ThreeComponents(folder);
                return new() { ["waveforms"] = BadInputTable.Waves(folder), ["stations"] = stations, ["out"] = folder.Out("run"), ["threads"] = "1" };
            case "day":
                BadInputTable.ThreeComponents(folder);
                return new() { ["date"] = "2024-03-01", ["waveforms"] = BadInputTable.Waves(folder), ["stations"] = stations, ["out"] = folder.Out("run"), ["threads"] = "1" };
            case "associate":
                Directory.CreateDirectory(folder.In("days"));
                return new() { ["days"] = folder.In("days"), ["stations"] = stations, ["out"] = folder.Out("associate"), ["start"] = "2024-03-01T00:00:00Z", ["end"] = "2024-03-02T00:00:00Z" };
            case "demo-archive":
                return new() { ["out"] = folder.Out("archive") };
            case "demo":
                return new() { ["out"] = folder.Out("demo") };
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "no good arguments for this command yet: add them here");
        }
    }

    private static string Substitute(string value, CaseFolder folder)
    {
        switch (value)
        {
            case "{missing}":
                return folder.In("missing");
            case "{empty-folder}":
                Directory.CreateDirectory(folder.In("empty"));
                return folder.In("empty");
            case "{a-file}":
                return folder.WriteText("a-file", "not a folder");
            case "{one-station}":
                return folder.WriteText("one.csv", string.Join("\n", GraspTables.Stations.ToString().Split('\n').Take(2)) + "\n");
            default:
                return value;
        }
    }
}
