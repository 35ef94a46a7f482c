using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

public sealed class TremorCatalogueTests
{
    private static readonly DateTime T0 = new(2016, 4, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly StationNetwork Stations = new(
        new[] { "A", "B", "C", "D", "E", "F" },
        new[] { 38.0, 38.0, 38.2, 39.0, 39.0, 39.2 },
        new[] { 142.0, 142.2, 142.0, 143.0, 143.2, 143.0 });

    private static CategorizedGroup Group(int minute, int[] stations, float[] probabilities, TremorCategory category = TremorCategory.Probable) =>
        new(new StationGroup(T0.AddMinutes(minute), stations, probabilities), category);

    [Fact]
    public void Consecutive_minutes_sharing_a_station_merge_with_weighted_centroid_and_peak()
    {
        var episodes = TremorCatalogue.Build(Stations, new[]
        {
            Group(1, new[] { 1, 2 }, new[] { 0.6f, 0.9f }),
            Group(0, new[] { 0, 1 }, new[] { 0.5f, 1.0f }),
        });
        var episode = Assert.Single(episodes);
        Assert.Equal(T0, episode.Start);
        Assert.Equal(T0.AddMinutes(2), episode.End);
        Assert.Equal(2, episode.MinuteCount);
        Assert.Equal(new[] { 0, 1, 2 }, episode.Stations);
        Assert.Equal(1.0f, episode.PeakProbability);
        // Weights 0.5 (A), 1.0 + 0.6 (B), 0.9 (C): lat (0.5*38 + 1.6*38 + 0.9*38.2) / 3.0, lon (0.5*142 + 1.6*142.2 + 0.9*142) / 3.0.
        Assert.Equal(((2.1 * 38.0) + (0.9 * 38.2)) / 3.0, episode.Latitude, 5);
        Assert.Equal(((1.4 * 142.0) + (1.6 * 142.2)) / 3.0, episode.Longitude, 5);
    }

    [Fact]
    public void Disjoint_stations_or_a_gap_minute_make_separate_episodes()
    {
        var groups = new[]
        {
            Group(0, new[] { 0, 1, 2 }, new[] { 1f, 1f, 1f }),
            Group(1, new[] { 3, 4, 5 }, new[] { 1f, 1f, 1f }),
            Group(2, new[] { 0, 1, 2 }, new[] { 1f, 1f, 1f }),
        };
        var episodes = TremorCatalogue.Build(Stations, groups);
        Assert.Equal(new[] { T0, T0.AddMinutes(1), T0.AddMinutes(2) }, episodes.Select(e => e.Start));

        var bridged = TremorCatalogue.Build(Stations, groups, maxGapMinutes: 1);
        Assert.Equal(2, bridged.Count);
        Assert.Equal(T0, bridged[0].Start);
        Assert.Equal(T0.AddMinutes(3), bridged[0].End);
        Assert.Equal(2, bridged[0].MinuteCount);
    }

    [Fact]
    public void An_episode_is_probable_when_any_minute_is_probable()
    {
        var mixed = TremorCatalogue.Build(Stations, new[]
        {
            Group(0, new[] { 0, 1, 2 }, new[] { 1f, 1f, 1f }, TremorCategory.Possible),
            Group(1, new[] { 0, 1, 2 }, new[] { 1f, 1f, 1f }, TremorCategory.Probable),
        });
        Assert.Equal(TremorCategory.Probable, Assert.Single(mixed).Category);
        var possible = TremorCatalogue.Build(Stations, new[] { Group(0, new[] { 3, 4, 5 }, new[] { 1f, 1f, 1f }, TremorCategory.Possible) });
        Assert.Equal(TremorCategory.Possible, Assert.Single(possible).Category);
    }

    [Fact]
    public void Two_groups_of_one_minute_stay_apart_unless_a_neighbouring_minute_links_them()
    {
        var apart = TremorCatalogue.Build(Stations, new[]
        {
            Group(0, new[] { 0, 1 }, new[] { 1f, 1f }),
            Group(0, new[] { 2 }, new[] { 1f }),
        });
        Assert.Equal(2, apart.Count);
        var linked = TremorCatalogue.Build(Stations, new[]
        {
            Group(0, new[] { 0, 1 }, new[] { 1f, 1f }),
            Group(0, new[] { 2 }, new[] { 1f }),
            Group(1, new[] { 1, 2 }, new[] { 1f, 1f }),
        });
        Assert.Equal(new[] { 0, 1, 2 }, Assert.Single(linked).Stations);
    }

    [Fact]
    public void Write_then_read_gives_the_same_episodes_and_bad_files_name_row_and_column()
    {
        var folder = TestPaths.NewScratchFolder();
        var path = Path.Combine(folder, "cat.csv");
        var episodes = TremorCatalogue.Build(Stations, new[]
        {
            Group(0, new[] { 0, 1, 2 }, new[] { 0.7f, 0.8f, 0.95f }),
            Group(5, new[] { 3, 4, 5 }, new[] { 0.6f, 0.6f, 0.6f }, TremorCategory.Possible),
        });
        TremorCatalogue.Write(path, Stations, episodes);
        var lines = File.ReadAllLines(path);
        Assert.Equal(TremorCatalogue.Header, lines[0]);
        Assert.StartsWith("2016-04-01T10:00:00Z,2016-04-01T10:01:00Z,1,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0.95,1,3,A;B;C", lines[1], StringComparison.Ordinal);
        var read = TremorCatalogue.Read(path, Stations);
        Assert.Equal(episodes.Select(e => (e.Start, e.End, e.Latitude, e.Longitude, e.PeakProbability, e.Category, string.Join(",", e.Stations))),
            read.Select(e => (e.Start, e.End, e.Latitude, e.Longitude, e.PeakProbability, e.Category, string.Join(",", e.Stations))));

        File.WriteAllLines(path, new[] { lines[0], lines[1].Replace("A;B;C", "A;Q;C", StringComparison.Ordinal) });
        var error = Assert.Throws<InvalidTableException>(() => TremorCatalogue.Read(path, Stations));
        Assert.Equal(2, error.Row);
        Assert.Equal(9, error.Column);
    }

    [Fact]
    public void Episodes_reject_impossible_values()
    {
        Assert.Throws<InvalidParameterException>(() => new TremorEpisode(T0, T0, 1, new[] { 0 }, 38, 142, 0.9f, TremorCategory.Probable));
        Assert.Throws<InvalidParameterException>(() => new TremorEpisode(T0, T0.AddMinutes(2), 3, new[] { 0 }, 38, 142, 0.9f, TremorCategory.Probable));
        Assert.Throws<InvalidParameterException>(() => new TremorEpisode(T0, T0.AddMinutes(1), 1, Array.Empty<int>(), 38, 142, 0.9f, TremorCategory.Probable));
        Assert.Throws<InvalidParameterException>(() => new TremorEpisode(T0, T0.AddMinutes(1), 1, new[] { 0 }, 38, 142, 1.5f, TremorCategory.Probable));
        Assert.Throws<InvalidParameterException>(() => TremorCatalogue.Build(Stations, Array.Empty<CategorizedGroup>(), maxGapMinutes: -1));
        Assert.Throws<InvalidParameterException>(() => TremorCatalogue.Build(Stations, new[] { Group(0, new[] { 7 }, new[] { 1f }) }));
    }
}
