using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// GrASP, the Graph-based Associator with Signal Probability (METHOD.md 4): station distances, the kNN
/// graph, projection, Apply_Nocut, Apply_Tremor, Apply_Categorization, and the Graph std calibration.
/// </summary>
public static class GraspAssociator
{
    /// <summary>
    /// Make_Stadis_array: WGS84 geodesic distances in km between every pair of stations (Karney's
    /// inverse solution, as pyproj's <c>Geod(ellps='WGS84').inv</c>). Symmetric, zero diagonal.
    /// </summary>
    /// <param name="stations">The network.</param>
    /// <returns>A fresh N x N matrix in km.</returns>
    public static double[,] DistanceMatrix(StationNetwork stations)
    {
        Guard.NotNull(stations, nameof(stations));
        var n = stations.Count;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var km = GeodesicDistanceKm(stations.Latitudes[i], stations.Longitudes[i], stations.Latitudes[j], stations.Longitudes[j]);
                distances[i, j] = km;
                distances[j, i] = km;
            }
        }
        return distances;
    }

    /// <summary>The WGS84 geodesic distance in km between two points given in degrees.</summary>
    /// <param name="latitude1">Latitude of the first point, degrees in [-90, 90].</param>
    /// <param name="longitude1">Longitude of the first point, degrees.</param>
    /// <param name="latitude2">Latitude of the second point, degrees in [-90, 90].</param>
    /// <param name="longitude2">Longitude of the second point, degrees.</param>
    /// <exception cref="InvalidParameterException">A latitude is outside [-90, 90] or a coordinate is not finite.</exception>
    public static double GeodesicDistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        if (!(latitude1 is >= -90 and <= 90) || !(latitude2 is >= -90 and <= 90) || double.IsNaN(longitude1) || double.IsInfinity(longitude1) || double.IsNaN(longitude2) || double.IsInfinity(longitude2))
        {
            throw new InvalidParameterException("coordinates", $"({latitude1}, {longitude1}) to ({latitude2}, {longitude2}): latitudes must lie in [-90, 90] and longitudes be finite");
        }
        return Wgs84Geodesic.Distance(latitude1, longitude1, latitude2, longitude2) / 1000;
    }

    /// <summary>The default k for N stations: round(sqrt(N)), kept within 1..N-1.</summary>
    /// <param name="stationCount">N, at least 2.</param>
    public static int DefaultK(int stationCount) =>
        stationCount < 2 ? throw new ArgumentOutOfRangeException(nameof(stationCount), stationCount, "a kNN graph needs at least 2 stations") : Math.Max(1, Math.Min(stationCount - 1, (int)Math.Round(Math.Sqrt(stationCount), MidpointRounding.ToEven)));

    /// <summary>
    /// kNN_graph: A[i, j] = 1 when j is among the k nearest stations of i (itself excluded) or i among
    /// the k nearest of j; equal distances go to the lower station index; diagonal 0.
    /// </summary>
    /// <param name="distances">The N x N distance matrix (km or any unit).</param>
    /// <param name="k">Neighbours per station, 1..N-1; null for round(sqrt(N)).</param>
    /// <exception cref="InvalidParameterException">The matrix is not square, has a NaN, or k is out of range.</exception>
    public static StationGraph KnnGraph(double[,] distances, int? k = null)
    {
        Guard.NotNull(distances, nameof(distances));
        var n = distances.GetLength(0);
        if (n != distances.GetLength(1) || n < 2)
        {
            throw new InvalidParameterException("distances", $"{distances.GetLength(0)} x {distances.GetLength(1)}; expected a square matrix of at least 2 stations");
        }
        var kk = k ?? DefaultK(n);
        if (kk < 1 || kk > n - 1)
        {
            throw new InvalidParameterException("k", $"{kk}; expected 1..{n - 1} for {n} stations");
        }
        var adjacent = new bool[n * n];
        var others = new int[n - 1];
        var keys = new double[n - 1];
        for (var i = 0; i < n; i++)
        {
            var c = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }
                var d = distances[i, j];
                if (double.IsNaN(d))
                {
                    throw new InvalidParameterException("distances", $"entry [{i}, {j}] is NaN");
                }
                others[c] = j;
                keys[c++] = d;
            }
            // Stable order by distance; others is ascending, so ties keep the lower index first.
            var order = Enumerable.Range(0, n - 1).OrderBy(x => keys[x]).ThenBy(x => others[x]).Take(kk);
            foreach (var x in order)
            {
                var j = others[x];
                adjacent[i * n + j] = true;
                adjacent[j * n + i] = true;
            }
        }
        return new StationGraph(n, kk, adjacent);
    }

    /// <summary>The kNN graph of a network straight from its coordinates (geodesic distances).</summary>
    /// <param name="stations">The network.</param>
    /// <param name="k">Neighbours per station, 1..N-1; null for round(sqrt(N)).</param>
    public static StationGraph KnnGraph(StationNetwork stations, int? k = null) => KnnGraph(DistanceMatrix(Guard.NotNull(stations, nameof(stations))), k);

    /// <summary>Station (lat, lon) to (x, y) metres in a WGS84 UTM zone.</summary>
    /// <param name="stations">The network.</param>
    /// <param name="epsg">EPSG code 32601-32660 or 32701-32760; null for the zone of the stations' centroid.</param>
    /// <exception cref="InvalidParameterException">The EPSG code is not supported, or a station lies more than 45 degrees of longitude from the zone's central meridian.</exception>
    public static IReadOnlyList<PlanarPosition> Project(StationNetwork stations, int? epsg = null) =>
        StationProjection.Project(Guard.NotNull(stations, nameof(stations)), epsg ?? StationProjection.CentroidEpsg(stations));

    /// <summary>The EPSG code of the WGS84 UTM zone of the stations' centroid (the default of <c>EPSG_proj</c>).</summary>
    /// <param name="stations">The network.</param>
    public static int CentroidUtmEpsg(StationNetwork stations) => StationProjection.CentroidEpsg(Guard.NotNull(stations, nameof(stations)));

    /// <summary>
    /// Apply_Nocut: per minute, the connected components (in <paramref name="graph"/>) of the stations with
    /// p >= Prob_thres, kept when they have at least Min_stations stations. Rows ordered by time, then by
    /// lowest station index.
    /// </summary>
    /// <param name="graph">The kNN graph of the table's stations.</param>
    /// <param name="probabilities">The probability table.</param>
    /// <param name="parameters">Parameters; null for <see cref="GraspParameters.Default"/>.</param>
    public static IReadOnlyList<StationGroup> ApplyNocut(StationGraph graph, ProbabilityTable probabilities, GraspParameters? parameters = null)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NotNull(probabilities, nameof(probabilities));
        parameters ??= GraspParameters.Default;
        CheckSizes(probabilities, graph, null);
        var partition = new GraphPartition(graph);
        return Extract(probabilities, (row, sink) =>
        {
            foreach (var component in partition.DetectionComponents(probabilities.Row(row), parameters.ProbabilityThreshold))
            {
                if (component.Length >= parameters.MinStations)
                {
                    sink.Add(component);
                }
            }
        });
    }

    /// <summary>
    /// Apply_Tremor: Apply_Nocut's components, each split recursively by the sign of its Fiedler vector
    /// while (l1 + l2) / sum(l) &lt; Max_eigen; final groups smaller than Min_stations are dropped, and
    /// a group is kept only when its Graph std is at most Std_thres. Rows ordered by time, then by
    /// lowest station index.
    /// </summary>
    /// <param name="graph">The kNN graph of the table's stations.</param>
    /// <param name="probabilities">The tremor probability table.</param>
    /// <param name="stations">The stations, projected with the parameters' <see cref="GraspParameters.Epsg"/> (the UTM zone of their centroid when it is null) for Graph std.</param>
    /// <param name="parameters">Parameters; null for <see cref="GraspParameters.Default"/>.</param>
    /// <exception cref="InvalidParameterException">The EPSG code cannot be used for these stations, or the sizes disagree.</exception>
    public static IReadOnlyList<StationGroup> ApplyTremor(StationGraph graph, ProbabilityTable probabilities, StationNetwork stations, GraspParameters? parameters = null)
    {
        Guard.NotNull(stations, nameof(stations));
        parameters ??= GraspParameters.Default;
        return ApplyTremor(graph, probabilities, Project(stations, parameters.Epsg), parameters);
    }

    /// <summary>
    /// Apply_Tremor with positions already projected (see <see cref="Project"/>); otherwise as
    /// <see cref="ApplyTremor(StationGraph, ProbabilityTable, StationNetwork, GraspParameters?)"/>.
    /// </summary>
    /// <param name="graph">The kNN graph of the table's stations.</param>
    /// <param name="probabilities">The tremor probability table.</param>
    /// <param name="positions">Projected station positions, metres, in the table's station order.</param>
    /// <param name="parameters">Parameters; null for <see cref="GraspParameters.Default"/> (its EPSG code is not used here).</param>
    public static IReadOnlyList<StationGroup> ApplyTremor(StationGraph graph, ProbabilityTable probabilities, IReadOnlyList<PlanarPosition> positions, GraspParameters? parameters = null)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NotNull(probabilities, nameof(probabilities));
        Guard.NotNull(positions, nameof(positions));
        parameters ??= GraspParameters.Default;
        CheckSizes(probabilities, graph, positions);
        var partition = new GraphPartition(graph);
        var finals = new List<int[]>();
        return Extract(probabilities, (row, sink) =>
        {
            finals.Clear();
            foreach (var component in partition.DetectionComponents(probabilities.Row(row), parameters.ProbabilityThreshold))
            {
                partition.Partition(component, parameters.MaxEigen, parameters.MinStations, finals);
            }
            foreach (var group in finals.OrderBy(g => g[0]))
            {
                if (GraphStdKm(group, positions) <= parameters.StdThreshold)
                {
                    sink.Add(group);
                }
            }
        });
    }

    /// <summary>
    /// Apply_Categorization: a tremor group at minute t is <see cref="TremorCategory.Possible"/> when an
    /// earthquake group within Cat_window minutes of t shares a station with it or with a kNN neighbour of
    /// its stations; otherwise <see cref="TremorCategory.Probable"/>. Output in the tremor groups' order.
    /// </summary>
    /// <param name="graph">The kNN graph.</param>
    /// <param name="tremorGroups">Tremor groups (Apply_Tremor's output or a read candidate table).</param>
    /// <param name="earthquakeGroups">Earthquake groups (Apply_Nocut on earthquake probabilities).</param>
    /// <param name="parameters">Parameters (Cat_window); null for <see cref="GraspParameters.Default"/>.</param>
    public static IReadOnlyList<CategorizedGroup> ApplyCategorization(StationGraph graph, IReadOnlyList<StationGroup> tremorGroups, IReadOnlyList<StationGroup> earthquakeGroups, GraspParameters? parameters = null)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NoNulls(tremorGroups, nameof(tremorGroups));
        Guard.NoNulls(earthquakeGroups, nameof(earthquakeGroups));
        parameters ??= GraspParameters.Default;
        var earthquakesByMinute = new Dictionary<DateTime, List<StationGroup>>();
        foreach (var group in earthquakeGroups)
        {
            CheckStations(group, graph.Count, nameof(earthquakeGroups));
            if (!earthquakesByMinute.TryGetValue(group.Minute, out var list))
            {
                earthquakesByMinute[group.Minute] = list = new List<StationGroup>();
            }
            list.Add(group);
        }
        // Earthquake minutes in order: a window of any width costs a binary search, not one look-up per minute
        // (Cat_window = int.MaxValue once ran billions of look-ups, and AddMinutes left the calendar).
        var earthquakeMinutes = earthquakesByMinute.Keys.OrderBy(minute => minute).ToArray();
        var window = parameters.CategoryWindow * TimeSpan.TicksPerMinute;
        var near = new bool[graph.Count];
        var result = new CategorizedGroup[tremorGroups.Count];
        for (var t = 0; t < tremorGroups.Count; t++)
        {
            var tremor = tremorGroups[t];
            CheckStations(tremor, graph.Count, nameof(tremorGroups));
            Array.Clear(near, 0, near.Length);
            foreach (var s in tremor.StationArray)
            {
                near[s] = true;
                foreach (var neighbour in graph.NeighbourArray(s))
                {
                    near[neighbour] = true;
                }
            }
            var possible = false;
            var first = Array.BinarySearch(earthquakeMinutes, new DateTime(Math.Max(0, tremor.Minute.Ticks - window), tremor.Minute.Kind));
            for (var i = first >= 0 ? first : ~first; i < earthquakeMinutes.Length && earthquakeMinutes[i].Ticks - tremor.Minute.Ticks <= window && !possible; i++)
            {
                if ((earthquakeMinutes[i].Ticks - tremor.Minute.Ticks) % TimeSpan.TicksPerMinute == 0)
                {
                    possible = earthquakesByMinute[earthquakeMinutes[i]].Any(e => e.StationArray.Any(s => near[s]));
                }
            }
            result[t] = new CategorizedGroup(tremor, possible ? TremorCategory.Possible : TremorCategory.Probable);
        }
        return result;
    }

    /// <summary>
    /// Graph std of a group, km: sqrt(mean over the group of (x - mean x)^2 + (y - mean y)^2), with x, y
    /// the projected positions in metres.
    /// </summary>
    /// <param name="stations">Station indices of the group (at least one).</param>
    /// <param name="positions">Projected positions of all stations, metres.</param>
    public static double GraphStd(IReadOnlyList<int> stations, IReadOnlyList<PlanarPosition> positions)
    {
        Guard.NotNull(stations, nameof(stations));
        Guard.NotNull(positions, nameof(positions));
        if (stations.Count == 0)
        {
            throw new InvalidParameterException(nameof(stations), "an empty group has no Graph std");
        }
        foreach (var s in stations)
        {
            if (s < 0 || s >= positions.Count)
            {
                throw new InvalidParameterException(nameof(stations), $"station {s} outside 0..{positions.Count - 1}");
            }
        }
        return GraphStdKm(stations, positions);
    }

    /// <summary>
    /// A suggested Std_thres, km: mean + 3 standard deviations (population, as numpy's std) of the Graph
    /// std of the given groups, typically Apply_Nocut on validation tremor probabilities. "3 sigma"
    /// is read as the upper 3-sigma limit of the distribution, since a threshold of 3 sd alone would sit
    /// below the mean and reject most genuine groups.
    /// </summary>
    /// <param name="groups">At least two groups.</param>
    /// <param name="positions">Projected positions of all stations, metres.</param>
    /// <exception cref="InvalidParameterException">Fewer than two groups.</exception>
    public static double SuggestStdThreshold(IEnumerable<StationGroup> groups, IReadOnlyList<PlanarPosition> positions)
    {
        Guard.NotNull(groups, nameof(groups));
        Guard.NotNull(positions, nameof(positions));
        var stds = groups.Select(g => GraphStd(g.Stations, positions)).ToArray();
        if (stds.Length < 2)
        {
            throw new InvalidParameterException(nameof(groups), $"{stds.Length} group(s); a spread needs at least 2");
        }
        var mean = stds.Average();
        var sd = Math.Sqrt(stds.Sum(x => (x - mean) * (x - mean)) / stds.Length);
        return mean + 3 * sd;
    }

    private static double GraphStdKm(IReadOnlyList<int> stations, IReadOnlyList<PlanarPosition> positions)
    {
        double mx = 0, my = 0;
        foreach (var s in stations)
        {
            mx += positions[s].X;
            my += positions[s].Y;
        }
        mx /= stations.Count;
        my /= stations.Count;
        var sum = 0.0;
        foreach (var s in stations)
        {
            var dx = positions[s].X - mx;
            var dy = positions[s].Y - my;
            sum += dx * dx + dy * dy;
        }
        return Math.Sqrt(sum / stations.Count) / 1000;
    }

    private static List<StationGroup> Extract(ProbabilityTable probabilities, Action<int, List<int[]>> groupsOfRow)
    {
        var rowOrder = Enumerable.Range(0, probabilities.MinuteCount).OrderBy(r => probabilities.Minutes[r]).ThenBy(r => r);
        var result = new List<StationGroup>();
        var groups = new List<int[]>();
        foreach (var row in rowOrder)
        {
            groups.Clear();
            groupsOfRow(row, groups);
            var values = probabilities.Row(row);
            foreach (var group in groups)
            {
                var p = new float[group.Length];
                for (var i = 0; i < group.Length; i++)
                {
                    p[i] = values[group[i]];
                }
                result.Add(StationGroup.FromAscending(probabilities.Minutes[row], group, p));
            }
        }
        return result;
    }

    private static void CheckSizes(ProbabilityTable probabilities, StationGraph graph, IReadOnlyList<PlanarPosition>? positions)
    {
        if (probabilities.StationCount != graph.Count)
        {
            throw new InvalidParameterException("probabilities", $"{probabilities.StationCount} station columns, the graph has {graph.Count} stations");
        }
        if (positions is not null && positions.Count != graph.Count)
        {
            throw new InvalidParameterException("positions", $"{positions.Count} positions, the graph has {graph.Count} stations");
        }
    }

    private static void CheckStations(StationGroup group, int count, string name)
    {
        if (group.StationArray[group.Count - 1] >= count)
        {
            throw new InvalidParameterException(name, $"group {group} names a station beyond the graph's {count}");
        }
    }
}
