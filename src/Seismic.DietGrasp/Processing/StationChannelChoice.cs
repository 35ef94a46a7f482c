using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>The three-component set a run chose for one station, and why (<see cref="RunResult.ChannelChoices"/>, <see cref="RunLayout.ChannelChoiceFile"/>).</summary>
public sealed class StationChannelChoice
{
    internal StationChannelChoice(string station, ChannelSet? chosen, IReadOnlyList<ChannelSet> candidates, string reason)
    {
        Station = station;
        Chosen = chosen;
        Candidates = candidates;
        Reason = reason;
    }

    /// <summary>The station as the station file names it.</summary>
    public string Station { get; }

    /// <summary>The set used; <see langword="null"/> when the station has no complete set (its cells are empty).</summary>
    public ChannelSet? Chosen { get; }

    /// <summary>Every complete set the station has, best first.</summary>
    public IReadOnlyList<ChannelSet> Candidates { get; }

    /// <summary>Why this set (e.g. <c>velocity over acceleration (HN?)</c>), or why none.</summary>
    public string Reason { get; }

    /// <summary>One line for the log.</summary>
    /// <returns>E.g. <c>S01: SN.S01..HH? (HHE, HHN, HHZ; 100 Hz, velocity): the highest rate (over BH? at 20 Hz)</c>.</returns>
    public override string ToString() => $"{Station}: {(Chosen is null ? "none" : Chosen.ToString())}: {Reason}";
}
