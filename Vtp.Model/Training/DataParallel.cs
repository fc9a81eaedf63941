// The data-parallel side of a training run, PyTorch DDP's recipe over an ICollectives (a job of one by default): one
// process per rank, identical start, gradients averaged after the last micro-batch's backward, an agreed stop,
// averaged losses.
using TorchSharp;
using Vtp.Collectives;
using static TorchSharp.torch;

namespace Vtp.Training;

internal sealed class DataParallel : IDisposable
{
    private readonly ICollectives group;
    private readonly GradientBuckets? gradients;

    public DataParallel(ICollectives group, nn.Module model, bool gatherNegatives)
    {
        this.group = group;
        if (group.WorldSize == 1) return;
        CheckSameModel(model);
        using (no_grad())
            foreach (var tensor in model.parameters().Cast<Tensor>().Concat(model.buffers())) group.Broadcast(tensor, 0);
        gradients = new GradientBuckets(group, model.parameters());
        if (gatherNegatives) Gather = local => AllGatherWithGradient.Apply(group, local);
    }

    public int Rank => group.Rank;

    public int WorldSize => group.WorldSize;

    /// <summary>The all-gather (with gradient) that gives contrastive losses every rank's batch, or null (official:
    /// per-rank negatives, and always in a job of one).</summary>
    public Func<Tensor, Tensor>? Gather { get; }

    /// <summary>Backward of one micro-batch; the last one of a step averages the accumulated gradients over the ranks.</summary>
    public void Backward(Tensor loss, bool lastMicroBatch)
    {
        loss.backward();
        AllGatherWithGradient.ThrowIfBackwardFailed();
        if (lastMicroBatch) gradients?.Average();
    }

    /// <summary>Checks that every rank starts from the same step (a resumed run needs the checkpoint folder on every machine).</summary>
    /// <exception cref="InvalidOperationException">A rank starts elsewhere than another.</exception>
    public void CheckSameStart(TrainingPosition position)
    {
        var (lowest, highest) = Range(position.Step);
        if (highest != lowest)
            throw new InvalidOperationException(
                $"The ranks start from different steps ({lowest} to {highest}; rank {Rank} from {position.Step}): every rank must see the " +
                "same checkpoint folder (a shared file system), or start over with Resume off.");
    }

    /// <summary>
    /// One small all-reduce after each step: the losses averaged over the ranks, and whether any rank was asked to stop
    /// (so that all stop after the same step).
    /// </summary>
    public (Dictionary<string, double> Losses, bool Stop) Agree(Dictionary<string, double> losses, bool stopRequested)
    {
        if (WorldSize == 1) return (losses, stopRequested);
        var names = losses.Keys.ToList();
        using var values = tensor(names.Select(n => losses[n]).Prepend(stopRequested ? 1.0 : 0.0).ToArray());
        group.AllReduce(values);
        var summed = values.data<double>().ToArray();
        return (names.Select((n, i) => (n, summed[i + 1] / WorldSize)).ToDictionary(p => p.n, p => p.Item2), summed[0] > 0);
    }

    public void Dispose() => gradients?.Dispose();

    // Gloo would mix tensors of different sizes silently or fail obscurely: compare a fingerprint of every parameter's
    // name and shape first, so that every rank refuses a different model with the same message.
    private void CheckSameModel(nn.Module model)
    {
        var fingerprint = model.named_parameters().Aggregate(17L, (hash, p) =>
            p.parameter.shape.Aggregate(hash * 31 + StableHash(p.name), (h, d) => h * 31 + d)) & long.MaxValue;
        var (lowest, highest) = Range(fingerprint);
        if (lowest != highest)
            throw new InvalidOperationException(
                $"The ranks hold different models (parameter names or shapes differ; rank {Rank} of {WorldSize}): every rank must build " +
                "the same configuration.");
    }

    private (long Lowest, long Highest) Range(long value)
    {
        using var both = tensor(new[] { value, -value });
        group.AllReduce(both, ReduceOp.Max);                                           // [max, -min]
        var result = both.data<long>().ToArray();
        return (-result[1], result[0]);
    }

    private static long StableHash(string text) => text.Aggregate(1469598103934665603L, (h, c) => (h ^ c) * 1099511628211L);
}
