using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// A seeded, deterministic simulator of DiET probability tables on a real station geometry, for testing
/// and tuning GrASP: tremor sources of various sizes, two simultaneous sources joined by a thin chain,
/// local earthquakes (with a tremor-like coda), network-wide teleseisms, isolated false detections and
/// missing minutes. It simulates the classifier's output, not waveforms.
/// </summary>
public static class ProbabilityScenario
{
    /// <summary>Simulates tremor and earthquake probability tables.</summary>
    /// <param name="stations">The network (e.g. S-net's Station_info.csv).</param>
    /// <param name="options">What to inject; null for the defaults (one day with a bit of everything).</param>
    /// <exception cref="InvalidParameterException">An option is out of range (a negative count, a rate outside [0, 1], radii not positive or reversed, a start that is not a whole minute).</exception>
    public static SimulatedProbabilities Simulate(StationNetwork stations, ScenarioOptions? options = null)
    {
        options ??= new ScenarioOptions();
        Validate(options);
        var n = stations.Count;
        var distances = GraspAssociator.DistanceMatrix(stations);
        var graph = GraspAssociator.KnnGraph(distances);
        var random = new Random(options.Seed);
        var tremor = new float[options.Minutes * n];
        var earthquake = new float[options.Minutes * n];
        for (var i = 0; i < tremor.Length; i++)
        {
            tremor[i] = Background(random);
            earthquake[i] = Background(random);
        }
        var events = new List<ScenarioEvent>();

        for (var e = 0; e < options.TremorEpisodes; e++)
        {
            var radius = Uniform(random, options.MinTremorRadiusKm, options.MaxTremorRadiusKm);
            var (centre, footprint) = CentreWithFootprint(distances, random, radius);
            var duration = random.Next(5, 41);
            var start = random.Next(Math.Max(1, options.Minutes - duration));
            Paint(tremor, n, options.Minutes, start, duration, footprint, random, 0.9);
            events.Add(new ScenarioEvent(ScenarioEventKind.Tremor, options.Start.AddMinutes(start), duration, footprint, new[] { centre }, radius));
        }
        for (var e = 0; e < options.ChainedTremorEpisodes; e++)
        {
            var radius = Uniform(random, options.MinTremorRadiusKm, options.MaxTremorRadiusKm);
            var (a, b) = DistantPair(distances, random, 4 * radius, 8 * radius);
            var footprint = ChainedSources(distances, graph, a, b, radius);
            var duration = random.Next(5, 31);
            var start = random.Next(Math.Max(1, options.Minutes - duration));
            Paint(tremor, n, options.Minutes, start, duration, footprint, random, 1.0);
            events.Add(new ScenarioEvent(ScenarioEventKind.ChainedTremor, options.Start.AddMinutes(start), duration, footprint, new[] { a, b }, radius));
        }
        for (var e = 0; e < options.LocalEarthquakes; e++)
        {
            var radius = Uniform(random, 60, 150);
            var centre = random.Next(n);
            var footprint = CompactSource(distances, centre, radius);
            var start = random.Next(options.Minutes);
            Paint(earthquake, n, options.Minutes, start, 1, footprint, random, 0.95);
            // The coda of a local event, classified as tremor, the following minute near the epicentre.
            Paint(tremor, n, options.Minutes, start + 1, 1, CompactSource(distances, centre, radius * 0.6), random, 0.8);
            events.Add(new ScenarioEvent(ScenarioEventKind.LocalEarthquake, options.Start.AddMinutes(start), 2, footprint, new[] { centre }, radius));
        }
        for (var e = 0; e < options.Teleseisms; e++)
        {
            var all = Enumerable.Range(0, n).ToArray();
            var duration = random.Next(2, 6);
            var start = random.Next(Math.Max(1, options.Minutes - duration));
            Paint(earthquake, n, options.Minutes, start, 1, all, random, 0.9);
            Paint(tremor, n, options.Minutes, start, duration, all, random, 0.9);
            events.Add(new ScenarioEvent(ScenarioEventKind.Teleseism, options.Start.AddMinutes(start), duration, all, Array.Empty<int>(), 0));
        }
        for (var i = 0; i < tremor.Length; i++)
        {
            if (random.NextDouble() < options.FalseDetectionRate)
            {
                tremor[i] = Math.Max(tremor[i], (float)Uniform(random, 0.5, 0.95));
            }
            if (random.NextDouble() < options.FalseDetectionRate)
            {
                earthquake[i] = Math.Max(earthquake[i], (float)Uniform(random, 0.5, 0.95));
            }
            if (random.NextDouble() < options.MissingRate)
            {
                tremor[i] = float.NaN;
                earthquake[i] = float.NaN;
            }
        }
        var minutes = Enumerable.Range(0, options.Minutes).Select(m => options.Start.AddMinutes(m)).ToArray();
        return new SimulatedProbabilities(
            new ProbabilityTable(n, minutes, tremor),
            new ProbabilityTable(n, minutes, earthquake),
            events.OrderBy(e => e.Start).ToArray());
    }

