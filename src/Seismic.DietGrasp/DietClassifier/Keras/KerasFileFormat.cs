namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>Which of the Keras file kinds a <see cref="KerasModel"/> was read from.</summary>
public enum KerasFileFormat
{
    /// <summary>A Keras 2 / tf.keras <c>.h5</c>: HDF5 with a <c>model_config</c> attribute and a <c>model_weights</c> group.</summary>
    Keras2Hdf5,

    /// <summary>A Keras 3 <c>.keras</c>: a zip with <c>config.json</c> and <c>model.weights.h5</c>.</summary>
    Keras3Archive,

    /// <summary>A weights-only <c>.h5</c> (Keras 2 <c>save_weights</c> or Keras 3 <c>.weights.h5</c>) with the architecture as JSON.</summary>
    WeightsWithConfig,
}
