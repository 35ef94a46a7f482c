using System.Diagnostics;
using System.Globalization;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;

// Labelled spectrograms for the stand-in DiET model, made by this library from its own synthetic
// waveforms: train_x.npy [M, 73, 71, 3] float32, train_y.npy [M] (0 earthquake, 1 tremor, 2 noise),
// the same for test_*, and info.json with the seed ranges. Training seeds are 1..N; held-out seeds
// start at 1,000,001 (and the C# tests use 2,000,001 on), so no minute is in two sets.
//   dotnet run -c Release --project tools/TrainingData -- OUT_DIR [TRAIN_PER_CLASS] [TEST_PER_CLASS] [FS]
if (args.Length >= 2 && args[0] == "windows")
{
    // v2: raw windows with margins; the Python side filters them as the pipeline does.
    //   dotnet run -c Release --project tools/TrainingData -- windows OUT_DIR [TRAIN_PER_CLASS=8000] [TEST_PER_CLASS=1000]
    return WriteSets(8000, 1000, Seismic.DietGrasp.TrainingData.Windows.WriteSet, (train, test) => FormattableString.Invariant(
        $$"""{"generator": "SyntheticTrainingWindow", "marginSeconds": {{Seismic.DietGrasp.TrainingData.Windows.MarginSeconds}}, "trainPerClass": {{train}}, "trainSeeds": "1..{{train}}", "testPerClass": {{test}}, "testSeeds": "1000001..{{1_000_000 + test}}", "rates": "seed % 20: 0-2 -> 50 Hz, 3-5 -> 125 Hz, 6-8 -> 200 Hz, else 100 Hz"}"""));
}
if (args.Length >= 2 && args[0] == "backgrounds")
{
    // The held-out windows without their earthquakes and tremor (tools/model/visibility.py): what each
    // labelled minute would be without its signal, in the layout of `windows`' test set.
    //   dotnet run -c Release --project tools/TrainingData -- backgrounds OUT_DIR [TEST_PER_CLASS=700]
    var backgrounds = args[1];
    Directory.CreateDirectory(backgrounds);
    var perClass = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 700;
    Seismic.DietGrasp.TrainingData.Windows.WriteBackgrounds(backgrounds, "test", perClass, 1_000_000);
    File.WriteAllText(Path.Combine(backgrounds, "info.json"), FormattableString.Invariant(
        $$"""{"generator": "SyntheticTrainingWindow.GenerateWithoutSignal", "marginSeconds": {{Seismic.DietGrasp.TrainingData.Windows.MarginSeconds}}, "testPerClass": {{perClass}}, "testSeeds": "1000001..{{1_000_000 + perClass}}"}""") + "\n");
    return 0;
}
if (args.Length >= 5 && args[0] == "scenarios")
{
    // Extra training windows of one class whose scenario contains a phrase (tools/model/train_v4.sh).
    //   dotnet run -c Release --project tools/TrainingData -- scenarios OUT_DIR CLASS PHRASE COUNT FIRST_SEED
    Directory.CreateDirectory(args[1]);
    var kind = Enum.Parse<DietClass>(args[2], ignoreCase: true);
    Seismic.DietGrasp.TrainingData.ScenarioWindows.Write(args[1], kind, args[3], int.Parse(args[4], CultureInfo.InvariantCulture), args.Length > 5 ? ulong.Parse(args[5], CultureInfo.InvariantCulture) : 20_001);
    return 0;
}
if (args.Length >= 2 && args[0] == "filtered")
{
    // v3: v1's minutes through the pipeline's per-minute preprocessing at 50, 100, 128 and 200 Hz.
    //   dotnet run -c Release --project tools/TrainingData -- filtered OUT_DIR [TRAIN_PER_CLASS=2000] [TEST_PER_CLASS=300]
    return WriteSets(2000, 300, Seismic.DietGrasp.TrainingData.FilteredMinutes.WriteSet, (train, test) => FormattableString.Invariant(
        $$"""{"generator": "SyntheticStationMinute through WaveformPreprocessing.Default", "trainPerClass": {{train}}, "trainSeeds": "1..{{train}}", "testPerClass": {{test}}, "testSeeds": "1000001..{{1_000_000 + test}}", "rates": "seed % 4: 0 -> 50, 1 -> 100, 2 -> 128 (resampled to 125), 3 -> 200 Hz"}"""));
}
if (args.Length >= 2 && args[0] == "filtered-paired")
{
    // The same minutes as "filtered", each seed at all four rates (rows of four), for a rate-consistency loss.
    //   dotnet run -c Release --project tools/TrainingData -- filtered-paired OUT_DIR [TRAIN_PER_CLASS=2000] [TEST_PER_CLASS=100]
    return WriteSets(2000, 100, Seismic.DietGrasp.TrainingData.FilteredMinutes.WriteSetAtEveryRate, (train, test) => FormattableString.Invariant(
        $$"""{"generator": "SyntheticStationMinute through WaveformPreprocessing.Default", "trainPerClass": {{train}}, "trainSeeds": "6000001..{{6_000_000 + train}}", "testPerClass": {{test}}, "testSeeds": "7000001..{{7_000_000 + test}}", "rates": "every seed at 50, 100, 128 (resampled to 125) and 200 Hz, rows of four"}"""));
}
if (args.Length is < 1 or > 4)
{
    Console.Error.WriteLine("usage: TrainingData OUT_DIR [TRAIN_PER_CLASS=8000] [TEST_PER_CLASS=1000] [FS=100]");
    return 2;
}
var folder = args[0];
var trainPerClass = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8000;
var testPerClass = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var samplingRate = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 100;
const ulong TestSeedBase = 1_000_000;
Directory.CreateDirectory(folder);
var parameters = new SpectrogramParameters(samplingRate);
var clock = Stopwatch.StartNew();
WriteSet("train", trainPerClass, 0);
WriteSet("test", testPerClass, TestSeedBase);
File.WriteAllText(Path.Combine(folder, "info.json"), FormattableString.Invariant(
    $$"""{"samplingRate": {{samplingRate}}, "trainPerClass": {{trainPerClass}}, "trainSeeds": "1..{{trainPerClass}}", "testPerClass": {{testPerClass}}, "testSeeds": "{{TestSeedBase + 1}}..{{TestSeedBase + (ulong)testPerClass}}"}""") + "\n");
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
return 0;

