using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Processing;

/// <summary>What <see cref="DayAssociation"/> wrote: counts, files, the days' manifests and warnings, and (for <c>run</c>) every table, group and episode.</summary>
internal sealed class AssociationOutcome
{
    private readonly List<ProbabilityTable>[]? _tables;

    public AssociationOutcome(bool collect)
    {
        if (collect)
        {
            _tables = new[] { new List<ProbabilityTable>(), new List<ProbabilityTable>(), new List<ProbabilityTable>() };
            EarthquakeGroups = new List<StationGroup>();
            TremorGroups = new List<StationGroup>();
            Categorized = new List<CategorizedGroup>();
            Episodes = new List<TremorEpisode>();
        }
    }

    public List<StationGroup>? EarthquakeGroups { get; }

    public List<StationGroup>? TremorGroups { get; }

    public List<CategorizedGroup>? Categorized { get; }

    public List<TremorEpisode>? Episodes { get; }

    public List<(string Date, DayManifest Manifest, string Sha256)> Days { get; } = new();

    public List<RunWarning> Warnings { get; } = new();

    public IReadOnlyList<string> Files { get; set; } = Array.Empty<string>();

    public int EarthquakeGroupCount { get; private set; }

    public int TremorGroupCount { get; private set; }

    public int EpisodeCount { get; private set; }

    public long CompleteStationMinutes { get; private set; }

    public long EmptyStationMinutes { get; private set; }

    public void AddDay(DayResult day, IReadOnlyList<StationGroup> earthquakeGroups, IReadOnlyList<StationGroup> tremorGroups, (string Date, DayManifest Manifest, string Sha256) manifest)
    {
        Days.Add(manifest);
        Warnings.AddRange(day.Warnings);
        EarthquakeGroupCount += earthquakeGroups.Count;
        TremorGroupCount += tremorGroups.Count;
        var empty = day.Earthquake.CountEmpty();
        EmptyStationMinutes += empty;
        CompleteStationMinutes += ((long)day.Earthquake.MinuteCount * day.Earthquake.StationCount) - empty;
        if (_tables is not null)
        {
            _tables[0].Add(day.Earthquake);
            _tables[1].Add(day.Tremor);
            _tables[2].Add(day.Noise);
            EarthquakeGroups!.AddRange(earthquakeGroups);
            TremorGroups!.AddRange(tremorGroups);
        }
    }

    public void AddEpisode(TremorEpisode episode)
    {
        EpisodeCount++;
        Episodes?.Add(episode);
    }

    /// <summary>The collected days of one class (0 earthquake, 1 tremor, 2 noise) as one table.</summary>
    public ProbabilityTable Table(int k, int stationCount) => ProbabilityTable.Concatenate(stationCount, _tables![k]);
}
