using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>What the run pictures are drawn from, whether a run just returned it or an output folder's files held it.</summary>
internal sealed class RunPictureSource
{
    public RunPictureSource(StationNetwork stations, ProbabilityTable tremor, IReadOnlyList<StationGroup> groups, IReadOnlyList<TremorEpisode> catalogue, StationMinuteSpectrogram? strongest, DateTime start, DateTime end)
    {
        Stations = stations;
        Tremor = tremor;
        Groups = groups;
        Catalogue = catalogue;
        Strongest = strongest;
        Start = start;
        End = end;
    }

    public StationNetwork Stations { get; }

    public ProbabilityTable Tremor { get; }

    public IReadOnlyList<StationGroup> Groups { get; }

    public IReadOnlyList<TremorEpisode> Catalogue { get; }

    public StationMinuteSpectrogram? Strongest { get; }

    public DateTime Start { get; }

    public DateTime End { get; }
}
