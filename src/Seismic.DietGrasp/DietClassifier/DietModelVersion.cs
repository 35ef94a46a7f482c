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
    /// <c>diet-standin-v4.onnx</c>: v3's data and augmentation on v2's network width, trained twice as long
    /// (20 epochs): v3's accuracy at half its multiply-adds; the same contract and calibration as v2. The
    /// default until v6; kept for comparison. It calls most minutes of daytime town noise tremor or earthquake.
    /// </summary>
    StandInV4 = 4,

    /// <summary>
    /// <c>diet-standin-v5.onnx</c>: v4's recipe and network with real town noise from public ambient-noise
    /// surveys (Mexico City, West Java, Banda Aceh, a Taiwanese MEMS station) in the training noise and
    /// weight averaging; the same contract, calibration and cost as v4. Never the default: one synthetic
    /// noise minute of the robustness tests gets a different class at 100 Hz than at 50, 128 and 200 Hz,
    /// and it lost 2.3 points of real earthquake recall; kept for comparison (onnx/README.md).
    /// </summary>
    StandInV5 = 5,

    /// <summary>
    /// <c>diet-standin-v6.onnx</c>: v5's recipe with three times v1's minutes through the pipeline at
    /// 50-200 Hz (6,000 a class) and the real records drawn twice as often; the same network, contract,
    /// calibration and cost as v4. The default until v8; kept for comparison. It calls 8 of 106 minutes of
    /// town noise it never saw earthquake or tremor (onnx/README.md).
    /// </summary>
    StandInV6 = 6,

    /// <summary>
    /// <c>diet-standin-v8.onnx</c> (the default): v6's recipe with three more real town noise records in
    /// training and a loss that asks the same minute at 50, 100, 128 and 200 Hz for the same probabilities;
    /// the same network, contract, calibration and cost as v4. A quarter of v6's false alarms on town noise
    /// it never saw (2 of 106 minutes, no tremor call), no false alarm on the real noise validation minutes,
    /// v6's real earthquake recall, and every robustness test passed (onnx/README.md). There is no bundled
    /// v7: that run failed the rule for the default and was not kept.
    /// </summary>
    StandInV8 = 8,
}
