using System.Globalization;
using System.Text;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.TrainingData;

/// <summary>
/// Raw labelled windows for the stand-in model v2 (tools/model/train_v2.py filters them with the
/// pipeline's zero-phase 1 Hz high-pass, cuts the minute and makes the spectrograms): per set and
/// sampling rate, {set}_{fs}hz.npy float32 [M, 3, (60 + 2 margin) fs], {set}_{fs}hz_y.npy [M]
/// (0 earthquake, 1 tremor, 2 noise) and {set}_{fs}hz.csv (seed, class, scenario). A seed's rate is
/// fixed by the seed: 55% at 100 Hz, 15% each at 50, 125 and 200 Hz.
/// </summary>
internal static class Windows
{
    public const double MarginSeconds = 20;

    private static readonly double[] Rates = { 50, 100, 125, 200 };

    public static double RateOf(ulong seed) => (seed % 20) switch
    {
        < 3 => 50,
        < 6 => 125,
        < 9 => 200,
        _ => 100,
    };

    public static void WriteSet(string folder, string name, int perClass, ulong seedBase) => WriteSet(folder, name, perClass, seedBase, withSignal: true);

    /// <summary>
    /// The same set without its earthquakes and tremor (<see cref="SyntheticTrainingWindow.GenerateWithoutSignal"/>),
    /// in the same files and order: what each labelled minute would be without its signal.
    /// </summary>
    public static void WriteBackgrounds(string folder, string name, int perClass, ulong seedBase) => WriteSet(folder, name, perClass, seedBase, withSignal: false);

    private static void WriteSet(string folder, string name, int perClass, ulong seedBase, bool withSignal)
    {
        foreach (var rate in Rates)
        {
            var items = new List<(DietClass Kind, ulong Seed)>();
            for (var i = 0; i < perClass; i++)
            {
                var seed = seedBase + (ulong)i + 1;
                if (RateOf(seed) == rate)
                {
                    items.Add((DietClass.Earthquake, seed));
                    items.Add((DietClass.Tremor, seed));
                    items.Add((DietClass.Noise, seed));
                }
            }
            var length = (int)Math.Round((60 + (2 * MarginSeconds)) * rate);
            var samples = new float[(long)items.Count * 3 * length];
            var scenarios = new string[items.Count];
            Parallel.For(0, items.Count, i =>
            {
                var window = withSignal
                    ? SyntheticTrainingWindow.Generate(items[i].Kind, items[i].Seed, rate, MarginSeconds)
                    : SyntheticTrainingWindow.GenerateWithoutSignal(items[i].Kind, items[i].Seed, rate, MarginSeconds);
                CopyInto(window, samples.AsSpan(i * 3 * length, 3 * length));
                scenarios[i] = window.Scenario;
            });
            WriteFiles(folder, name, rate, samples, length, items.Select((item, i) => (item.Kind, item.Seed, scenarios[i])).ToList());
            Console.WriteLine($"{name} {rate} Hz: {items.Count} windows");
        }
    }

    /// <summary>A window's three components, as float32, into its row of a set's sample array.</summary>
    public static void CopyInto(SyntheticTrainingWindow window, Span<float> target)
    {
        var source = window.Samples.Span;
        for (var k = 0; k < source.Length; k++)
        {
            target[k] = (float)source[k];
        }
    }

    /// <summary>
    /// A set's files for one rate: {name}_{fs}hz.npy [M, 3, length] (the samples), {name}_{fs}hz_y.npy [M] (the
    /// classes' numbers) and {name}_{fs}hz.csv (seed, class, scenario), one row per window in <paramref name="rows"/>' order.
    /// </summary>
    public static void WriteFiles(string folder, string name, double rate, float[] samples, int length, IReadOnlyList<(DietClass Kind, ulong Seed, string Scenario)> rows)
    {
        var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{name}_{rate:0}hz"));
        Npy.Write(stem + ".npy", samples, new[] { rows.Count, 3, length });
        Npy.Write(stem + "_y.npy", rows.Select(row => (float)(int)row.Kind).ToArray(), new[] { rows.Count });
        var csv = new StringBuilder("seed,label,scenario\n");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Seed},{row.Kind.ToString().ToLowerInvariant()},{row.Scenario}\n");
        }
        File.WriteAllText(stem + ".csv", csv.ToString());
    }
}
