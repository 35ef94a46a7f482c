namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// The symmetric kNN adjacency of a network (the original's <c>Stadis_array</c> after <c>kNN_graph</c>):
/// stations i and j are adjacent when j is among the k nearest of i or i among the k nearest of j.
/// </summary>
public sealed class StationGraph
{
    private readonly bool[] _adjacent;
    private readonly int[][] _neighbours;

    internal StationGraph(int count, int k, bool[] adjacent)
    {
        Count = count;
        K = k;
        _adjacent = adjacent;
        _neighbours = new int[count][];
        for (var i = 0; i < count; i++)
        {
            var list = new List<int>();
            for (var j = 0; j < count; j++)
            {
                if (adjacent[i * count + j])
                {
                    list.Add(j);
                }
            }
            _neighbours[i] = list.ToArray();
        }
    }

    /// <summary>Number of stations.</summary>
    public int Count { get; }

    /// <summary>The k the graph was built with.</summary>
    public int K { get; }

    /// <summary>Whether stations <paramref name="i"/> and <paramref name="j"/> are adjacent (false on the diagonal).</summary>
    /// <param name="i">A station index.</param>
    /// <param name="j">Another station index.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, <see cref="Count"/>).</exception>
    public bool AreAdjacent(int i, int j) => _adjacent[(Guard.Index(i, Count, nameof(i)) * Count) + Guard.Index(j, Count, nameof(j))];

    /// <summary>The neighbours of a station, ascending.</summary>
    /// <param name="station">The station index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [0, <see cref="Count"/>).</exception>
    public IReadOnlyList<int> Neighbours(int station) => _neighbours[Guard.Index(station, Count, nameof(station))];

    internal int[] NeighbourArray(int station) => _neighbours[station];

    /// <summary>The 0/1 adjacency matrix (a fresh copy), as the original's <c>Stadis_array</c>.</summary>
    public int[,] ToMatrix()
    {
        var matrix = new int[Count, Count];
        for (var i = 0; i < Count; i++)
        {
            foreach (var j in _neighbours[i])
            {
                matrix[i, j] = 1;
            }
        }
        return matrix;
    }
}
