using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Grasp;

public class GraphStepTests
{
    private static readonly DateTime Minute = new(2024, 2, 29, 10, 0, 0, DateTimeKind.Utc);

    private static StationGraph Graph(int n, params (int A, int B)[] edges)
    {
        var adjacent = new bool[n * n];
        foreach (var (a, b) in edges)
        {
            adjacent[a * n + b] = true;
            adjacent[b * n + a] = true;
        }
        return new StationGraph(n, 1, adjacent);
    }

    private static ProbabilityTable AllDetect(int n, params DateTime[] minutes) =>
        new(n, minutes.Length == 0 ? new[] { Minute } : minutes, Enumerable.Repeat(0.9f, n * Math.Max(1, minutes.Length)).ToArray());

    private static PlanarPosition[] Near(int n) => Enumerable.Range(0, n).Select(i => new PlanarPosition(i * 1000.0, 0)).ToArray();

    private static int[][] Stations(IReadOnlyList<StationGroup> groups) => groups.Select(g => g.Stations.ToArray()).ToArray();

    [Fact]
    public void KnnGraphIsTheUnionOfNearestNeighboursWithTiesToTheLowerIndex()
    {
        double[] x = { 0, 1, 2, 3, 10 };
        var d = new double[5, 5];
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                d[i, j] = Math.Abs(x[i] - x[j]);
            }
        }
        var graph = GraspAssociator.KnnGraph(d, 1);
        var expected = new int[,] { { 0, 1, 0, 0, 0 }, { 1, 0, 1, 0, 0 }, { 0, 1, 0, 1, 0 }, { 0, 0, 1, 0, 1 }, { 0, 0, 0, 1, 0 } };
        Assert.Equal(expected, graph.ToMatrix());
        // k = 2: station 2 has 1 and 3 at distance 1; station 1 has 0 and 2; station 4 has 3 and 2 (7, 8).
        var two = GraspAssociator.KnnGraph(d, 2);
        Assert.True(two.AreAdjacent(0, 2));
        Assert.True(two.AreAdjacent(4, 2));
        Assert.False(two.AreAdjacent(0, 3));
        Assert.False(two.AreAdjacent(3, 3));
    }

    /// <summary>
    /// Ties decide edges here, and the union of neighbour lists cannot hide them: station 0 has 1 and 2 at
    /// distance 10 (tie: it takes 1), stations 3 and 4 each have only their neighbours 1 and 2 at 0.5.
    /// The reverse tie rule would give 0-2 instead of 0-1.
    /// </summary>
    [Fact]
    public void KnnTieGoesToTheLowerIndexWhereNoOtherListHasTheEdge()
    {
        double[] x = { 0, -10, 10, -10.5, 10.5 };
        var d = new double[5, 5];
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                d[i, j] = Math.Abs(x[i] - x[j]);
            }
        }
        var graph = GraspAssociator.KnnGraph(d, 1);
        var expected = new int[,] { { 0, 1, 0, 0, 0 }, { 1, 0, 0, 1, 0 }, { 0, 0, 0, 0, 1 }, { 0, 1, 0, 0, 0 }, { 0, 0, 1, 0, 0 } };
        Assert.Equal(expected, graph.ToMatrix());
    }

    /// <summary>
    /// The 5-station path has a Fiedler vector with an exact zero in the middle, (c, s, 0, -s, -c): the
    /// sign rule (first non-zero entry positive, zero counts as ">= 0") puts station 2 with 0 and 1.
    /// r = 2 (1 - cos(pi / 5)) / 8 = 0.048 splits below Max_eigen 0.1; the 3-path {0, 1, 2} has r = 1/4
    /// and stays whole.
    /// </summary>
    [Fact]
    public void OddPathPutsItsZeroFiedlerEntryWithTheFirstStation()
    {
        var path = Graph(5, (0, 1), (1, 2), (2, 3), (3, 4));
        var parameters = GraspParameters.Default with { MaxEigen = 0.1, StdThreshold = 1000, MinStations = 1 };
        var groups = GraspAssociator.ApplyTremor(path, AllDetect(5), Near(5), parameters);
        Assert.Equal(new[] { new[] { 0, 1, 2 }, new[] { 3, 4 } }, Stations(groups));
        // The path 1-0-3-2-4: the zero sits on station 3, and station 0 (entry s, not the end's c) fixes the sign.
        var shuffled = Graph(5, (1, 0), (0, 3), (3, 2), (2, 4));
        Assert.Equal(new[] { new[] { 0, 1, 3 }, new[] { 2, 4 } }, Stations(GraspAssociator.ApplyTremor(shuffled, AllDetect(5), Near(5), parameters)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void KOutsideOneToNMinusOneIsRefused(int k)
    {
        var error = Assert.Throws<InvalidParameterException>(() => GraspAssociator.KnnGraph(new double[5, 5], k));
        Assert.Equal("k", error.ParameterName);
    }

    [Theory]
    [InlineData(150, 12)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(30, 5)]
    public void DefaultKIsRoundedSquareRoot(int n, int k) => Assert.Equal(k, GraspAssociator.DefaultK(n));

    [Fact]
    public void PathIsCutInTheMiddle()
    {
        var path = Graph(12, Enumerable.Range(0, 11).Select(i => (i, i + 1)).ToArray());
        var parameters = GraspParameters.Default with { MaxEigen = 0.01, StdThreshold = 1000 };
        var groups = GraspAssociator.ApplyTremor(path, AllDetect(12), Near(12), parameters);
        Assert.Equal(new[] { Enumerable.Range(0, 6).ToArray(), Enumerable.Range(6, 6).ToArray() }, Stations(groups));
        // r of the 12-path is 2 (1 - cos(pi/12)) / 22 = 0.0031: Max_eigen 0.003 keeps it whole.
        var whole = GraspAssociator.ApplyTremor(path, AllDetect(12), Near(12), parameters with { MaxEigen = 0.003 });
        Assert.Single(whole);
        Assert.Equal(12, whole[0].Count);
    }

    [Fact]
    public void TwoCliquesJoinedByOneEdgeAreSeparated()
    {
        var edges = new List<(int, int)>();
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                edges.Add((a, b));
                edges.Add((a + 5, b + 5));
            }
        }
        edges.Add((4, 5));
        var graph = Graph(10, edges.ToArray());
        var parameters = GraspParameters.Default with { MaxEigen = 0.05, StdThreshold = 1000 };
        var tremor = GraspAssociator.ApplyTremor(graph, AllDetect(10), Near(10), parameters);
        Assert.Equal(new[] { new[] { 0, 1, 2, 3, 4 }, new[] { 5, 6, 7, 8, 9 } }, Stations(tremor));
        var nocut = GraspAssociator.ApplyNocut(graph, AllDetect(10), parameters);
        Assert.Equal(new[] { Enumerable.Range(0, 10).ToArray() }, Stations(nocut));
    }

    [Fact]
    public void StarIsKeptWholeBelowItsRatio()
    {
        // Star of 7: eigenvalues 0, 1 (x5), 7; r = 1/12.
        var star = Graph(7, Enumerable.Range(1, 6).Select(i => (0, i)).ToArray());
        var kept = GraspAssociator.ApplyTremor(star, AllDetect(7), Near(7), GraspParameters.Default with { MaxEigen = 0.08, StdThreshold = 1000 });
        Assert.Equal(new[] { Enumerable.Range(0, 7).ToArray() }, Stations(kept));
        // Above it the degenerate Fiedler space gives some split; every part is a connected star piece.
        var split = GraspAssociator.ApplyTremor(star, AllDetect(7), Near(7), GraspParameters.Default with { MaxEigen = 0.09, StdThreshold = 1000, MinStations = 1 });
        Assert.True(split.Count >= 2);
        Assert.Equal(7, split.Sum(g => g.Count));
    }

    [Fact]
    public void SingleStationsAndPairsAreFinalWithoutAnEigenSplit()
    {
        // A lone station has only the eigenvalue 0 (r undefined: final); an edge has 0 and 2 (r = 1: final even at Max_eigen 1).
        var graph = Graph(3, (0, 1));
        var parameters = GraspParameters.Default with { MinStations = 1, MaxEigen = 1, StdThreshold = 1000 };
        var groups = GraspAssociator.ApplyTremor(graph, AllDetect(3), Near(3), parameters);
        Assert.Equal(new[] { new[] { 0, 1 }, new[] { 2 } }, Stations(groups));
    }

    [Fact]
    public void MaxEigenZeroNeverSplits()
    {
        var path = Graph(30, Enumerable.Range(0, 29).Select(i => (i, i + 1)).ToArray());
        var groups = GraspAssociator.ApplyTremor(path, AllDetect(30), Near(30), GraspParameters.Default with { MaxEigen = 0, StdThreshold = 1000 });
        Assert.Equal(30, Assert.Single(groups).Count);
    }

    [Fact]
    public void DisconnectedPairGivesOneRowEachOrderedByLowestStation()
    {
        var graph = Graph(6, (3, 4), (4, 5), (0, 1), (1, 2));
        var groups = GraspAssociator.ApplyNocut(graph, AllDetect(6));
        Assert.Equal(new[] { new[] { 0, 1, 2 }, new[] { 3, 4, 5 } }, Stations(groups));
        Assert.Empty(GraspAssociator.ApplyNocut(graph, AllDetect(6), GraspParameters.Default with { MinStations = 4 }));
    }

    [Fact]
    public void ThresholdAndMissingDataDecideWhoDetects()
    {
        var graph = Graph(4, (0, 1), (1, 2), (2, 3));
        var table = new ProbabilityTable(4, new[] { Minute }, new[] { 0.5f, 0.49f, 0.9f, float.NaN });
        Assert.Empty(GraspAssociator.ApplyNocut(graph, table, GraspParameters.Default with { MinStations = 2 }));
        var ones = GraspAssociator.ApplyNocut(graph, table, GraspParameters.Default with { MinStations = 1 });
        Assert.Equal(new[] { new[] { 0 }, new[] { 2 } }, Stations(ones));
        Assert.Equal(0.5f, ones[0].Probabilities[0]);
    }

    [Fact]
    public void RowsAreOrderedByTimeEvenWhenTheTableIsNot()
    {
        var graph = Graph(3, (0, 1), (1, 2));
        var later = Minute.AddMinutes(5);
        var groups = GraspAssociator.ApplyNocut(graph, AllDetect(3, later, Minute));
        Assert.Equal(new[] { Minute, later }, groups.Select(g => g.Minute).ToArray());
    }

    [Fact]
    public void GraphStdFilterDropsSpreadGroups()
    {
        var graph = Graph(3, (0, 1), (1, 2));
        var positions = new[] { new PlanarPosition(0, 0), new PlanarPosition(30_000, 0), new PlanarPosition(60_000, 0) };
        // Graph std = sqrt((30^2 + 0 + 30^2) / 3) = 24.49 km.
        Assert.Equal(Math.Sqrt(600), GraspAssociator.GraphStd(new[] { 0, 1, 2 }, positions), 12);
        Assert.Single(GraspAssociator.ApplyTremor(graph, AllDetect(3), positions, GraspParameters.Default with { StdThreshold = 24.5 }));
        Assert.Empty(GraspAssociator.ApplyTremor(graph, AllDetect(3), positions, GraspParameters.Default with { StdThreshold = 24.4 }));
    }

    [Fact]
    public void SuggestedStdThresholdIsMeanPlusThreeSigma()
    {
        var positions = new[] { new PlanarPosition(0, 0), new PlanarPosition(2000, 0), new PlanarPosition(0, 0), new PlanarPosition(4000, 0) };
        var groups = new[]
        {
            new StationGroup(Minute, new[] { 0, 1 }, new[] { 0.9f, 0.9f }), // std 1 km
            new StationGroup(Minute, new[] { 2, 3 }, new[] { 0.9f, 0.9f }), // std 2 km
        };
        Assert.Equal(1.5 + 3 * 0.5, GraspAssociator.SuggestStdThreshold(groups, positions), 12);
        Assert.Throws<InvalidParameterException>(() => GraspAssociator.SuggestStdThreshold(groups.Take(1), positions));
    }

    [Fact]
    public void CategorizationLooksAtNeighboursWithinTheWindow()
    {
        var graph = Graph(6, (0, 1), (1, 2), (2, 3), (3, 4), (4, 5));
        var tremor = new[] { new StationGroup(Minute, new[] { 0, 1, 2 }, new[] { 0.9f, 0.9f, 0.9f }) };
        StationGroup Eq(int minutes, params int[] stations) => new(Minute.AddMinutes(minutes), stations, stations.Select(_ => 0.8f).ToArray());

        TremorCategory Category(GraspParameters p, params StationGroup[] eq) => GraspAssociator.ApplyCategorization(graph, tremor, eq, p)[0].Category;

        var p1 = GraspParameters.Default;
        Assert.Equal(TremorCategory.Possible, Category(p1, Eq(1, 3, 4, 5)));    // station 3 neighbours station 2
        Assert.Equal(TremorCategory.Possible, Category(p1, Eq(-1, 1)));         // shares a station
        Assert.Equal(TremorCategory.Probable, Category(p1, Eq(0, 4, 5)));       // too far in space
        Assert.Equal(TremorCategory.Probable, Category(p1, Eq(2, 3)));          // too far in time
        Assert.Equal(TremorCategory.Probable, Category(p1 with { CategoryWindow = 0 }, Eq(1, 3)));
        Assert.Equal(TremorCategory.Possible, Category(p1 with { CategoryWindow = 2 }, Eq(-2, 3)));
        Assert.Equal(TremorCategory.Probable, Category(p1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ProbabilityThresholdOutsideItsRangeIsRefused(double value) =>
        Assert.Equal("Prob_thres", Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { ProbabilityThreshold = value }).ParameterName);

    [Fact]
    public void OtherParametersAreValidated()
    {
        Assert.Equal("Min_stations", Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { MinStations = 0 }).ParameterName);
        Assert.Equal("Max_eigen", Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { MaxEigen = 1.01 }).ParameterName);
        Assert.Equal("Std_thres", Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { StdThreshold = 0 }).ParameterName);
        Assert.Equal("Cat_window", Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { CategoryWindow = -1 }).ParameterName);
        Assert.Equal("k", Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { K = 0 }).ParameterName);
    }
}
