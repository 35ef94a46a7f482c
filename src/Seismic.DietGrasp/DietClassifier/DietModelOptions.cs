namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// How ONNX Runtime runs a <see cref="DietModel"/>. The defaults suit a monitoring pipeline:
/// a small thread pool whose threads sleep when idle (ONNX Runtime's spinning is turned off, so a
/// loaded but idle model costs no CPU), full graph optimisation.
/// </summary>
public sealed record DietModelOptions
{
    /// <summary>The defaults.</summary>
    public static DietModelOptions Default { get; } = new();

    /// <summary>
    /// Threads one prediction may use inside an operator (ONNX Runtime's intra-op pool). 0 lets
    /// ONNX Runtime choose (one per physical core). When many threads call Predict at once, 1 is usually best.
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// Threads for running independent graph branches at once (inter-op pool). 0 or 1 runs the graph's
    /// nodes one after another (right for DiET's single chain of layers); above 1 switches ONNX Runtime
    /// to its parallel executor, which only helps models with parallel branches.
    /// </summary>
    public int InterOpThreads { get; init; }

    /// <summary>
    /// Whether ONNX Runtime's pool threads spin (busy-wait) between work items
    /// (<c>session.intra_op.allow_spinning</c> and <c>session.inter_op.allow_spinning</c>). Off by default:
    /// spinning buys a little latency on small batches at the price of burning cores while idle.
    /// </summary>
    public bool AllowSpinning { get; init; }

    internal void Validate()
    {
        if (IntraOpThreads < 0)
        {
            throw new InvalidParameterException(nameof(IntraOpThreads), $"must be 0 (automatic) or positive, got {IntraOpThreads}");
        }
        if (InterOpThreads < 0)
        {
            throw new InvalidParameterException(nameof(InterOpThreads), $"must be 0 (automatic) or positive, got {InterOpThreads}");
        }
    }
}