void WriteSet(string name, int perClass, ulong seedBase)
{
    var count = 3 * perClass;
    var spectrograms = new float[(long)count * SpectrogramParameters.ValueCount];
    var labels = new float[count];
    Parallel.For(0, count, i =>
    {
        var kind = (DietClass)(i % 3);
        var minute = SyntheticStationMinute.Generate(kind, seedBase + (ulong)(i / 3) + 1, samplingRate);
        DietSpectrogram.Compute(minute.Samples.Span, parameters, spectrograms.AsSpan(i * SpectrogramParameters.ValueCount, SpectrogramParameters.ValueCount));
        labels[i] = (int)kind;
    });
    Npy.Write(Path.Combine(folder, $"{name}_x.npy"), spectrograms, new[] { count, SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount });
    Npy.Write(Path.Combine(folder, $"{name}_y.npy"), labels, new[] { count });
    Console.WriteLine($"{name}: {count} spectrograms, {clock.Elapsed.TotalSeconds:F0} s");
}

// The "windows" and "filtered" sets: MODE OUT_DIR [TRAIN_PER_CLASS] [TEST_PER_CLASS], training seeds from 1, held-out from 1,000,001.
int WriteSets(int defaultTrain, int defaultTest, Action<string, string, int, ulong> writeSet, Func<int, int, string> info)
{
    var setFolder = args[1];
    Directory.CreateDirectory(setFolder);
    var train = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : defaultTrain;
    var test = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : defaultTest;
    var setClock = Stopwatch.StartNew();
    writeSet(setFolder, "train", train, 0);
    writeSet(setFolder, "test", test, 1_000_000);
    File.WriteAllText(Path.Combine(setFolder, "info.json"), info(train, test) + "\n");
    Console.WriteLine($"done in {setClock.Elapsed.TotalSeconds:F0} s");
    return 0;
}
