using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.IO;

public class TableTests
{
    private const string StationText = "name,lat,lon\nA,38.0,142.0\nB,38.2,142.1\nC,38.4,142.3\n";

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static StationNetwork Stations(string folder) => StationNetworkCsv.Read(Write(folder, "Station_info.csv", StationText));

    [Fact]
    public void ProbabilityTableReadsEmptyCellsAsMissingAndRoundTrips()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Stations(folder);
        var path = Write(folder, "P.csv", "year,month,day,hour,minute,A,B,C\n2024,2,29,23,59,0.93,,0.1\n2024,3,1,0,0,1,0,nan\n");
        var table = ProbabilityTableCsv.Read(path, stations);
        Assert.Equal(2, table.MinuteCount);
        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 0, DateTimeKind.Utc), table.Minutes[0]);
        Assert.Equal(0.93f, table[0, 0]);
        Assert.True(float.IsNaN(table[0, 1]));
        Assert.True(float.IsNaN(table[1, 2]));
        var copy = Path.Combine(folder, "copy.csv");
        ProbabilityTableCsv.Write(copy, table, stations);
        Assert.Equal("year,month,day,hour,minute,A,B,C\n2024,2,29,23,59,0.93,,0.1\n2024,3,1,0,0,1,0,\n", File.ReadAllText(copy));
        var again = ProbabilityTableCsv.Read(copy, stations);
        Assert.Equal(table[0, 0], again[0, 0]);
    }

    [Fact]
    public void StreamOverloadsReadAndWriteWhatThePathOverloadsDo()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Stations(folder);
        using var stationStream = new MemoryStream();
        StationNetworkCsv.Write(stationStream, stations);
        Assert.Equal("name,lat,lon\nA,38,142\nB,38.2,142.1\nC,38.4,142.3\n", System.Text.Encoding.UTF8.GetString(stationStream.ToArray()));
        stationStream.Position = 0;
        Assert.Equal(stations.Names, StationNetworkCsv.Read(stationStream).Names);

        const string probabilities = "year,month,day,hour,minute,A,B,C\n2024,3,1,0,0,1,0,\n";
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(probabilities));
        var table = ProbabilityTableCsv.Read(input, stations, "P.csv");
        Assert.True(input.CanRead, "the reader leaves the caller's stream open");
        using var output = new MemoryStream();
        ProbabilityTableCsv.Write(output, table, stations);
        Assert.Equal(probabilities, System.Text.Encoding.UTF8.GetString(output.ToArray()));

        using var bad = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("year,month,day,hour,minute,A,B,C\n2024,3,1,0,0,1,0\n"));
        var error = Assert.Throws<InvalidTableException>(() => ProbabilityTableCsv.Read(bad, stations, "from-the-web.csv"));
        Assert.Equal("from-the-web.csv", error.FilePath);

        var distances = new double[,] { { 0, 1.5, 2 }, { 1.5, 0, 3.25 }, { 2, 3.25, 0 } };
        using var matrix = new MemoryStream();
        DistanceMatrixCsv.Write(matrix, distances);
        matrix.Position = 0;
        Assert.Equal(distances, DistanceMatrixCsv.Read(matrix, stations));
    }

    [Theory]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,0,0,0.1,0.2\n", 2, 0, "fields")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,0,0,0.1,abc,0.3\n", 2, 7, "not a number")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,0,0,0.1,1.5,0.3\n", 2, 7, "outside [0, 1]")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,0,0,0.1,-0.1,0.3\n", 2, 7, "outside [0, 1]")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,0,0,0.1,0.2,0.3\n2024,2,30,0,0,0.1,0.2,0.3\n", 3, 3, "impossible date")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,13,1,0,0,0.1,0.2,0.3\n", 2, 2, "impossible date")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,24,0,0.1,0.2,0.3\n", 2, 4, "hour")]
    [InlineData("year,month,day,hour,minute,A,B,C\n2024,1,1,0,0.5,0.1,0.2,0.3\n", 2, 5, "whole number")]
    [InlineData("year,month,day,hour,minute,A,C,B\n", 1, 7, "station 3")]
    [InlineData("year,month,day,hour,minute,A,X,C\n", 1, 7, "not in the station file")]
    [InlineData("year,month,day,hour,minute,A,A,C\n", 1, 7, "twice")]
    [InlineData("year,month,day,hour,minute,A,B\n", 1, 0, "header has 7 columns")]
    [InlineData("", 0, 0, "empty")]
    public void BadProbabilityTablesNameRowAndColumn(string text, int row, int column, string message)
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Stations(folder);
        var path = Write(folder, "P.csv", text);
        var error = Assert.Throws<InvalidTableException>(() => ProbabilityTableCsv.Read(path, stations));
        Assert.Equal(path, error.FilePath);
        Assert.Equal(row, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name,lat,lon\nA,38,142\nA,39,142\n", 3, 1, "already used on row 2")]
    [InlineData("name,lat,lon\nA,38,142\nB,91,142\n", 3, 2, "latitude")]
    [InlineData("name,lat,lon\nA,38,142\nB,38,-181\n", 3, 3, "longitude")]
    [InlineData("name,lat,lon\nA,38,142\nB,north,142\n", 3, 2, "not a number")]
    [InlineData("name,lat,lon\nA,38,142\nB,38\n", 3, 0, "2 fields, expected 3")]
    [InlineData("name,lat,lon\nA,38,142\n", 0, 0, "at least 2")]
    public void BadStationFilesNameRowAndColumn(string text, int row, int column, string message)
    {
        var path = Write(TestPaths.NewScratchFolder(), "Station_info.csv", text);
        var error = Assert.Throws<InvalidTableException>(() => StationNetworkCsv.Read(path));
        Assert.Equal(row, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CandidateAndCategorizedTablesRoundTrip()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Stations(folder);
        var minute = new DateTime(2024, 5, 6, 7, 8, 0, DateTimeKind.Utc);
        var groups = new[] { new StationGroup(minute, new[] { 2, 0 }, new[] { 0.75f, 0.6f }) };
        var path = Path.Combine(folder, "Tremor_candidate.csv");
        CandidateTableCsv.Write(path, stations, groups);
        Assert.Equal("year,month,day,hour,minute,A,B,C\n2024,5,6,7,8,0.6,0,0.75\n", File.ReadAllText(path));
        var read = CandidateTableCsv.Read(path, stations);
        Assert.Equal(new[] { 0, 2 }, read[0].Stations);
        Assert.Equal(new[] { 0.6f, 0.75f }, read[0].Probabilities);

        var categorizedPath = Path.Combine(folder, "Tremor_category.csv");
        CandidateTableCsv.WriteCategorized(categorizedPath, stations, new[] { new CategorizedGroup(read[0], TremorCategory.Possible) });
        Assert.EndsWith(",2\n", File.ReadAllText(categorizedPath), StringComparison.Ordinal);
        Assert.Equal(TremorCategory.Possible, CandidateTableCsv.ReadCategorized(categorizedPath, stations)[0].Category);
    }

    [Theory]
    [InlineData("year,month,day,hour,minute,A,B,C,category\n2024,1,1,0,0,0.6,0,0.7,3\n", 2, 9, "category 3")]
    [InlineData("year,month,day,hour,minute,A,B,C,category\n2024,1,1,0,0,0,0,0,1\n", 2, 0, "names no station")]
    public void BadCategorizedRowsAreRefused(string text, int row, int column, string message)
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Stations(folder);
        var error = Assert.Throws<InvalidTableException>(() => CandidateTableCsv.ReadCategorized(Write(folder, "X.csv", text), stations));
        Assert.Equal((row, column), (error.Row, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistanceMatrixRoundTripsAndChecksItsShape()
    {
        var folder = TestPaths.NewScratchFolder();
        var stations = Stations(folder);
        var distances = GraspAssociator.DistanceMatrix(stations);
        var path = Path.Combine(folder, "Stadis_array_original.csv");
        DistanceMatrixCsv.Write(path, distances);
        Assert.Equal(distances, DistanceMatrixCsv.Read(path, stations));
        var bad = Write(folder, "bad.csv", "0,1,2\n1,0,-3\n2,3,0\n");
        var error = Assert.Throws<InvalidTableException>(() => DistanceMatrixCsv.Read(bad, stations));
        Assert.Equal((2, 3), (error.Row, error.Column));
        var shortRow = Write(folder, "short.csv", "0,1,2\n1,0\n2,3,0\n");
        Assert.Equal(2, Assert.Throws<InvalidTableException>(() => DistanceMatrixCsv.Read(shortRow, stations)).Row);
    }
}
