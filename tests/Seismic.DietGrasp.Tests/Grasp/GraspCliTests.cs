using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Grasp;

public class GraspCliTests
{
    private static readonly string Stations = TestPaths.TestData("Grasp", "Station_info.csv");

    private static (string Folder, string Tremor, string Earthquake) Simulated()
    {
        var folder = TestPaths.NewScratchFolder();
        var network = StationNetworkCsv.Read(Stations);
        var simulated = ProbabilityScenario.Simulate(network, new ScenarioOptions { Seed = 3, Minutes = 120, TremorEpisodes = 3, LocalEarthquakes = 3 });
        var tremor = Path.Combine(folder, "Probability_T.csv");
        var earthquake = Path.Combine(folder, "Probability_EQ.csv");
        ProbabilityTableCsv.Write(tremor, simulated.Tremor, network);
        ProbabilityTableCsv.Write(earthquake, simulated.Earthquake, network);
        return (folder, tremor, earthquake);
    }

    /// <summary>The whole file against pyproj's matrix (tools/grasp/make_reference.py), read here without the library.</summary>
    [Fact]
    public void DistancesWritesPyprojsMatrixCellForCell()
    {
        var output = Path.Combine(TestPaths.NewScratchFolder(), "D.csv");
        var result = CliRunner.Run("grasp", "distances", "--stations", Stations, "--out", output);
        Assert.Equal(CliApp.Success, result.ExitCode);
        var expected = ReadMatrix(TestPaths.TestData("Grasp", "Stadis_array_original.csv"));
        var actual = ReadMatrix(output);
        Assert.Equal(150, expected.Length);
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Length, actual[i].Length);
            for (var j = 0; j < expected[i].Length; j++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i][j] - actual[i][j]));
            }
        }
        // Karney's series against pyproj's (GeographicLib in PROJ): agreement to well under a micrometre.
        Assert.True(worst <= 1e-9, $"max |C# - pyproj| = {worst:E3} km");
    }

    /// <summary>
    /// A hand-worked case (TestData/Cli/categorize), the whole output file compared as text. Six stations on
    /// the 38th parallel with widening gaps, so k = 1 makes the path A1-A2-...-A6. Tremor at 12:00 on A1, A2
    /// and an earthquake at 12:01 on A3, a neighbour of A2: possible (2). Tremor at 12:05 on A5, A6 and an
    /// earthquake at 12:07 on A6: outside the 1-minute window, probable (1). Tremor at 12:10 on A3 and an
    /// earthquake on A3 in the same minute: possible. Tremor at 12:20 on A1-A3 and an earthquake on A6 at
    /// 12:20: too far, probable.
    /// </summary>
    [Fact]
    public void CategorizeWritesTheHandWorkedTable()
    {
        string Case(string name) => TestPaths.TestData("Cli", "categorize", name);
        var output = Path.Combine(TestPaths.NewScratchFolder(), "Tremor_category.csv");
        var result = CliRunner.Run("grasp", "categorize", "--stations", Case("Station_info.csv"), "--tremor", Case("Tremor_candidate.csv"), "--eq", Case("EQ_candidate.csv"), "--k", "1", "--window", "1", "--out", output);
        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.Equal(File.ReadAllText(Case("expected_Tremor_category.csv")), File.ReadAllText(output));
    }

    private static double[][] ReadMatrix(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    [Fact]
    public void NocutTremorAndCategorizeChainLikeTheLibrary()
    {
        var (folder, tremor, earthquake) = Simulated();
        var tremorOut = Path.Combine(folder, "Tremor_candidate.csv");
        var eqOut = Path.Combine(folder, "EQ_candidate.csv");
        var categoryOut = Path.Combine(folder, "Tremor_category.csv");
        Assert.Equal(CliApp.Success, CliRunner.Run("grasp", "tremor", "--stations", Stations, "--probabilities", tremor, "--k", "12", "--epsg", "32654", "--out", tremorOut).ExitCode);
        Assert.Equal(CliApp.Success, CliRunner.Run("grasp", "nocut", "--stations", Stations, "--probabilities", earthquake, "--out", eqOut).ExitCode);
        var categorize = CliRunner.Run("grasp", "categorize", "--stations", Stations, "--tremor", tremorOut, "--eq", eqOut, "--window", "1", "--out", categoryOut);
        Assert.Equal(CliApp.Success, categorize.ExitCode);

        var network = StationNetworkCsv.Read(Stations);
        var graph = GraspAssociator.KnnGraph(network, 12);
        var expectedTremor = GraspAssociator.ApplyTremor(graph, ProbabilityTableCsv.Read(tremor, network), GraspAssociator.Project(network, 32654));
        var readTremor = CandidateTableCsv.Read(tremorOut, network);
        Assert.NotEmpty(readTremor);
        Assert.Equal(expectedTremor.Select(g => g.ToString()), readTremor.Select(g => g.ToString()));

        // The overload that projects by itself uses the parameters' EPSG code: the same groups in UTM 54N,
        // and a zone 90 degrees away is refused rather than silently used.
        var table = ProbabilityTableCsv.Read(tremor, network);
        var projectingItself = GraspAssociator.ApplyTremor(graph, table, network, GraspParameters.Default with { Epsg = 32654 });
        Assert.Equal(expectedTremor.Select(g => g.ToString()), projectingItself.Select(g => g.ToString()));
        var farZone = Assert.Throws<InvalidParameterException>(() => GraspAssociator.ApplyTremor(graph, table, network, GraspParameters.Default with { Epsg = 32609 }));
        Assert.Contains("UTM zone 9", farZone.Message, StringComparison.Ordinal);
        var categories = CandidateTableCsv.ReadCategorized(categoryOut, network);
        Assert.Equal(readTremor.Count, categories.Count);
        Assert.Contains("probable", categorize.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void BadKIsOneLineAndNoOutput()
    {
        var (folder, tremor, _) = Simulated();
        var output = Path.Combine(folder, "C.csv");
        var result = CliRunner.Run("grasp", "nocut", "--stations", Stations, "--probabilities", tremor, "--k", "150", "--out", output);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("dietgrasp grasp nocut: --k: 150", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void BadTableNamesFileRowAndColumn()
    {
        var folder = TestPaths.NewScratchFolder();
        var bad = Path.Combine(folder, "P.csv");
        File.WriteAllText(bad, "year,month,day,hour,minute," + string.Join(",", StationNetworkCsv.Read(Stations).Names) + "\n2024,2,30,0,0" + string.Concat(Enumerable.Repeat(",0.1", 150)) + "\n");
        var result = CliRunner.Run("grasp", "tremor", "--stations", Stations, "--probabilities", bad, "--out", Path.Combine(folder, "C.csv"));
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains($"{bad}, row 2, column 3: impossible date", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedEpsgAndUnknownOptionsAreRefused()
    {
        var (folder, tremor, _) = Simulated();
        var epsg = CliRunner.Run("grasp", "tremor", "--stations", Stations, "--probabilities", tremor, "--epsg", "4326", "--out", Path.Combine(folder, "C.csv"));
        Assert.Equal(CliApp.InputError, epsg.ExitCode);
        Assert.Contains("dietgrasp grasp tremor: --epsg: EPSG:4326 is not supported", epsg.Error, StringComparison.Ordinal);
        var unknown = CliRunner.Run("grasp", "nocut", "--stations", Stations, "--probabilities", tremor, "--max-eigen", "0.1", "--out", Path.Combine(folder, "C.csv"));
        Assert.Equal(CliApp.UsageError, unknown.ExitCode);
    }
}
