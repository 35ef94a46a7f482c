namespace Seismic.DietGrasp.DietClassifier;

/// <summary>The stand-in models bundled with the library (<see cref="DietModel.LoadBundled(DietModelVersion, DietModelOptions?)"/>); neither is the published DiET.</summary>
public enum DietModelVersion
{
    /// <summary>
    /// <c>diet-standin-v1.onnx</c>: trained on the first synthetic generator only, on spectrograms of
    /// unfiltered minutes. Kept for comparison: it calls much real noise tremor.
    /// </summary>
    StandInV1 = 1,

    /// <summary>
    /// <c>diet-standin-v2.onnx</c> (the default): trained on field-like synthetic noise, earthquakes and
    /// tremor and on real earthquakes and noise, for minutes high-passed at 1 Hz as the pipeline makes
    /// them, with temperature-calibrated probabilities.
    /// </summary>
    StandInV2 = 2,
}
