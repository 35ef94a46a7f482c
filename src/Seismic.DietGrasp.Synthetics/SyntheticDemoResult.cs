using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>What <see cref="SyntheticDemo.Run"/> made and found.</summary>
public sealed class SyntheticDemoResult
{
    internal SyntheticDemoResult(ContinuousScenario scenario, RunResult run, TremorScore score, TimeSpan generationTime, TimeSpan processingTime)
    {
        Scenario = scenario;
        Run = run;
        Score = score;
        GenerationTime = generationTime;
        ProcessingTime = processingTime;
    }

    /// <summary>The scenario (its injected events are the answer).</summary>
    public ContinuousScenario Scenario { get; }

    /// <summary>The result of the run on the scenario's files.</summary>
    public RunResult Run { get; }

    /// <summary>The catalogue scored against the injected tremor episodes.</summary>
    public TremorScore Score { get; }

    /// <summary>Time spent making and writing the scenario.</summary>
    public TimeSpan GenerationTime { get; }

    /// <summary>Time spent in the run.</summary>
    public TimeSpan ProcessingTime { get; }
}
