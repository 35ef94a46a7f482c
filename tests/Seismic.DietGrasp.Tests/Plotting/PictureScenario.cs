using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.Tests.Plotting;

/// <summary>A simulated tremor table on a network with its GrASP tremor groups and catalogue: what the run pictures are drawn from.</summary>
internal sealed class PictureScenario
{
    private PictureScenario(StationNetwork stations, ProbabilityTable tremor, IReadOnlyList<StationGroup> groups, IReadOnlyList<TremorEpisode> catalogue)
    {
        Stations = stations;
        Tremor = tremor;
        Groups = groups;
        Catalogue = catalogue;
    }

    public static StationNetwork Snet { get; } = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));

    public StationNetwork Stations { get; }

    public ProbabilityTable Tremor { get; }

    public IReadOnlyList<StationGroup> Groups { get; }

    public IReadOnlyList<TremorEpisode> Catalogue { get; }

    public static PictureScenario Simulate(StationNetwork stations, int minutes, int seed, int tremorEpisodes = 6)
    {
        var simulated = ProbabilityScenario.Simulate(stations, new ScenarioOptions { Minutes = minutes, Seed = seed, TremorEpisodes = tremorEpisodes });
        var graph = GraspAssociator.KnnGraph(stations);
        var groups = GraspAssociator.ApplyTremor(graph, simulated.Tremor, GraspAssociator.Project(stations));
        var catalogue = TremorCatalogue.Build(stations, groups.Select(g => new CategorizedGroup(g, TremorCategory.Probable)).ToList());
        return new PictureScenario(stations, simulated.Tremor, groups, catalogue);
    }

    /// <summary>Writes the tables a run's pictures are redrawn from (as <c>dietgrasp run</c> names them) into a new folder.</summary>
    public RunLayout WriteOutputFolder()
    {
        var layout = new RunLayout(TestPaths.NewScratchFolder());
        ProbabilityTableCsv.Write(layout.PathOf(RunLayout.TremorProbabilityFile), Tremor, Stations);
        CandidateTableCsv.Write(layout.PathOf(RunLayout.TremorCandidateFile), Stations, Groups);
        TremorCatalogue.Write(layout.PathOf(RunLayout.TremorCatalogueFile), Stations, Catalogue);
        return layout;
    }

    /// <summary>Pictures worth looking at go to a fixed scratch folder (overwritten each run).</summary>
    public static string PictureFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dietgrasp-tests", "pictures");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Xunit.Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
        Xunit.Assert.Equal(width, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Xunit.Assert.Equal(height, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
        Xunit.Assert.True(bytes.Length > 5000, $"{path}: only {bytes.Length} bytes");
    }
}
