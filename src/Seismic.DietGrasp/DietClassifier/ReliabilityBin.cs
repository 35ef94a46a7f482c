namespace Seismic.DietGrasp.DietClassifier;

/// <summary>One bin of a reliability diagram: the minutes whose probability fell in [<paramref name="Lower"/>, <paramref name="Upper"/>).</summary>
/// <param name="Lower">The bin's lower edge (included).</param>
/// <param name="Upper">The bin's upper edge (excluded; the last bin includes 1).</param>
/// <param name="Count">Minutes in the bin.</param>
/// <param name="MeanProbability">Their mean probability (NaN when the bin is empty).</param>
/// <param name="ObservedFrequency">The fraction of them that were the class, or were right (NaN when empty).</param>
public readonly record struct ReliabilityBin(double Lower, double Upper, int Count, double MeanProbability, double ObservedFrequency);