    private static void Validate(ScenarioOptions options)
    {
        if (options.Minutes < 1)
        {
            throw new InvalidParameterException(nameof(options.Minutes), $"{options.Minutes}; expected at least 1 minute");
        }
        if (options.Start.Ticks % TimeSpan.TicksPerMinute != 0 || options.Start > DateTime.MaxValue.AddMinutes(-options.Minutes))
        {
            throw new InvalidParameterException(nameof(options.Start), $"{options.Start:o}; expected a whole minute with {options.Minutes} minutes after it before the year 10000");
        }
        SyntheticChecks.NonNegative(nameof(options.TremorEpisodes), options.TremorEpisodes);
        SyntheticChecks.NonNegative(nameof(options.ChainedTremorEpisodes), options.ChainedTremorEpisodes);
        SyntheticChecks.NonNegative(nameof(options.LocalEarthquakes), options.LocalEarthquakes);
        SyntheticChecks.NonNegative(nameof(options.Teleseisms), options.Teleseisms);
        SyntheticChecks.Fraction(nameof(options.FalseDetectionRate), options.FalseDetectionRate);
        SyntheticChecks.Fraction(nameof(options.MissingRate), options.MissingRate);
        SyntheticChecks.Positive(nameof(options.MinTremorRadiusKm), options.MinTremorRadiusKm);
        SyntheticChecks.Positive(nameof(options.MaxTremorRadiusKm), options.MaxTremorRadiusKm);
        if (options.MaxTremorRadiusKm < options.MinTremorRadiusKm)
        {
            throw new InvalidParameterException(nameof(options.MaxTremorRadiusKm), $"{options.MaxTremorRadiusKm} km is below MinTremorRadiusKm ({options.MinTremorRadiusKm} km)");
        }
    }

