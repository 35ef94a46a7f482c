using System.Globalization;
using Parquet;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Tests.Processing;
using Xunit;

namespace Seismic.DietGrasp.Tests.IO;

/// <summary>Issue 16's tidy outputs: per-day long-form Parquet read back bit for bit, the episodes and the assignments tables.</summary>
public sealed class TidyOutputTests
{
    /// <summary>Reads a probabilities Parquet file with Parquet.Net's own reader (not ours: we have none).</summary>
    private static (DateTime[] Times, string[] Stations, float?[][] Values, string[] Columns) ReadParquet(Stream stream) =>
        Task.Run(async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(stream);
            Assert.Equal(1, reader.RowGroupCount);
            var fields = reader.Schema.GetDataFields();
            using var group = reader.OpenRowGroupReader(0);
            var rows = (int)group.RowCount;
            var times = new DateTime[rows];
            var stations = new string?[rows];
            await group.ReadAsync<DateTime>(fields[0], times);
            await group.ReadAsync(fields[1], stations.AsMemory());
            var values = new float?[3][];
            for (var c = 0; c < 3; c++)
            {
                values[c] = new float?[rows];
                await group.ReadAsync<float>(fields[2 + c], values[c].AsMemory());
            }
            return (times, stations.Select(s => s!).ToArray(), values, fields.Select(f => f.Name).ToArray());
        }).GetAwaiter().GetResult();

    private static void AssertSameCells(StationNetwork stations, ProbabilityTable[] tables, (DateTime[] Times, string[] Stations, float?[][] Values, string[] Columns) read)
    {
        Assert.Equal(new[] { "time", "station", "earthquake", "tremor", "noise" }, read.Columns);
        Assert.Equal(tables[0].MinuteCount * stations.Count, read.Times.Length);
        for (var r = 0; r < tables[0].MinuteCount; r++)
        {
            for (var s = 0; s < stations.Count; s++)
            {
                var i = (r * stations.Count) + s;
                Assert.Equal(tables[0].Minutes[r], read.Times[i]);
                Assert.Equal(DateTimeKind.Utc, read.Times[i].Kind);
                Assert.Equal(stations.Names[s], read.Stations[i]);
                for (var c = 0; c < 3; c++)
                {
                    var expected = tables[c][r, s];
                    if (float.IsNaN(expected))
                    {
                        Assert.Null(read.Values[c][i]);
                    }
                    else
                    {
                        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(read.Values[c][i]!.Value));
                    }
                }
            }
        }
    }

    [Fact]
    public void Parquet_probabilities_read_back_bit_for_bit()
    {
        var stations = new StationNetwork(new[] { "N.S1N01", "S2", "SN.S12" }, new[] { 38.0, 38.1, 38.2 }, new[] { 142.0, 142.1, 142.2 });
        var minutes = Enumerable.Range(0, 1440).Select(m => new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(m)).ToArray();
        var random = new Random(16);
        var tables = Enumerable.Range(0, 3).Select(c => new ProbabilityTable(3, minutes, Enumerable.Range(0, minutes.Length * 3).Select(i =>
            i % 97 == 0 ? float.NaN : i % 101 == 0 ? 0f : i % 103 == 0 ? 1f : i % 107 == 0 ? float.Epsilon : (float)random.NextDouble()).ToArray())).ToArray();
        using var stream = new MemoryStream();
        ProbabilityParquet.Write(stream, stations, tables[0], tables[1], tables[2]);
        stream.Position = 0;
        AssertSameCells(stations, tables, ReadParquet(stream));
    }

    [Fact]
    public void A_run_writes_each_days_Parquet_and_the_tidy_catalogue()
    {
        var (folder, result, _) = ContinuousProcessingTests.Reference.Value;
        var layout = new RunLayout(folder);
        var read = new List<(DateTime[] Times, string[] Stations, float?[][] Values, string[] Columns)>();
        var offset = 0;
        foreach (var day in new[] { RunScenario.Start, RunScenario.Start.AddDays(1) })
        {
            using var stream = File.OpenRead(Path.Combine(layout.DayDirectory(day), RunLayout.DayProbabilityParquetFile));
            var dayRead = ReadParquet(stream);
            var rows = dayRead.Times.Length / result.Stations.Count;
            var slice = new[] { result.Earthquake, result.Tremor, result.Noise }
                .Select(t => new ProbabilityTable(t.StationCount, t.Minutes.Skip(offset).Take(rows).ToArray(),
                    Enumerable.Range(offset, rows).SelectMany(r => Enumerable.Range(0, t.StationCount).Select(s => t[r, s])).ToArray()))
                .ToArray();
            AssertSameCells(result.Stations, slice, dayRead);
            offset += rows;
        }
        Assert.Equal(result.Earthquake.MinuteCount, offset);

        // Episodes: one row each, id = catalogue row, ISO times, duration, spread and category as words.
        var episodes = File.ReadAllLines(layout.PathOf(RunLayout.TremorEpisodesFile));
        Assert.Equal(TidyCatalogue.EpisodesHeader, episodes[0]);
        Assert.Equal(result.Catalogue.Count + 1, episodes.Length);
        Assert.NotEmpty(result.Catalogue);
        var positions = GraspAssociator.Project(result.Stations, GraspParameters.Default.Epsg);
        for (var i = 0; i < result.Catalogue.Count; i++)
        {
            var e = result.Catalogue[i];
            var row = episodes[i + 1].Split(',');
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(e.Start.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(e.End.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(e.Duration.TotalSeconds, double.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(string.Join(";", e.Stations.Select(s => result.Stations.Names[s])), row[6]);
            Assert.Equal(GraspAssociator.GraphStd(e.Stations, positions), double.Parse(row[9], CultureInfo.InvariantCulture));
            Assert.Equal(e.Category.ToString().ToLowerInvariant(), row[11]);
        }
        // Assignments: every station-minute of every categorised tremor group belongs to exactly one episode.
        var assignments = File.ReadAllLines(layout.PathOf(RunLayout.TremorAssignmentsFile));
        Assert.Equal(TidyCatalogue.AssignmentsHeader, assignments[0]);
        Assert.Equal(result.CategorizedTremor.Sum(g => g.Group.Count), assignments.Length - 1);
        var byEpisode = assignments.Skip(1).Select(line => line.Split(',')).GroupBy(f => int.Parse(f[0], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < result.Catalogue.Count; i++)
        {
            var e = result.Catalogue[i];
            var rows = byEpisode[i + 1];
            Assert.Equal(e.Stations.Select(s => result.Stations.Names[s]).OrderBy(n => n, StringComparer.Ordinal), rows.Select(f => f[2]).Distinct().OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(e.MinuteCount, rows.Select(f => f[1]).Distinct().Count());
            Assert.All(rows, f => Assert.InRange(DateTime.Parse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), e.Start, e.End.AddTicks(-1)));
        }
    }
}
