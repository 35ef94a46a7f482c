namespace Seismic.DietGrasp.DietClassifier;

/// <summary>
/// How a <see cref="DietModel"/> runs. The defaults suit a monitoring pipeline: a batch is cut into
/// runs of at most 16 spectrograms that execute side by side, one per processor, each on one thread
/// (on this tiny network that beats splitting every layer across threads); threads sleep when idle
/// (ONNX Runtime's spinning is turned off, so a loaded but idle model costs no CPU); full graph optimisation.
/// </summary>
public sealed record DietModelOptions
{
    /// <summary>The defaults.</summary>
    public static DietModelOptions Default { get; } = new();

    /// <summary>
    /// How many runs of one batch may execute at once. 0 (the default) allows one per processor; 1 runs
    /// them one after another on the calling thread, which is best when many threads call Predict at once
    /// (one per station, say).
    /// </summary>
    public int BatchParallelism { get; init; }

    /// <summary>
    /// Threads one run may use inside an operator (ONNX Runtime's intra-op pool). 1 by default; 0 lets
    /// ONNX Runtime choose (one per physical core), which can help a single-threaded caller with a
    /// large network, not this one.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

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

    /// <summary>Checks the values (<see cref="DietModel"/> calls it when loading).</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="InvalidParameterException">A count is negative.</exception>
    public DietModelOptions Validate()
    {
        if (BatchParallelism < 0)
        {
            throw new InvalidParameterException(nameof(BatchParallelism), $"must be 0 (one per processor) or positive, got {BatchParallelism}");
        }
        if (IntraOpThreads < 0)
        {
            throw new InvalidParameterException(nameof(IntraOpThreads), $"must be 0 (automatic) or positive, got {IntraOpThreads}");
        }
        if (InterOpThreads < 0)
        {
            throw new InvalidParameterException(nameof(InterOpThreads), $"must be 0 (automatic) or positive, got {InterOpThreads}");
        }
        return this;
    }
}
