using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>Simulated tremor and earthquake probability tables with the events that made them.</summary>
public sealed class SimulatedProbabilities
{
    internal SimulatedProbabilities(ProbabilityTable tremor, ProbabilityTable earthquake, IReadOnlyList<ScenarioEvent> events)
    {
        Tremor = tremor;
        Earthquake = earthquake;
        Events = events;
    }

    /// <summary>The tremor probabilities (<c>Probability_T.csv</c>).</summary>
    public ProbabilityTable Tremor { get; }

    /// <summary>The earthquake probabilities (<c>Probability_EQ.csv</c>).</summary>
    public ProbabilityTable Earthquake { get; }

    /// <summary>The injected events, by start time.</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; }
}
