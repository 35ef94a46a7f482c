namespace Seismic.DietGrasp;

/// <summary>The one rule for the <c>maxDegreeOfParallelism</c> arguments that go to <see cref="Parallel"/>.</summary>
internal static class Parallelism
{
    /// <summary>Refuses 0 and values below -1, which <see cref="ParallelOptions"/> would reject with an ArgumentOutOfRangeException.</summary>
    public static void Check(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new InvalidParameterException(nameof(maxDegreeOfParallelism), $"{maxDegreeOfParallelism}; expected -1 (every processor) or at least 1");
        }
    }
}