    /// <summary>
    /// One minute of tremor probabilities: background noise and 0.3 % isolated false detections everywhere,
    /// and each station of <paramref name="footprint"/> detecting (p in [0.55, 0.99]) with
    /// <paramref name="detectionChance"/>. The building block of the scenario trials in docs/GRASP-DEFAULTS.md.
    /// </summary>
    /// <param name="stationCount">Number of stations.</param>
    /// <param name="footprint">Stations carrying the signal.</param>
    /// <param name="detectionChance">Chance that a footprint station detects, in [0, 1].</param>
    /// <param name="random">The random source (seed it for repeatable trials).</param>
    /// <exception cref="InvalidParameterException">No station, a footprint station outside 0..stationCount-1, or a chance outside [0, 1].</exception>
    public static ProbabilityTable SingleMinute(int stationCount, IReadOnlyList<int> footprint, double detectionChance, Random random)
    {
        if (stationCount < 1)
        {
            throw new InvalidParameterException(nameof(stationCount), $"{stationCount}; expected at least 1 station");
        }
        foreach (var s in footprint)
        {
            CheckStation(nameof(footprint), s, stationCount);
        }
        SyntheticChecks.Fraction(nameof(detectionChance), detectionChance);
        var values = new float[stationCount];
        for (var s = 0; s < stationCount; s++)
        {
            values[s] = Background(random);
            if (random.NextDouble() < 0.003)
            {
                values[s] = (float)Uniform(random, 0.5, 0.95);
            }
        }
        foreach (var s in footprint)
        {
            if (random.NextDouble() < detectionChance)
            {
                values[s] = (float)Uniform(random, 0.55, 0.99);
            }
        }
        return new ProbabilityTable(stationCount, new[] { new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc) }, values);
    }

    /// <summary>The footprint of a compact source: the stations within <paramref name="radiusKm"/> of a centre station.</summary>
    /// <param name="distances">The network's distance matrix, km.</param>
    /// <param name="centre">The centre station.</param>
    /// <param name="radiusKm">The radius, km.</param>
    /// <exception cref="InvalidParameterException">The centre is not a station of the matrix.</exception>
    public static int[] CompactSource(double[,] distances, int centre, double radiusKm)
    {
        CheckStation(nameof(centre), centre, distances.GetLength(0));
        return Enumerable.Range(0, distances.GetLength(0)).Where(s => distances[centre, s] <= radiusKm).ToArray();
    }

    /// <summary>
    /// Two compact sources of the same radius around stations <paramref name="a"/> and <paramref name="b"/>,
    /// joined by the stations of the shortest kNN-graph path between them (a chain one station wide).
    /// </summary>
    /// <param name="distances">The network's distance matrix, km.</param>
    /// <param name="graph">The kNN graph.</param>
    /// <param name="a">Centre station of the first source.</param>
    /// <param name="b">Centre station of the second source.</param>
    /// <param name="radiusKm">The radius of both sources, km.</param>
    /// <exception cref="InvalidParameterException">A centre is not a station, or the graph and the matrix differ in size.</exception>
    public static int[] ChainedSources(double[,] distances, StationGraph graph, int a, int b, double radiusKm)
    {
        if (graph.Count != distances.GetLength(0))
        {
            throw new InvalidParameterException(nameof(graph), $"{graph.Count} stations, the distance matrix {distances.GetLength(0)}");
        }
        CheckStation(nameof(b), b, graph.Count);
        var footprint = new SortedSet<int>(CompactSource(distances, a, radiusKm).Concat(CompactSource(distances, b, radiusKm)));
        foreach (var s in ShortestPath(distances, graph, a, b))
        {
            footprint.Add(s);
        }
        return footprint.ToArray();
    }

    private static void CheckStation(string name, int station, int count)
    {
        if (station < 0 || station >= count)
        {
            throw new InvalidParameterException(name, $"station {station}; expected 0..{count - 1}");
        }
    }

    /// <summary>A random centre whose footprint holds at least 3 stations (a source GrASP could see), when one exists.</summary>
    private static (int Centre, int[] Footprint) CentreWithFootprint(double[,] distances, Random random, double radiusKm)
    {
        var n = distances.GetLength(0);
        var centre = random.Next(n);
        var footprint = CompactSource(distances, centre, radiusKm);
        for (var attempt = 0; attempt < 100 && footprint.Length < 3; attempt++)
        {
            centre = random.Next(n);
            footprint = CompactSource(distances, centre, radiusKm);
        }
        return (centre, footprint);
    }

    private static IEnumerable<int> ShortestPath(double[,] distances, StationGraph graph, int from, int to)
    {
        var n = graph.Count;
        var best = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var previous = Enumerable.Repeat(-1, n).ToArray();
        var done = new bool[n];
        best[from] = 0;
        for (var step = 0; step < n; step++)
        {
            var u = -1;
            for (var s = 0; s < n; s++)
            {
                if (!done[s] && (u < 0 || best[s] < best[u]))
                {
                    u = s;
                }
            }
            if (u < 0 || double.IsPositiveInfinity(best[u]) || u == to)
            {
                break;
            }
            done[u] = true;
            foreach (var v in graph.NeighbourArray(u))
            {
                var candidate = best[u] + distances[u, v];
                if (candidate < best[v])
                {
                    best[v] = candidate;
                    previous[v] = u;
                }
            }
        }
        for (var s = to; s >= 0; s = previous[s])
        {
            yield return s;
        }
    }

    private static (int A, int B) DistantPair(double[,] distances, Random random, double minKm, double maxKm)
    {
        var n = distances.GetLength(0);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            int a = random.Next(n), b = random.Next(n);
            if (distances[a, b] >= minKm && distances[a, b] <= maxKm)
            {
                return (a, b);
            }
        }
        var first = random.Next(n);
        var farthest = Enumerable.Range(0, n).OrderByDescending(s => distances[first, s]).First();
        return (first, farthest);
    }

    private static void Paint(float[] table, int n, int minutes, int start, int duration, int[] stations, Random random, double detectionChance)
    {
        for (var m = start; m < Math.Min(minutes, start + duration); m++)
        {
            foreach (var s in stations)
            {
                if (random.NextDouble() < detectionChance)
                {
                    table[m * n + s] = Math.Max(table[m * n + s], (float)Uniform(random, 0.55, 0.99));
                }
            }
        }
    }

    private static float Background(Random random)
    {
        var u = random.NextDouble();
        return (float)(0.01 + 0.35 * u * u * u);
    }

    private static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();
}
