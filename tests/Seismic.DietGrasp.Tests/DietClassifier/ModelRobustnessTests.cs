using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier;

/// <summary>
/// What the bundled model must not care about (issue 21), through what the pipeline feeds it
/// (<see cref="WaveformPreprocessing.Default"/>: 1 Hz high-pass, rates resampled). Seeds from 5,000,000
/// on: never used for training or the held-out sets.
/// </summary>
public sealed class ModelRobustnessTests
{
    private static readonly Lazy<DietModel> Model = new(() => DietModel.LoadBundled());

    private static readonly DietClass[] Kinds = { DietClass.Earthquake, DietClass.Tremor, DietClass.Noise };

    private static DietProbabilities Classify(double[] samples, double rate) =>
        Model.Value.PredictBatch(DietSpectrogram.ComputeBatch(samples, rate, WaveformPreprocessing.Default, out _))[0];

    private static double[] Minute(DietClass kind, ulong seed, double rate = 100) => SyntheticStationMinute.Generate(kind, seed, rate).Samples.ToArray();

    /// <summary>Quiet seafloor noise without the generator's own transients.</summary>
    private static double[] QuietNoise(ulong seed, double microseismRatio = 10)
    {
        var samples = new double[3 * 6000];
        SyntheticWaveforms.FillNoise(samples.AsSpan(0, 6000), samples.AsSpan(6000, 6000), samples.AsSpan(12000, 6000), 100,
            new NoiseSettings { Amplitude = 1e-7, MicroseismRatio = microseismRatio, SpikesPerMinute = 0, GlitchesPerMinute = 0, StepsPerMinute = 0 }, seed);
        return samples;
    }

    private static string Describe(DietProbabilities p) => $"({p.Earthquake:F3}, {p.Tremor:F3}, {p.Noise:F3})";

    [Trait("Category", "ModelRobustness")]
    [ModelRobustnessFact]
    public void The_same_event_at_50_100_128_and_200_hz_gets_the_same_class()
    {
        // Generate draws the event's parameters from the seed before any sample, so a seed is one event at every rate;
        // 128 Hz goes through the pipeline's resampling to 125 Hz.
        var failures = new List<string>();
        foreach (var kind in Kinds)
        {
            for (ulong seed = 5_000_000; seed < 5_000_008; seed++)
            {
                var at100 = Classify(Minute(kind, seed), 100);
                foreach (var rate in new[] { 50.0, 128.0, 200.0 })
                {
                    var other = Classify(Minute(kind, seed, rate), rate);
                    if (other.MostLikely != at100.MostLikely)
                    {
                        failures.Add($"{kind} seed {seed}: 100 Hz {Describe(at100)}, {rate} Hz {Describe(other)}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public void Scaling_by_1e_minus_3_to_1e6_changes_nothing()
    {
        foreach (var kind in Kinds)
        {
            for (ulong seed = 5_000_100; seed < 5_000_104; seed++)
            {
                var samples = Minute(kind, seed);
                var reference = Classify(samples, 100);
                foreach (var scale in new[] { 1e-3, 1e-1, 1e1, 1e3, 1e6 })
                {
                    var scaled = Classify(samples.Select(v => v * scale).ToArray(), 100);
                    Assert.Equal(reference.MostLikely, scaled.MostLikely);
                    Assert.True(Math.Abs(reference.Earthquake - scaled.Earthquake) < 1e-3 && Math.Abs(reference.Tremor - scaled.Tremor) < 1e-3,
                        $"{kind} seed {seed} x{scale}: {Describe(reference)} vs {Describe(scaled)}");
                }
            }
        }
    }

    [Trait("Category", "ModelRobustness")]
    [ModelRobustnessFact]
    public void Per_component_gains_from_0_3_to_3_change_nothing()
    {
        var gainSets = new[] { new[] { 0.3, 1, 3 }, new[] { 3, 0.3, 1 }, new[] { 1, 3, 0.3 }, new[] { 3, 3, 0.3 }, new[] { 0.3, 0.3, 3 } };
        var failures = new List<string>();
        foreach (var kind in Kinds)
        {
            for (ulong seed = 5_000_200; seed < 5_000_206; seed++)
            {
                var samples = Minute(kind, seed);
                var reference = Classify(samples, 100);
                foreach (var gains in gainSets)
                {
                    var scaled = samples.Select((v, i) => v * gains[i / 6000]).ToArray();
                    var p = Classify(scaled, 100);
                    if (p.MostLikely != reference.MostLikely)
                    {
                        failures.Add($"{kind} seed {seed} gains ({string.Join(", ", gains)}): {Describe(reference)} -> {Describe(p)}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Trait("Category", "ModelRobustness")]
    [ModelRobustnessFact]
    public void A_minute_with_a_one_sample_spike_and_no_event_stays_noise() => GlitchStaysNoise("spike");

    [Trait("Category", "ModelRobustness")]
    [ModelRobustnessFact]
    public void A_minute_with_a_step_and_no_event_stays_noise() => GlitchStaysNoise("step");

    [Fact]
    public void A_minute_with_a_telemetry_dropout_and_no_event_stays_noise() => GlitchStaysNoise("dropout");

    private static void GlitchStaysNoise(string glitch)
    {
        for (ulong seed = 5_000_300; seed < 5_000_304; seed++)
        {
            var samples = QuietNoise(seed);
            var rms = Math.Sqrt(samples.Take(6000).Average(v => v * v));
            var at = 2000 + (int)(seed % 4 * 700);
            for (var c = 0; c < 3; c++)
            {
                var component = samples.AsSpan(c * 6000, 6000);
                switch (glitch)
                {
                    case "spike":
                        component[at] += 50 * rms;       // one sample, as a telemetry bit error
                        break;
                    case "step":
                        component.Slice(at).ToArray().Select(v => v + (20 * rms)).ToArray().CopyTo(component.Slice(at));   // an offset jump (mass re-centring)
                        break;
                    default:
                        component.Slice(at, 200).Clear();   // 2 s of zeros from a telemetry drop-out
                        break;
                }
            }
            var p = Classify(samples, 100);
            Assert.True(p.MostLikely == DietClass.Noise, $"{glitch}, seed {seed}: {Describe(p)}");
        }
    }

    [Fact]
    public void A_strong_microseism_under_noise_stays_noise_with_the_high_pass()
    {
        // Microseism 1000x the floor's RMS (the ocean-bottom case of issue 21: 30-300x the 2-20 Hz floor and more).
        for (ulong seed = 5_000_400; seed < 5_000_406; seed++)
        {
            var p = Classify(QuietNoise(seed, microseismRatio: 1000), 100);
            Assert.True(p.MostLikely == DietClass.Noise, $"seed {seed}: {Describe(p)}");
        }
    }

    [Fact]
    public void The_readme_examples_still_hold()
    {
        var result = Model.Value.PredictBatch(DietModelTests.ReadmeExample());
        Assert.Equal(DietClass.Tremor, result[0].MostLikely);
        Assert.Equal(DietClass.Noise, result[1].MostLikely);
        // The Waveforms example of the README: a synthetic tremor minute at 100 Hz (ShowSpectrogram) is tremor.
        Assert.Equal(DietClass.Tremor, Classify(Minute(DietClass.Tremor, 1), 100).MostLikely);
    }
}
