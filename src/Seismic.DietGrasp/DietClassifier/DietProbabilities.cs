namespace Seismic.DietGrasp.DietClassifier;

/// <summary>The DiET output for one station-minute: softmax probabilities of the three classes (they sum to 1).</summary>
/// <param name="Earthquake">Probability of an earthquake (output column 0).</param>
/// <param name="Tremor">Probability of tremor (output column 1).</param>
/// <param name="Noise">Probability of noise (output column 2).</param>
public readonly record struct DietProbabilities(float Earthquake, float Tremor, float Noise)
{
    /// <summary>The probability of one class.</summary>
    /// <param name="kind">The class.</param>
    /// <returns>Its probability.</returns>
    public float this[DietClass kind] => kind switch
    {
        DietClass.Earthquake => Earthquake,
        DietClass.Tremor => Tremor,
        DietClass.Noise => Noise,
        _ => throw new InvalidParameterException(nameof(kind), $"unknown class {kind}"),
    };

    /// <summary>The most probable class (ties go to the earlier class in output order).</summary>
    public DietClass MostLikely =>
        Earthquake >= Tremor && Earthquake >= Noise ? DietClass.Earthquake
        : Tremor >= Noise ? DietClass.Tremor
        : DietClass.Noise;
}
