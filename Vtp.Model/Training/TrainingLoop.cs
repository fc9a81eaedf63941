// The optimisation loop shared by pretraining and fine-tuning: batches from the video loader, gradient accumulation,
// the official schedule and AdamW, clipping, progress, cancellation, checkpoints and exact resumption, in one process
// or data-parallel over several (DataParallel over TrainingOptions.Collectives).
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using Vtp.Data;
using Vtp.Collectives;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Training;

/// <summary>The loss of one micro-batch: the tensor to differentiate and its named parts (as numbers).</summary>
public sealed record StepLoss(Tensor Loss, IReadOnlyDictionary<string, double> Parts);

/// <summary>Computes the loss of one micro-batch.</summary>
public delegate StepLoss MicroBatchLoss(MicroBatch batch);

/// <summary>What a finished run reports.</summary>
/// <param name="Steps">Optimizer steps done in all (those before a resumption included).</param>
/// <param name="TotalSteps">Steps the run was to make.</param>
/// <param name="ResumedFromStep">The step the run continued from (its checkpoint's), or 0 for a fresh run.</param>
/// <param name="Last">The last step's report (null when no step ran in this process).</param>
/// <param name="Checkpoint">The last checkpoint folder written, or null.</param>
/// <param name="Skipped">Unreadable videos left out (with <see cref="BadSamplePolicy.SkipAndReport"/>).</param>
public sealed record TrainingRun(long Steps, long TotalSteps, long ResumedFromStep, TrainingProgress? Last, string? Checkpoint,
    IReadOnlyList<SkippedSample> Skipped);

