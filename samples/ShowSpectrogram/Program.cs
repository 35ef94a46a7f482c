// The original's Show_spectrogram.py in C#: one minute of random three-component data at 100 Hz
// (with a small tremor-like burst on VZ so there is something to see), its DiET spectrogram, and a
// picture of it.
//   dotnet run --project samples/ShowSpectrogram [-- OUT.png]   (default: samples/Results/spectrogram.png)
using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Samples;
using Seismic.DietGrasp.Spectrogram;

var parameters = SpectrogramParameters.SNet;
var samples = parameters.SamplesPerMinute;
var random = new Random(2025);
var waveform = new double[parameters.SamplesPerStationMinute];
for (var c = 0; c < SpectrogramParameters.ComponentCount; c++)
{
    for (var i = 0; i < samples; i++)
    {
        var t = i / parameters.SamplingRate;
        var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        // A 3-6 Hz burst between 25 and 40 s, strongest on VZ.
        var envelope = t is > 25 and < 40 ? Math.Sin(Math.PI * (t - 25) / 15) : 0;
        var burst = envelope * (c == 2 ? 4 : 1.5) * (Math.Sin(2 * Math.PI * 3.5 * t) + Math.Sin(2 * Math.PI * 5.2 * t));
        waveform[(c * samples) + i] = noise + burst;
    }
}

var spectrogram = DietSpectrogram.Compute(waveform, parameters);

var path = Path.GetFullPath(args.Length > 0 ? args[0] : SampleData.Results("spectrogram.png"));
SpectrogramPlot.SavePng(path, spectrogram, "random minute at 100 Hz");
Console.WriteLine($"Spectrogram {SpectrogramParameters.FrequencyCount} frequencies x {SpectrogramParameters.TimeCount} times x {SpectrogramParameters.ComponentCount} components, values {spectrogram.Min():0.###} to {spectrogram.Max():0.###}");
Console.WriteLine($"Wrote {path}");
