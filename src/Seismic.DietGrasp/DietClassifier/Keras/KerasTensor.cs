namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>One weight array read from a Keras file: float32 values in row-major order and their shape.</summary>
internal sealed class KerasTensor
{
    public KerasTensor(string name, int[] shape, float[] values)
    {
        Name = name;
        Shape = shape;
        Values = values;
    }

    /// <summary>The weight's name in the file (e.g. <c>conv2d_1/kernel:0</c> or <c>vars/0</c>).</summary>
    public string Name { get; }

    public int[] Shape { get; }

    public float[] Values { get; }
}
