using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Processing;

/// <summary>One day's three probability tables and the warnings of its data.</summary>
internal sealed record DayResult(ProbabilityTable Earthquake, ProbabilityTable Tremor, ProbabilityTable Noise, IReadOnlyList<RunWarning> Warnings);
