namespace Seismic.DietGrasp.DietClassifier;

/// <summary>One point of a precision-recall curve: calling the class whenever its probability is at least <paramref name="Threshold"/>.</summary>
/// <param name="Threshold">The probability threshold (one of the probabilities seen).</param>
/// <param name="Precision">The fraction of minutes called the class that were it.</param>
/// <param name="Recall">The fraction of the class's minutes called it.</param>
public readonly record struct PrecisionRecallPoint(double Threshold, double Precision, double Recall);
