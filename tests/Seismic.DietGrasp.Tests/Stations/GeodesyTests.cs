using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Stations;

public class GeodesyTests
{
    private static IEnumerable<double[]> ReadNumbers(string file) =>
        File.ReadAllLines(TestPaths.TestData("Grasp", file)).Skip(1)
            .Select(line => line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray());

    public static TheoryData<double, double, double, double, double> PyprojDistances()
    {
        var data = new TheoryData<double, double, double, double, double>();
        foreach (var r in ReadNumbers("distances.csv"))
        {
            data.Add(r[0], r[1], r[2], r[3], r[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PyprojDistances))]
    public void DistanceMatchesPyprojWithinAMillimetre(double lat1, double lon1, double lat2, double lon2, double metres)
    {
        var km = GraspAssociator.GeodesicDistanceKm(lat1, lon1, lat2, lon2);
        Assert.InRange(km * 1000 - metres, -1e-3, 1e-3);
        var reverse = GraspAssociator.GeodesicDistanceKm(lat2, lon2, lat1, lon1);
        Assert.InRange(reverse * 1000 - metres, -1e-3, 1e-3);
    }

    [Fact]
    public void SnetDistanceMatrixMatchesPyprojWithinAMillimetre()
    {
        var stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
        var expected = DistanceMatrixCsv.Read(TestPaths.TestData("Grasp", "Stadis_array_original.csv"), stations);
        var actual = GraspAssociator.DistanceMatrix(stations);
        var worst = 0.0;
        for (var i = 0; i < stations.Count; i++)
        {
            for (var j = 0; j < stations.Count; j++)
            {
                worst = Math.Max(worst, Math.Abs(actual[i, j] - expected[i, j]) * 1e6);
            }
        }
        Assert.True(worst < 1.0, $"worst difference {worst} mm");
        Assert.Equal(0.0, actual[7, 7]);
    }

    public static TheoryData<int, double, double, double, double> PyprojProjections()
    {
        var data = new TheoryData<int, double, double, double, double>();
        foreach (var r in ReadNumbers("projections.csv"))
        {
            data.Add((int)r[0], r[1], r[2], r[3], r[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PyprojProjections))]
    public void UtmProjectionMatchesPyprojWithinACentimetre(int epsg, double lat, double lon, double x, double y)
    {
        var stations = new StationNetwork(new[] { "A", "B" }, new[] { lat, lat }, new[] { lon, lon });
        var position = GraspAssociator.Project(stations, epsg)[0];
        Assert.InRange(position.X - x, -0.01, 0.01);
        Assert.InRange(position.Y - y, -0.01, 0.01);
    }

    [Fact]
    public void SnetCentroidIsInZone54North()
    {
        var stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
        Assert.Equal(32654, GraspAssociator.CentroidUtmEpsg(stations));
    }

    [Theory]
    [InlineData(-33.9, 151.2, 32756)]
    [InlineData(51.5, -0.1, 32630)]
    [InlineData(-14.3, -170.7, 32702)]
    public void CentroidZoneFollowsHemisphereAndLongitude(double lat, double lon, int epsg)
    {
        var stations = new StationNetwork(new[] { "A", "B" }, new[] { lat, lat + 0.01 }, new[] { lon, lon });
        Assert.Equal(epsg, GraspAssociator.CentroidUtmEpsg(stations));
    }

    [Theory]
    [InlineData(4326)]
    [InlineData(32600)]
    [InlineData(32661)]
    [InlineData(3857)]
    public void UnsupportedEpsgIsRefused(int epsg)
    {
        var stations = new StationNetwork(new[] { "A", "B" }, new[] { 1.0, 2.0 }, new[] { 1.0, 2.0 });
        var error = Assert.Throws<InvalidParameterException>(() => GraspAssociator.Project(stations, epsg));
        Assert.Equal("EPSG_proj", error.ParameterName);
        Assert.Throws<InvalidParameterException>(() => GraspParameters.Default with { Epsg = epsg });
    }
}
