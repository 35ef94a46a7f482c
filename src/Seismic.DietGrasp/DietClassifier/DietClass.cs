namespace Seismic.DietGrasp.DietClassifier;

/// <summary>The three DiET classes, numbered in the model's output order (earthquake, tremor, noise).</summary>
public enum DietClass
{
    /// <summary>A local or regional earthquake (output column 0).</summary>
    Earthquake = 0,

    /// <summary>Tectonic tremor (output column 1).</summary>
    Tremor = 1,

    /// <summary>Background noise, including spikes and glitches (output column 2).</summary>
    Noise = 2,
}
