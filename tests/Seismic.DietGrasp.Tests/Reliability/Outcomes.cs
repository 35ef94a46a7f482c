using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// How many fuzz inputs of each family a reader took and how many it refused: a family must see both,
/// or the test says nothing about the reader (one that refused everything passed the old fuzz tests).
/// </summary>
internal sealed class Outcomes
{
    private readonly SortedDictionary<string, (int Read, int Refused)> _counts = new(StringComparer.Ordinal);

    public void Add(string family, bool read)
    {
        var (r, f) = _counts.GetValueOrDefault(family);
        _counts[family] = read ? (r + 1, f) : (r, f + 1);
    }

    public void AssertBothSeen() =>
        Assert.True(_counts.Count > 0 && _counts.Values.All(c => c.Read > 0 && c.Refused > 0), $"every family needs inputs read and refused: {this}");

    public void AssertBothSeenOverall() =>
        Assert.True(_counts.Values.Sum(c => c.Refused) > 0 && _counts.Values.Sum(c => c.Read) > 0, $"inputs read and refused needed: {this}");

    public override string ToString() => string.Join("; ", _counts.Select(c => $"{c.Key} {c.Value.Read} read, {c.Value.Refused} refused"));
}
