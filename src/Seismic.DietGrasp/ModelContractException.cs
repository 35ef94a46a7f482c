namespace Seismic.DietGrasp;

/// <summary>An ONNX model that cannot be loaded or does not fit the DiET contract [N, 73, 71, 3] -> [N, 3].</summary>
public sealed class ModelContractException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the model has and what DiET expects.</param>
    /// <param name="innerException">The low-level cause, if any.</param>
    public ModelContractException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
