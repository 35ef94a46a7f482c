using System.Collections.Concurrent;
using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// What classifying days needs, made once per process (<c>run</c> or <c>day</c>): the pre-processing (its filters
/// checked against every rate met, so a corner at or above a record's Nyquist frequency fails before hours of
/// work), the margin it reads beyond a window, the model and the spectrogram parameters per rate.
/// </summary>
internal sealed class ClassificationSetup : IDisposable
{
    public ClassificationSetup(RunOptions options, WaveformArchive archive, IReadOnlyList<StationChannels> matched)
    {
        Preprocessor = new RunPreprocessor(options.HighPass, options.EffectiveSpectrogramPrecision);
        var rates = matched.SelectMany(m => m.Channels).SelectMany(archive.GetSegments).Select(segment => segment.SamplingRate).Distinct().ToList();
        foreach (var rate in rates.Where(r => r >= SpectrogramParameters.MinimumSamplingRate))
        {
            Preprocessor.HighPass(rate);
        }
        Description = Preprocessor.Describe(rates);
        ReadMargin = Preprocessor.ReadMargin(rates);
        var modelOptions = new DietModelOptions { BatchParallelism = options.MaxDegreeOfParallelism > 1 ? 1 : 0, InterOpThreads = 1 };
        Model = options.ModelPath is null ? DietModel.LoadBundled(modelOptions) : DietModel.Load(options.ModelPath, modelOptions);
    }

    public RunPreprocessor Preprocessor { get; }

    /// <summary>The high-pass and the rates resampled, in words.</summary>
    public string Description { get; }

    /// <summary>How far beyond a day its minutes read (the files this reaches are the day's inputs too).</summary>
    public TimeSpan ReadMargin { get; }

    public DietModel Model { get; }

    public ConcurrentDictionary<double, SpectrogramParameters> Parameters { get; } = new();

    /// <summary>What the result says about the model (and whether it is the bundled stand-in).</summary>
    public string ModelDescription => Model.IsBundledStandIn
        ? $"{Model.Source} (a stand-in of our own, trained on synthetic and a few real records, not the published DiET weights)"
        : Model.Source;

    public void Dispose() => Model.Dispose();
}
