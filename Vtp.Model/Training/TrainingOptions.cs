// Options shared by pretraining and fine-tuning: optimisation, schedule, data loading, checkpoints.
using Vtp.Collectives;
using Vtp.Video;

namespace Vtp.Training;

/// <summary>
/// How a training run optimises and checkpoints. Learning rates are given for a total batch of 256 and scaled by
/// BatchSize x AccumulationSteps / 256, as the official scripts do. Defaults are the official pretraining recipe
/// (<see cref="Pretraining"/>); <see cref="FineTuning"/> holds the fine-tuning one.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Clips per forward pass (the official per-GPU batch: 16 in pretraining, 8 in fine-tuning).</summary>
    public int BatchSize { get; init; } = 16;
    /// <summary>Forward passes whose gradients are summed before each optimizer step (reaches large batches on a CPU).</summary>
    public int AccumulationSteps { get; init; } = 1;
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 1;
    /// <summary>Stop after this many optimizer steps (null: Epochs decide). The schedule spans the steps actually run.</summary>
    public long? MaxSteps { get; init; }
    /// <summary>Peak learning rate for a total batch of 256 (official pretraining: 1.5e-4).</summary>
    public double BaseLearningRate { get; init; } = 1.5e-4;
    /// <summary>Final learning rate for a total batch of 256 (official pretraining: 1e-5).</summary>
    public double BaseMinLearningRate { get; init; } = 1e-5;
    /// <summary>Share of the steps spent warming up linearly from 0 (official pretraining: 40 of 200 epochs).</summary>
    public double WarmupFraction { get; init; } = 0.2;
    /// <summary>AdamW decoupled weight decay, not applied to biases, norms and tokens (official: 0.05).</summary>
    public double WeightDecay { get; init; } = 0.05;
    /// <summary>AdamW beta1.</summary>
    public double Beta1 { get; init; } = 0.9;
    /// <summary>AdamW beta2 (official pretraining 0.95, fine-tuning 0.999).</summary>
    public double Beta2 { get; init; } = 0.95;
    /// <summary>AdamW epsilon.</summary>
    public double Epsilon { get; init; } = 1e-8;
    /// <summary>Clip the global gradient 2-norm to this value (null: no clipping, as official).</summary>
    public double? ClipGradNorm { get; init; }
    /// <summary>Seed of every random choice: data order, crops, frame offsets, masks, negatives, dropout.</summary>
    public int Seed { get; init; }
    /// <summary>Device the model trains on: "cpu" (default) or "cuda" / "cuda:N" when the loaded libtorch has CUDA.</summary>
    public string Device { get; init; } = "cpu";
    /// <summary>Video decoding threads, each running one ffmpeg at a time, overlapping decoding with compute.</summary>
    public int DecodeWorkers { get; init; } = 2;
    /// <summary>Decode each video once and reuse its clip in later epochs (see <see cref="VideoLoaderOptions.ReuseClips"/>).
    /// Off by default: the official recipe draws new frame offsets and crops every epoch.</summary>
    public bool ReuseClips { get; init; }
    /// <summary>What to do with unreadable videos: fail (default) or skip and report.</summary>
    public BadSamplePolicy BadSamples { get; init; } = BadSamplePolicy.Fail;
    /// <summary>Folder of the checkpoints (null: none are written).</summary>
    public string? CheckpointDirectory { get; init; }
    /// <summary>Write a checkpoint every this many steps (0: only at the end and on cancellation).</summary>
    public int CheckpointEverySteps { get; init; }
    /// <summary>Checkpoints kept in the folder.</summary>
    public int KeepCheckpoints { get; init; } = 2;
    /// <summary>Continue from the newest checkpoint in <see cref="CheckpointDirectory"/> when there is one.</summary>
    public bool Resume { get; init; } = true;
    /// <summary>
    /// Train data-parallel as one rank of these collectives (null: one process). Each rank reads an equal part of the
    /// data, gradients are averaged across ranks (PyTorch DDP's recipe), learning rates scale with the total batch
    /// BatchSize x AccumulationSteps x WorldSize, and only rank 0 writes checkpoints. The caller owns the group (e.g.
    /// Vtp.Distributed's <c>DistributedJob.Join</c>: Gloo on the CPU, NCCL on CUDA) and disposes it. See docs/distributed.md.
    /// </summary>
    public ICollectives? Collectives { get; init; }
    /// <summary>In a data-parallel run, contrast every caption with the videos of all ranks (and back) by all-gathering
    /// the features with gradients, instead of the official per-rank negatives. Default: false (official).</summary>
    public bool GatherNegatives { get; init; }

    /// <summary>Processes in the run (1 without <see cref="Collectives"/>).</summary>
    public int WorldSize => Collectives?.WorldSize ?? 1;

    /// <summary>Optimizer steps in one epoch over <paramref name="samples"/> samples: each process's equal share in whole
    /// steps of BatchSize x AccumulationSteps (partial batches are dropped, as the official loader does).</summary>
    public long StepsPerEpoch(int samples) => samples / WorldSize / (BatchSize * AccumulationSteps);

    /// <summary>The official pretraining recipe (scripts/pretrain_webvid.sh).</summary>
    public static TrainingOptions Pretraining { get; } = new();

    /// <summary>The official fine-tuning recipe (scripts/finetune_msrvtt.sh): lr 3e-4, min 1e-6, betas (0.9, 0.999), warmup 5 of 100 epochs, batch 8.</summary>
    public static TrainingOptions FineTuning { get; } = new()
    {
        BatchSize = 8, BaseLearningRate = 3e-4, BaseMinLearningRate = 1e-6, WarmupFraction = 0.05, Beta2 = 0.999,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option and its value.</summary>
    public TrainingOptions Validate()
    {
        Check(BatchSize >= 2, nameof(BatchSize), BatchSize, "at least 2 (the contrastive and matching losses need negatives)");
        Check(AccumulationSteps >= 1, nameof(AccumulationSteps), AccumulationSteps, "at least 1");
        Check(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Check(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, "at least 1");
        Check(BaseLearningRate > 0 && double.IsFinite(BaseLearningRate), nameof(BaseLearningRate), BaseLearningRate, "a finite number > 0");
        Check(BaseMinLearningRate >= 0 && BaseMinLearningRate <= BaseLearningRate, nameof(BaseMinLearningRate),
            BaseMinLearningRate, $"in [0, {nameof(BaseLearningRate)} = {BaseLearningRate}]");
        Check(WarmupFraction is >= 0 and < 1, nameof(WarmupFraction), WarmupFraction, "in [0, 1)");
        Check(WeightDecay >= 0, nameof(WeightDecay), WeightDecay, "non-negative");
        Check(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, nameof(Beta2), (Beta1, Beta2), "betas in [0, 1)");
        Check(ClipGradNorm is null or > 0, nameof(ClipGradNorm), ClipGradNorm, "positive");
        Check(TrainingDevices.IsUsable(Device), nameof(Device), Device, "\"cpu\", or \"cuda\"/\"cuda:N\" with a CUDA libtorch (this one has none)");
        Check(DecodeWorkers >= 1, nameof(DecodeWorkers), DecodeWorkers, "at least 1");
        Check(CheckpointEverySteps >= 0 && KeepCheckpoints >= 1, nameof(CheckpointEverySteps), CheckpointEverySteps, "non-negative, with KeepCheckpoints at least 1");
        return this;
    }

    private static void Check(bool ok, string name, object? value, string expected)
    {
        if (!ok) throw new ArgumentException($"{name} must be {expected}, got {value}.", name);
    }
}
