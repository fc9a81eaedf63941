using TorchSharp;
using Vtp.Distributed.Native;
using static TorchSharp.torch;

namespace Vtp.Distributed;

/// <summary>Differentiable collectives over a <see cref="ProcessGroup"/>.</summary>
public static class ProcessGroupAutograd
{
    /// <summary>
    /// All-gather with a gradient: returns every rank's <paramref name="local"/> [B, ...] concatenated along dim 0 in rank
    /// order, [WorldSize * B, ...]. Its backward sums the incoming gradient over all ranks and passes this rank its own
    /// rows. When every rank computes the same loss over the gathered batch (e.g. a contrastive loss with the other ranks'
    /// features as extra negatives) and parameter gradients are averaged by <see cref="GradientReducer"/>, each parameter
    /// gets exactly the single-process gradient of that loss over the whole batch. Every rank must run backward through
    /// it (the backward is a collective), and every rank must pass the same shape.
    /// </summary>
    /// <exception cref="DistributedException">The forward collective failed; a failure in backward surfaces from the backward call.</exception>
    public static Tensor AllGatherWithGradient(this ProcessGroup group, Tensor local)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(local);
        var handle = NativeMethods.vtp_dist_all_gather_with_gradient(group.Handle, local.Handle);
        return Tensor.UnsafeCreateTensor(group.Check(handle, "AllGatherWithGradient"));
    }
}
