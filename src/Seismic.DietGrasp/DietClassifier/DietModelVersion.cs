namespace Seismic.DietGrasp.DietClassifier;

/// <summary>The stand-in models bundled with the library (<see cref="DietModel.LoadBundled(DietModelVersion, DietModelOptions?)"/>); none is the published DiET.</summary>
public enum DietModelVersion
{
    /// <summary>
    /// <c>diet-standin-v1.onnx</c>: trained on the first synthetic generator only, on spectrograms of
    /// unfiltered minutes. Kept for comparison: it calls much real noise tremor.
    /// </summary>
    StandInV1 = 1,

    /// <summary>
    /// <c>diet-standin-v2.onnx</c>: trained on field-like synthetic noise, earthquakes and tremor and on
    /// real earthquakes and noise, for minutes high-passed at 1 Hz as the pipeline makes them, with
    /// temperature-calibrated probabilities. The default until v3; kept for comparison.
    /// </summary>
    StandInV2 = 2,

    /// <summary>
    /// <c>diet-standin-v3.onnx</c>: v2's data with 3.3 times the synthetic windows, v1's minutes through
    /// the pipeline at 50-200 Hz, per-component gains 0.25-4, and a network 1.5 times as wide (twice
    /// v2's multiply-adds); the same contract and calibration as v2. The default until v4; kept for
    /// comparison.
    /// </summary>
    StandInV3 = 3,

    /// <summary>
    /// <c>diet-standin-v4.onnx</c> (the default): v3's data and augmentation on v2's network width, trained
    /// twice as long (20 epochs): v3's accuracy at half its multiply-adds; the same contract and
    /// calibration as v2.
    /// </summary>
    StandInV4 = 4,
}
