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
    /// calibration as v2. It calls most minutes of daytime town noise tremor or earthquake: for surface
    /// stations in towns, see <see cref="StandInV5"/>.
    /// </summary>
    StandInV4 = 4,

    /// <summary>
    /// <c>diet-standin-v5.onnx</c>: v4's recipe and network with real town noise from public ambient-noise
    /// surveys (Mexico City, West Java, Banda Aceh, a Taiwanese MEMS station) in the training noise and
    /// weight averaging; the same contract, calibration and cost as v4. Far fewer false alarms on town
    /// noise; not the default yet, because one synthetic noise minute of the robustness tests gets a
    /// different class at 100 Hz than at 50, 128 and 200 Hz (onnx/README.md).
    /// </summary>
    StandInV5 = 5,
}
