using System.Text.Json;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Grasp;

/// <summary>
/// Apply_Tremor group for group against the independent numpy/scipy implementation
/// (tools/bench/grasp_python.py, fixtures by tools/grasp/make_tremor_cases.py): random networks on a
/// coarse grid, where kNN ties are common, and symmetric ones whose Fiedler vectors have exact zeros.
/// </summary>
public sealed class TremorFixtureTests
{
    private static readonly DateTime FirstMinute = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.TestData("Grasp", "tremor_cases.json")));
        return document.RootElement.EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static IEnumerable<object[]> CaseNames() => Cases.Value.Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Fact]
    public void TheFixturesHoldTiesAndZeroFiedlerEntries()
    {
        // What the cases are for; a regenerated file without them would test much less.
        Assert.True(Cases.Value.Length >= 40);
        Assert.True(Cases.Value.Count(c => c.GetProperty("ties").GetBoolean()) >= 10);
        Assert.True(Cases.Value.Count(c => c.GetProperty("zero_fiedler").GetBoolean()) >= 5);
        Assert.True(Cases.Value.Sum(c => c.GetProperty("groups").GetArrayLength()) >= 200);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GraphAndGroupsEqualThePythonOnes(string name)
    {
        var c = Cases.Value.Single(e => e.GetProperty("name").GetString() == name);
        var rows = c.GetProperty("distances").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var n = rows.Length;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distances[i, j] = rows[i][j];
            }
        }
        var graph = GraspAssociator.KnnGraph(distances, c.GetProperty("k").GetInt32());
        var edges = new List<string>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (graph.AreAdjacent(i, j))
                {
                    edges.Add($"{i}-{j}");
                }
            }
        }
        var expectedEdges = c.GetProperty("edges").EnumerateArray().Select(e => $"{e[0].GetInt32()}-{e[1].GetInt32()}").ToList();
        Assert.Equal(expectedEdges, edges);

        var x = c.GetProperty("x_m").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var y = c.GetProperty("y_m").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var positions = x.Zip(y, (a, b) => new PlanarPosition(a, b)).ToArray();
        var minutes = c.GetProperty("rows").EnumerateArray().ToArray();
        var values = minutes.SelectMany(r => r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? float.NaN : (float)v.GetDouble())).ToArray();
        var table = new ProbabilityTable(n, Enumerable.Range(0, minutes.Length).Select(m => FirstMinute.AddMinutes(m)).ToArray(), values);
        var parameters = GraspParameters.Default
             with { ProbabilityThreshold = c.GetProperty("prob_thres").GetDouble() }
             with { MinStations = c.GetProperty("min_stations").GetInt32() }
             with { MaxEigen = c.GetProperty("max_eigen").GetDouble() }
             with { StdThreshold = c.GetProperty("std_thres").GetDouble() };

        var groups = GraspAssociator.ApplyTremor(graph, table, positions, parameters)
            .Select(g => $"{(int)(g.Minute - FirstMinute).TotalMinutes}: {string.Join(",", g.Stations)}")
            .ToList();

        var expected = c.GetProperty("groups").EnumerateArray()
            .Select(g => $"{g[0].GetInt32()}: {string.Join(",", g[1].EnumerateArray().Select(s => s.GetInt32()))}")
            .ToList();
        Assert.Equal(expected, groups);
    }
}
