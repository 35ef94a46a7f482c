using Seismic.DietGrasp.DietClassifier;

namespace Seismic.DietGrasp.Processing;

/// <summary>What <see cref="StationClassifier"/> gives for one station: the DiET probabilities of each clock-aligned minute, and why minutes are empty.</summary>
public sealed class StationProbabilities
{
    internal StationProbabilities(string station, IReadOnlyList<DateTime> minutes, IReadOnlyList<DietProbabilities?> probabilities, IReadOnlyList<RunWarning> warnings)
    {
        Station = station;
        Minutes = minutes;
        Probabilities = probabilities;
        Warnings = warnings;
        ClassifiedMinutes = probabilities.Count(p => p is not null);
    }

    /// <summary>The station (<see cref="Waveforms.ChannelId.StationKey"/> of the components).</summary>
    public string Station { get; }

    /// <summary>The start of each minute (UTC, whole minutes, consecutive); minute m covers [m, m + 60 s).</summary>
    public IReadOnlyList<DateTime> Minutes { get; }

    /// <summary>
    /// The probabilities of each minute of <see cref="Minutes"/>, or <see langword="null"/> where the minute was not
    /// classified (a gap, a NaN or infinite sample, a dead component, components at different rates: see <see cref="Warnings"/>).
    /// </summary>
    public IReadOnlyList<DietProbabilities?> Probabilities { get; }

    /// <summary>How many minutes were classified.</summary>
    public int ClassifiedMinutes { get; }

    /// <summary>Why minutes are empty, as <see cref="ContinuousProcessing.Run"/> reports them.</summary>
    public IReadOnlyList<RunWarning> Warnings { get; }
}
