using MathNet.Numerics.LinearAlgebra;

namespace Seismic.DietGrasp.Grasp;

/// <summary>The graph steps of Apply_Nocut and Apply_Tremor (METHOD.md 4) on one minute's detections.</summary>
internal sealed class GraphPartition
{
    private readonly StationGraph _graph;
    private readonly int[] _mark;
    private readonly int[] _queue;
    private int _stamp;

    public GraphPartition(StationGraph graph)
    {
        _graph = graph;
        _mark = new int[graph.Count];
        _queue = new int[graph.Count];
    }

    /// <summary>
    /// Connected components of the subgraph induced by the stations with mark == <paramref name="memberStamp"/>,
    /// each ascending, in order of their lowest station. Candidate stations must be listed ascending.
    /// </summary>
    private List<int[]> Components(IReadOnlyList<int> candidates, int memberStamp)
    {
        var visitedStamp = ++_stamp;
        var components = new List<int[]>();
        foreach (var start in candidates)
        {
            if (_mark[start] != memberStamp)
            {
                continue;
            }
            int head = 0, tail = 0;
            _queue[tail++] = start;
            _mark[start] = visitedStamp;
            while (head < tail)
            {
                var station = _queue[head++];
                foreach (var neighbour in _graph.NeighbourArray(station))
                {
                    if (_mark[neighbour] == memberStamp)
                    {
                        _mark[neighbour] = visitedStamp;
                        _queue[tail++] = neighbour;
                    }
                }
            }
            var component = new int[tail];
            Array.Copy(_queue, component, tail);
            Array.Sort(component);
            components.Add(component);
        }
        return components;
    }

    /// <summary>Connected components of the detecting stations (p >= threshold; NaN never detects).</summary>
    public List<int[]> DetectionComponents(ReadOnlySpan<float> probabilities, double threshold)
    {
        var memberStamp = ++_stamp;
        var candidates = new List<int>();
        for (var s = 0; s < probabilities.Length; s++)
        {
            if (probabilities[s] >= threshold)
            {
                _mark[s] = memberStamp;
                candidates.Add(s);
            }
        }
        return Components(candidates, memberStamp);
    }

    /// <summary>Components of a subset of stations (ascending) in the induced subgraph.</summary>
    public List<int[]> ComponentsOf(IReadOnlyList<int> stations)
    {
        var memberStamp = ++_stamp;
        foreach (var s in stations)
        {
            _mark[s] = memberStamp;
        }
        return Components(stations, memberStamp);
    }

    /// <summary>
    /// partition(C): recursive Fiedler bisection while (l1 + l2) / sum(l) &lt; maxEigen; final groups
    /// smaller than minStations are dropped (a component that small can only give smaller groups,
    /// so it is dropped before any eigen-decomposition).
    /// </summary>
    public void Partition(int[] component, double maxEigen, int minStations, List<int[]> finalGroups)
    {
        if (component.Length < minStations)
        {
            return;
        }
        var fiedler = component.Length >= 2 && maxEigen > 0 ? SplitVector(component, maxEigen) : null;
        if (fiedler is null)
        {
            finalGroups.Add(component);
            return;
        }
        var positive = new List<int>();
        var negative = new List<int>();
        for (var i = 0; i < component.Length; i++)
        {
            (fiedler[i] >= 0 ? positive : negative).Add(component[i]);
        }
        if (positive.Count == 0 || negative.Count == 0)
        {
            finalGroups.Add(component);
            return;
        }
        foreach (var side in new[] { positive, negative })
        {
            foreach (var part in ComponentsOf(side))
            {
                Partition(part, maxEigen, minStations, finalGroups);
            }
        }
    }

    /// <summary>
    /// The sign-fixed Fiedler vector of the component's unnormalised Laplacian when its cumulative
    /// contribution ratio r = (l1 + l2) / sum(l) is below <paramref name="maxEigen"/>; null when the
    /// component is final (r at or above the threshold, or all eigenvalues zero).
    /// </summary>
    internal double[]? SplitVector(int[] component, double maxEigen)
    {
        var (values, vectors) = Spectrum(component);
        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
        }
        if (!(total > 0))
        {
            return null;
        }
        var ratio = (values[0] + values[1]) / total;
        if (!(ratio < maxEigen))
        {
            return null;
        }
        return FixSign(vectors[1]);
    }

    /// <summary>The cumulative contribution ratio r of a component (NaN for a single station).</summary>
    internal double ContributionRatio(int[] component)
    {
        if (component.Length < 2)
        {
            return double.NaN;
        }
        var (values, _) = Spectrum(component);
        var total = values.Sum();
        return total > 0 ? (values[0] + values[1]) / total : double.NaN;
    }

    /// <summary>Eigenvalues ascending and their eigenvectors (MathNet's symmetric EVD) of L = Deg - A on the component.</summary>
    private (double[] Values, double[][] Vectors) Spectrum(int[] component)
    {
        var m = component.Length;
        var laplacian = Matrix<double>.Build.Dense(m, m);
        for (var a = 0; a < m; a++)
        {
            var degree = 0;
            for (var b = 0; b < m; b++)
            {
                if (a != b && _graph.AreAdjacent(component[a], component[b]))
                {
                    laplacian[a, b] = -1;
                    degree++;
                }
            }
            laplacian[a, a] = degree;
        }
        var evd = laplacian.Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, m).OrderBy(i => eigenvalues[i]).ThenBy(i => i).ToArray();
        var vectors = new double[m][];
        for (var i = 0; i < m; i++)
        {
            vectors[i] = evd.EigenVectors.Column(order[i]).ToArray();
        }
        return (order.Select(i => eigenvalues[i]).ToArray(), vectors);
    }

    /// <summary>
    /// Zeroes round-off-sized entries (|v| at most 1e-10 max|v|, which then count as ">= 0") and fixes the
    /// sign so that the lowest-index station's entry is >= 0; when that entry is zero, the first
    /// non-zero entry is made positive, so the split never depends on the solver's arbitrary sign.
    /// </summary>
    private static double[] FixSign(double[] v)
    {
        var largest = v.Max(Math.Abs);
        var tolerance = 1e-10 * largest;
        var sign = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            if (Math.Abs(v[i]) <= tolerance)
            {
                v[i] = 0;
            }
            else if (sign == 0)
            {
                sign = Math.Sign(v[i]);
            }
        }
        if (sign < 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = -v[i];
            }
        }
        return v;
    }
}
