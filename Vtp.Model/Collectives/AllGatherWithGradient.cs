// A differentiable all-gather: DDP recipes with negatives from every rank (gather-with-grad).
using static TorchSharp.torch;

namespace Vtp.Collectives;

/// <summary>All-gather with a gradient, as a TorchSharp custom autograd function.</summary>
public static class AllGatherWithGradient
{
    /// <summary>
    /// Every rank's <paramref name="local"/> [B, ...] concatenated along dim 0 in rank order, [WorldSize x B, ...], with a
    /// backward that sums the incoming gradient over all ranks and passes this rank its own rows. When every rank computes
    /// the same loss over the gathered batch (a contrastive loss with the other ranks' features as extra negatives) and
    /// the parameter gradients are averaged over the ranks, each parameter gets exactly the one-process gradient of that
    /// loss over the whole batch. Every rank must run backward through it: the backward is a collective. A collective
    /// that fails during backward cannot throw through libtorch's autograd engine: call
    /// <see cref="ThrowIfBackwardFailed"/> after backward.
    /// </summary>
    public static Tensor Apply(ICollectives group, Tensor local)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(local);
        return Function.apply(local, group);
    }

    [ThreadStatic] private static Exception? backwardFailure;

    /// <summary>Rethrows the failure of a backward all-reduce on this thread since the last call, if there was one.</summary>
    public static void ThrowIfBackwardFailed()
    {
        var failure = backwardFailure;
        backwardFailure = null;
        if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    private sealed class Function : autograd.SingleTensorFunction<Function>
    {
        public override string Name => nameof(AllGatherWithGradient);

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var (local, group) = ((Tensor)vars[0], (ICollectives)vars[1]);
            ctx.save_data("group", group);
            ctx.save_data("rows", local.shape[0]);
            using var contiguous = local.detach().contiguous();
            return group.AllGather(contiguous);                                         // [W x B, ...]
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
        {
            var (group, rows) = ((ICollectives)ctx.get_data("group"), (long)ctx.get_data("rows"));
            using var summed = gradOutput.contiguous().clone();                       // [W x B, ...]
            try
            {
                group.AllReduce(summed);                                              // the gradient of every rank's loss
            }
            catch (Exception e)                                                       // would end the process inside autograd
            {
                backwardFailure ??= e;
            }
            return [summed.narrow(0, group.Rank * rows, rows).clone(), null!];        // [B, ...]: this rank's rows; none for the group
        }
    }
}
