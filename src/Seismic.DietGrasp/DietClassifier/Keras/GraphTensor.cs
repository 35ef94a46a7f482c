namespace Seismic.DietGrasp.DietClassifier.Keras;

/// <summary>
/// A tensor of the ONNX graph under construction. <see cref="Shape"/> is the Keras (channels-last)
/// shape; <see cref="Layout"/> says how the ONNX tensor's axes are ordered: physical axis i holds
/// Keras axis Layout[i]. Convolutions and pooling run channels-first in ONNX, so a chain of them keeps
/// the channels-first layout and transposes back only where a layer needs the Keras order (Flatten,
/// Dense, Reshape, ...): one transpose at each end, as an export from PyTorch has.
/// </summary>
internal sealed class GraphTensor
{
    public GraphTensor(string name, int?[] shape, int[] layout)
    {
        Name = name;
        Shape = shape;
        Layout = layout;
    }

    public string Name { get; }

    public int?[] Shape { get; }

    public int[] Layout { get; }

    public int Rank => Shape.Length;

    public bool IsKerasOrder => Layout.Select((axis, i) => axis == i).All(same => same);

    public static int[] KerasOrder(int rank) => Enumerable.Range(0, rank).ToArray();

    /// <summary>[0, last, 1, ..., last - 1]: batch, channels, spatial axes.</summary>
    public static int[] ChannelsFirst(int rank) =>
        new[] { 0, rank - 1 }.Concat(Enumerable.Range(1, rank - 2)).ToArray();

    /// <summary>The ONNX axis that holds Keras axis <paramref name="kerasAxis"/> (negative counts from the end).</summary>
    public int PhysicalAxis(int kerasAxis)
    {
        var axis = kerasAxis < 0 ? kerasAxis + Rank : kerasAxis;
        return Array.IndexOf(Layout, axis);
    }

    public GraphTensor With(string name, int?[] shape) => new(name, shape, Layout);
}
