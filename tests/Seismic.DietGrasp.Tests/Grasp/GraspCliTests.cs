using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Grasp;
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
        var network = StationNetwork.Read(Stations);
        var simulated = ProbabilityScenario.Simulate(network, new ScenarioOptions { Seed = 3, Minutes = 120, TremorEpisodes = 3, LocalEarthquakes = 3 });
        var tremor = Path.Combine(folder, "Probability_T.csv");
        var earthquake = Path.Combine(folder, "Probability_EQ.csv");
        simulated.Tremor.Write(tremor, network);
        simulated.Earthquake.Write(earthquake, network);
        return (folder, tremor, earthquake);
    }

    [Fact]
    public void DistancesWritesTheGeodesicMatrix()
    {
        var output = Path.Combine(TestPaths.NewScratchFolder(), "D.csv");
        var result = CliRunner.Run("grasp", "distances", "--stations", Stations, "--out", output);
        Assert.Equal(CliApp.Success, result.ExitCode);
        var network = StationNetwork.Read(Stations);
        var expected = GraspAssociator.ReadDistanceMatrix(TestPaths.TestData("Grasp", "Stadis_array_original.csv"), network);
        var actual = GraspAssociator.ReadDistanceMatrix(output, network);
        Assert.InRange(Math.Abs(actual[0, 149] - expected[0, 149]), 0, 1e-6);
    }

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

        var network = StationNetwork.Read(Stations);
        var graph = GraspAssociator.KnnGraph(network, 12);
        var expectedTremor = GraspAssociator.ApplyTremor(ProbabilityTable.Read(tremor, network), graph, GraspAssociator.Project(network, 32654));
        var readTremor = CandidateTable.Read(tremorOut, network);
        Assert.NotEmpty(readTremor);
        Assert.Equal(expectedTremor.Select(g => g.ToString()), readTremor.Select(g => g.ToString()));
        var categories = CandidateTable.ReadCategorized(categoryOut, network);
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
        File.WriteAllText(bad, "year,month,day,hour,minute," + string.Join(",", StationNetwork.Read(Stations).Names) + "\n2024,2,30,0,0" + string.Concat(Enumerable.Repeat(",0.1", 150)) + "\n");
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
