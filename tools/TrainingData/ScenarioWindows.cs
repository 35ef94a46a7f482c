using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.TrainingData;

/// <summary>
/// Extra training windows of one class whose scenario contains a phrase (for example noise windows with
/// "town" in them, or earthquakes "with glitches"): the held-out misses of the stand-in model sit on such
/// scenarios, and the generator draws them only as often as the field mix says. Seeds are drawn in order
/// from a first seed, each at the rate <see cref="Windows.RateOf"/> gives it, until enough match; the files
/// have the layout of <see cref="Windows"/>' training set (train_{fs}hz.npy, _y.npy, .csv), so
/// tools/model/train_v2.py --extra-windows reads the folder as it reads `windows`. Give each extra set its own
/// seed range, above the training seeds and below the held-out ones (1,000,001 on), so that no window is drawn twice.
/// </summary>
internal static class ScenarioWindows
{
    private const int Chunk = 2048;

    public static void Write(string folder, DietClass kind, string phrase, int count, ulong firstSeed)
    {
        var kept = new List<(ulong Seed, SyntheticTrainingWindow Window)>();
        var next = firstSeed;
        while (kept.Count < count)
        {
            var drawn = new SyntheticTrainingWindow[Chunk];
            var from = next;
            Parallel.For(0, Chunk, i => drawn[i] = SyntheticTrainingWindow.Generate(kind, from + (ulong)i, Windows.RateOf(from + (ulong)i), Windows.MarginSeconds));
            for (var i = 0; i < Chunk && kept.Count < count; i++)
            {
                if (drawn[i].Scenario.Contains(phrase, StringComparison.Ordinal))
                {
                    kept.Add((from + (ulong)i, drawn[i]));
                }
            }
            next += Chunk;
            if (next - firstSeed > 50UL * (ulong)Math.Max(count, 1) + Chunk)
            {
                throw new InvalidOperationException($"fewer than 1 in 50 {kind} windows match \"{phrase}\"; is the phrase in any scenario?");
            }
        }
        var last = kept[^1].Seed;
        if (last >= 1_000_000)
        {
            throw new InvalidOperationException($"seeds reached {last}, into the held-out range (1,000,001 on); start lower or ask for fewer");
        }
        foreach (var group in kept.GroupBy(item => item.Window.SamplingRate).OrderBy(group => group.Key))
        {
            var items = group.ToArray();
            var length = items[0].Window.SamplesPerComponent;
            var samples = new float[(long)items.Length * 3 * length];
            for (var i = 0; i < items.Length; i++)
            {
                Windows.CopyInto(items[i].Window, samples.AsSpan(i * 3 * length, 3 * length));
            }
            Windows.WriteFiles(folder, "train", group.Key, samples, length, items.Select(item => (kind, item.Seed, item.Window.Scenario)).ToList());
        }
        File.WriteAllText(Path.Combine(folder, "info.json"), FormattableString.Invariant(
            $$"""{"generator": "SyntheticTrainingWindow", "marginSeconds": {{Windows.MarginSeconds}}, "class": "{{kind.ToString().ToLowerInvariant()}}", "scenarioContains": "{{phrase}}", "windows": {{count}}, "seeds": "{{firstSeed}}..{{last}} (matching ones only)"}""") + "\n");
        Console.WriteLine($"{kind} \"{phrase}\": {count} windows from seeds {firstSeed}..{last}");
    }
}
