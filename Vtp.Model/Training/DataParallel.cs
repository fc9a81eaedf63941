// The data-parallel side of a training run (PyTorch DDP's recipe on libtorch's c10d): one process per rank, identical
// start, gradients averaged in buckets during the last micro-batch's backward, an agreed stop, averaged losses.
using TorchSharp;
using Vtp.Distributed;
using static TorchSharp.torch;

namespace Vtp.Training;

internal sealed class DataParallel : IDisposable
{
    private readonly ProcessGroup group;
    private readonly GradientReducer reducer;
    private readonly bool gatherNegatives;

    private DataParallel(ProcessGroup group, nn.Module model, bool gatherNegatives)
    {
        this.group = group;
        this.gatherNegatives = gatherNegatives;
        try
        {
            GradientReducer.BroadcastParameters(group, model);
            reducer = new GradientReducer(group, model.parameters(), findUnusedParameters: true);          // official DDP setting
        }
        catch
        {
            group.Dispose();
            throw;
        }
    }

    /// <summary>Joins the job of <paramref name="options"/> (null when it names none) and gives every rank rank 0's weights.</summary>
    /// <exception cref="DistributedException">The rendezvous or the first broadcast failed.</exception>
    public static DataParallel? Join(TrainingOptions options, nn.Module model) =>
        options.Distributed is { } job ? new DataParallel(ProcessGroup.Join(job), model, options.GatherNegatives) : null;

    public int Rank => group.Rank;

    public int WorldSize => group.WorldSize;

    /// <summary>The all-gather (with gradient) that gives contrastive losses every rank's batch, or null (official:
    /// per-rank negatives).</summary>
    public Func<Tensor, Tensor>? Gather => gatherNegatives ? local => group.AllGatherWithGradient(local) : null;

    /// <summary>Backward of one micro-batch; the last one of a step averages the accumulated gradients over the ranks.</summary>
    public void Backward(Tensor loss, bool lastMicroBatch) => reducer.Backward(loss, synchronize: lastMicroBatch);

    /// <summary>Checks that every rank starts from the same step (a resumed run needs the checkpoint folder on every machine).</summary>
    /// <exception cref="InvalidOperationException">A rank starts elsewhere than rank 0.</exception>
    public void CheckSameStart(TrainingPosition position)
    {
        using var steps = tensor(new[] { (double)position.Step, -position.Step });
        group.AllReduce(steps, ReduceOp.Max);                                               // [max step, -min step]
        var (highest, lowest) = (steps[0].ToDouble(), -steps[1].ToDouble());
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
        var names = losses.Keys.ToList();
        using var values = tensor(names.Select(n => losses[n]).Prepend(stopRequested ? 1.0 : 0.0).ToArray());
        group.AllReduce(values);
        var summed = values.data<double>().ToArray();
        return (names.Select((n, i) => (n, summed[i + 1] / WorldSize)).ToDictionary(p => p.n, p => p.Item2), summed[0] > 0);
    }

    public void Dispose()
    {
        reducer.Dispose();
        group.Dispose();
    }
}