internal sealed class TrainingLoop(
    nn.Module model, TrainingOptions options, IReadOnlyList<VideoTextSample> samples, ClipSamplingOptions sampling, string phase)
{
    private readonly int clipsPerStep = options.BatchSize * options.AccumulationSteps;
    private readonly int worldSize = options.WorldSize;

    /// <summary>Optimizer steps in one epoch (<see cref="TrainingOptions.StepsPerEpoch"/>).</summary>
    public long StepsPerEpoch => options.StepsPerEpoch(samples.Count);

    public TrainingRun Run(MicroBatchLoss loss, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        if (StepsPerEpoch == 0)
            throw new ArgumentException($"{phase} needs at least BatchSize x AccumulationSteps x processes = {clipsPerStep * worldSize} samples, " +
                $"got {samples.Count}.");
        var totalSteps = Math.Min(options.MaxSteps ?? long.MaxValue, StepsPerEpoch * options.Epochs);
        var totalBatch = clipsPerStep * worldSize;
        var schedule = new LearningRateSchedule(LearningRateSchedule.Scaled(options.BaseLearningRate, totalBatch),
            LearningRateSchedule.Scaled(options.BaseMinLearningRate, totalBatch), (long)Math.Round(options.WarmupFraction * totalSteps), totalSteps);
        var device = TrainingDevices.Prepare(model, options.Device);
        using var parallel = new DataParallel(options.Collectives ?? SingleProcess.Instance, model, options.GatherNegatives);
        using var optimizer = optim.AdamW(ParameterGroups.For(model, options.WeightDecay), lr: schedule.At(0),
            beta1: options.Beta1, beta2: options.Beta2, eps: options.Epsilon);
        var leader = parallel.Rank == 0;
        var store = options.CheckpointDirectory is { } dir ? new CheckpointStore(dir, options.KeepCheckpoints) : null;
        var position = Start(store, optimizer, totalSteps);
        parallel.CheckSameStart(position);
        var loader = new VideoLoader(samples, new VideoLoaderOptions
        {
            Workers = options.DecodeWorkers, Capacity = Math.Max(2 * options.BatchSize, options.DecodeWorkers), Shuffle = true,
            Seed = options.Seed, BadSamples = options.BadSamples, Sampling = sampling, ReuseClips = options.ReuseClips,
            Shard = parallel.WorldSize == 1 ? null : new DataShard(parallel.Rank, parallel.WorldSize),
        });
        // Ranks stop together: a data-parallel run checks the token only between steps, through DataParallel.Agree.
        var loaderToken = parallel.WorldSize == 1 ? cancellationToken : CancellationToken.None;
        var clock = Stopwatch.StartNew();
        long clipsSeen = 0, stepsAtStart = position.Step;
        TrainingProgress? last = null;
        string? checkpoint = null;
        model.train();
        try
        {
            while (position.Step < totalSteps && position.Epoch < options.Epochs)
            {
                var batch = new List<LoadedClip>(clipsPerStep);
                foreach (var clip in loader.ReadEpoch(position.Epoch, loaderToken, position.EpochPosition))
                {
                    batch.Add(clip);
                    if (batch.Count < clipsPerStep) continue;
                    var losses = Step(batch, position, loss, optimizer, schedule.At(position.Step), device, parallel, loaderToken);
                    clipsSeen += batch.Count * worldSize;
                    position = position with { Step = position.Step + 1, EpochPosition = clip.Position + 1 };
                    batch.Clear();
                    (losses, var stop) = parallel.Agree(losses, cancellationToken.IsCancellationRequested && parallel.WorldSize > 1);
                    last = Report(progress, position, losses, schedule.At(position.Step - 1), clipsSeen, clock.Elapsed, stepsAtStart, totalSteps);
                    if (stop) throw new OperationCanceledException(cancellationToken);
                    if (leader && store != null && options.CheckpointEverySteps > 0 && position.Step % options.CheckpointEverySteps == 0)
                        checkpoint = store.Save(model, optimizer, position);
                    if (position.Step >= totalSteps) break;
                }
                if (position.Step < totalSteps) position = position with { Epoch = position.Epoch + 1, EpochPosition = 0 };
            }
        }
        catch (OperationCanceledException) when (store != null && leader)
        {
            store.Save(model, optimizer, position);
            throw;
        }
        if (store != null && leader) checkpoint = store.Save(model, optimizer, position);
        model.eval();
        return new TrainingRun(position.Step, totalSteps, stepsAtStart, last, checkpoint, loader.Skipped);
    }

    private TrainingPosition Start(CheckpointStore? store, AdamW optimizer, long totalSteps)
    {
        var fresh = new TrainingPosition(0, 0, 0, options.Seed, totalSteps);
        if (store == null || !options.Resume || store.Latest() is not { } folder) return fresh;
        var saved = CheckpointStore.Restore(folder, model, optimizer);
        if (saved.Seed != options.Seed || saved.TotalSteps != totalSteps)
            throw new InvalidOperationException(
                $"{folder} was written by a run with seed {saved.Seed} and {saved.TotalSteps} steps; this run has seed {options.Seed} and " +
                $"{totalSteps} steps. Resume with the same options, or use another checkpoint folder.");
        return saved;
    }

    private Dictionary<string, double> Step(List<LoadedClip> clips, TrainingPosition position, MicroBatchLoss loss, AdamW optimizer, double lr,
        Device device, DataParallel parallel, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<string, double>();
        for (int micro = 0; micro < options.AccumulationSteps; micro++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seed = SeedMixer.Mix(options.Seed, (int)position.Step, micro, parallel.Rank);
            manual_seed(seed);  // dropout of this micro-batch (each rank its own, as the official seed + rank)
            using var scope = NewDisposeScope();
            var part = clips.GetRange(micro * options.BatchSize, options.BatchSize);
            var result = loss(new MicroBatch(part, device, options.Seed, position.Epoch, new Random(seed), parallel.Gather));
            parallel.Backward(result.Loss / options.AccumulationSteps, lastMicroBatch: micro == options.AccumulationSteps - 1);
            foreach (var (name, value) in result.Parts) sums[name] = sums.GetValueOrDefault(name) + value / options.AccumulationSteps;
        }
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
        if (options.ClipGradNorm is { } max) nn.utils.clip_grad_norm_(model.parameters(), max);
        optimizer.step();
        optimizer.zero_grad();
        return sums;
    }

    private TrainingProgress Report(IProgress<TrainingProgress>? progress, TrainingPosition position, Dictionary<string, double> losses,
        double lr, long clipsSeen, TimeSpan elapsed, long stepsAtStart, long totalSteps)
    {
        var done = position.Step - stepsAtStart;
        var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / Math.Max(done, 1) * (totalSteps - position.Step));
        var report = new TrainingProgress(phase, position.Step, totalSteps, position.Epoch, losses, lr,
            clipsSeen / Math.Max(elapsed.TotalSeconds, 1e-9), elapsed, remaining);
        progress?.Report(report);
        return report;
    }
}
