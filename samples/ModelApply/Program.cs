using System.Globalization;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Spectrogram;

// Model_apply.py from the original DiET README, in C#. Pass a path to use your own ONNX model
// (e.g. the original weights converted with tools/model/keras_to_onnx.py); without one, the
// bundled model is used, which is a stand-in of our own (synthetic and a few real records), not the published DiET.
using var model = args.Length > 0 ? DietModel.Load(args[0]) : DietModel.LoadBundled();

const int StationNumber = 2;
const int Frequencies = SpectrogramParameters.FrequencyCount;
const int Times = SpectrogramParameters.TimeCount;
const int Channels = SpectrogramParameters.ComponentCount;

// Spectrogram with all pixel values of 1 is predicted as noise.
var inputData = new float[StationNumber * Frequencies * Times * Channels];
inputData.AsSpan().Fill(1);

// Remain only the spectrogram power in the 2-8 Hz: Input_data[0, 25:73, :, :] = 0.2
inputData.AsSpan(25 * Times * Channels, (Frequencies - 25) * Times * Channels).Fill(0.2f);

// Model prediction: one row per station, columns earthquake, tremor, noise.
var predResult = model.PredictBatch(inputData);

Console.WriteLine($"model: {model.Source}{(model.IsBundledStandIn ? " (stand-in of our own (synthetic and a few real records), not the published DiET)" : string.Empty)}");
Console.WriteLine("earthquake,tremor,noise");
foreach (var row in predResult)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Earthquake:F6},{row.Tremor:F6},{row.Noise:F6}"));
}
