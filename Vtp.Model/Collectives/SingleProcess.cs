// The default process group: a job of one.
using static TorchSharp.torch;

namespace Vtp.Collectives;

/// <summary>A job of one process: every collective leaves its tensor as it is (the mean of one is itself).</summary>
public sealed class SingleProcess : ICollectives
{
    /// <summary>The one instance; it holds nothing, so disposing it does nothing.</summary>
    public static SingleProcess Instance { get; } = new();

    private SingleProcess() { }

    /// <inheritdoc/>
    public int Rank => 0;

    /// <inheritdoc/>
    public int WorldSize => 1;

    /// <inheritdoc/>
    public void AllReduce(Tensor tensor, ReduceOp op = ReduceOp.Sum) { }

    /// <inheritdoc/>
    public void Broadcast(Tensor tensor, int root) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(root, 0);

    /// <inheritdoc/>
    public Tensor AllGather(Tensor tensor) => tensor.detach().clone();

    /// <inheritdoc/>
    public void Barrier() { }

    /// <inheritdoc/>
    public void Dispose() { }
}
