using System.Globalization;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.TrainingData;

/// <summary>
/// Stand-in v3: minutes of v1's generator (<see cref="SyntheticStationMinute"/>: red seafloor noise with
/// spikes, glitches and steps 10-100 x the background) at 50, 100, 128 and 200 Hz, each minute alone
/// through <see cref="WaveformPreprocessing.Default"/> (1 Hz high-pass with odd padding, 128 Hz resampled
/// to 125 Hz): what <c>classify --waveforms</c> feeds the model. v2 saw these minutes only unfiltered and
/// at 100 Hz, and its borderline calls on them changed with the rate (ModelRobustnessTests).
/// Writes {set}_x.npy [M, 73, 71, 3], {set}_y.npy [M] and {set}_rates.npy [M].
/// </summary>
internal static class FilteredMinutes
{
    private static readonly double[] Rates = { 50, 100, 128, 200 };

    public static void WriteSet(string folder, string name, int perClass, ulong seedBase) =>
        Write(folder, name, 3 * perClass, i =>
        {
            var seed = seedBase + (ulong)(i / 3) + 1;
            return ((DietClass)(i % 3), seed, Rates[(int)(seed % (ulong)Rates.Length)]);
        });

    /// <summary>
    /// Every seed at all four rates, in rows of four (50, 100, 128, 200 Hz) for one minute: for a training loss that
    /// asks the same minute to get the same probabilities at every rate (train_v2.py --paired), which
    /// ModelRobustnessTests checks and v5 and v7 failed. Seeds from 6,000,001 (training) and 7,000,001 (held out):
    /// minutes of their own, apart from every other training and held-out set.
    /// </summary>
    public static void WriteSetAtEveryRate(string folder, string name, int perClass, ulong seedBase) =>
        Write(folder, name, 3 * perClass * Rates.Length, i =>
        {
            var minute = i / Rates.Length;
            return ((DietClass)(minute % 3), 6_000_000 + seedBase + (ulong)(minute / 3) + 1, Rates[i % Rates.Length]);
        });

    private static void Write(string folder, string name, int count, Func<int, (DietClass Kind, ulong Seed, double Rate)> row)
    {
        var spectrograms = new float[(long)count * SpectrogramParameters.ValueCount];
        var labels = new float[count];
        var rates = new float[count];
        Parallel.For(0, count, i =>
        {
            var (kind, seed, rate) = row(i);
            var minute = SyntheticStationMinute.Generate(kind, seed, rate);
            var spectrogram = DietSpectrogram.ComputeBatch(minute.Samples.ToArray(), rate, WaveformPreprocessing.Default, out _);
            spectrogram.CopyTo(spectrograms.AsSpan(i * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount));
            labels[i] = (int)kind;
            rates[i] = (float)rate;
        });
        Npy.Write(Path.Combine(folder, $"{name}_x.npy"), spectrograms, new[] { count, SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount });
        Npy.Write(Path.Combine(folder, $"{name}_y.npy"), labels, new[] { count });
        Npy.Write(Path.Combine(folder, $"{name}_rates.npy"), rates, new[] { count });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {count} filtered minutes"));
    }
}
