// The seam between training and whatever moves tensors between processes.
using static TorchSharp.torch;

namespace Vtp.Collectives;

/// <summary>
/// The collectives data-parallel training needs, over one process per rank. Every rank calls each collective in the
/// same order with tensors of the same shape and dtype; the calls block until all ranks have taken part, and a failure
/// (a peer that died or fell silent past the timeout) throws on every rank that can still see it.
/// <see cref="SingleProcess"/> is the one-process implementation; Vtp.Distributed plugs in Gloo (CPU) and NCCL (CUDA).
/// Tensors are changed in place and must be contiguous; use one instance from one thread at a time.
/// </summary>
public interface ICollectives : IDisposable
{
    /// <summary>This process's rank, 0 to <see cref="WorldSize"/> - 1.</summary>
    int Rank { get; }

    /// <summary>The number of processes.</summary>
    int WorldSize { get; }

    /// <summary>Combines <paramref name="tensor"/> over all ranks with <paramref name="op"/>, in place on every rank.</summary>
    void AllReduce(Tensor tensor, ReduceOp op = ReduceOp.Sum);

    /// <summary>Copies rank <paramref name="root"/>'s <paramref name="tensor"/> into every rank's tensor, in place.</summary>
    void Broadcast(Tensor tensor, int root);

    /// <summary>Every rank's <paramref name="tensor"/> [B, ...] concatenated along dim 0 in rank order: [WorldSize x B, ...].
    /// Not differentiable: see <see cref="AllGatherWithGradient"/>.</summary>
    Tensor AllGather(Tensor tensor);

    /// <summary>Blocks until every rank has reached this barrier.</summary>
    void Barrier();
}
