using Vtp.Samples.Demo;
using Vtp.Training;

namespace Vtp.Samples.Ablation;

/// <summary>
/// The training budget every row of the ablation gets: the demo's recipe (batch, peak and final learning rates per 256
/// clips, each clip decoded once per run) with a fixed number of optimizer steps per phase, so a row that pretrains on
/// fewer clips makes as many steps (more epochs).
/// </summary>
public sealed record AblationBudget
{
    private static readonly DemoOptions Demo = new();

    /// <summary>Pretraining optimizer steps, the same for every row. Default: 600 (40 epochs of 480 clips; the demo makes 240,
    /// the learning tests 900): what 18 pretraining runs afford in under an hour on 2 shared cores.</summary>
    public int PretrainSteps { get; init; } = 600;

    /// <summary>Fine-tuning optimizer steps on all training clips, the same for every row. Default: 120 (the demo's 8 epochs).</summary>
    public int FineTuneSteps { get; init; } = 120;

    /// <summary>Clips per optimizer step in both phases. Default: the demo's (32).</summary>
    public int BatchSize { get; init; } = Demo.BatchSize;

    /// <summary>Peak learning rate per 256 clips in both phases. Default: the demo's (8e-3).</summary>
    public double BaseLearningRate { get; init; } = Demo.BaseLearningRate;

    /// <summary>Final learning rate per 256 clips in both phases. Default: the demo's (8e-5).</summary>
    public double BaseMinLearningRate { get; init; } = Demo.BaseMinLearningRate;

    /// <summary>Video decoding threads (one ffmpeg each). Default: 2.</summary>
    public int DecodeWorkers { get; init; } = Demo.DecodeWorkers;

    /// <summary>The smoke-test budget: a handful of steps at batch 8, to check the machinery end to end in about a minute.</summary>
    public static AblationBudget Quick { get; } = new() { PretrainSteps = 4, FineTuneSteps = 4, BatchSize = 8 };

    /// <summary>Pretraining options for <paramref name="clips"/> clips: the official recipe with this budget, seeded by <paramref name="seed"/>.</summary>
    public TrainingOptions Pretraining(int clips, int seed) => Recipe(TrainingOptions.Pretraining, PretrainSteps, clips, seed);

    /// <summary>Fine-tuning options for <paramref name="clips"/> clips: the official fine-tuning recipe with this budget.</summary>
    public TrainingOptions FineTuning(int clips, int seed) => Recipe(TrainingOptions.FineTuning, FineTuneSteps, clips, seed);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public AblationBudget Validate()
    {
        if (PretrainSteps < 1 || FineTuneSteps < 1 || BatchSize < 2 || DecodeWorkers < 1)
            throw new ArgumentException(
                $"Need PretrainSteps >= 1, FineTuneSteps >= 1, BatchSize >= 2 and DecodeWorkers >= 1; got {PretrainSteps}, {FineTuneSteps}, {BatchSize}, {DecodeWorkers}.");
        return this;
    }

    // Enough epochs to reach the steps (partial batches are dropped), and the steps as the hard stop.
    private TrainingOptions Recipe(TrainingOptions official, int steps, int clips, int seed)
    {
        var perEpoch = clips / BatchSize;
        if (perEpoch == 0) throw new ArgumentException($"{clips} clips do not fill one batch of {BatchSize}.", nameof(clips));
        return official with
        {
            BatchSize = BatchSize, Epochs = (steps + perEpoch - 1) / perEpoch, MaxSteps = steps, BaseLearningRate = BaseLearningRate,
            BaseMinLearningRate = BaseMinLearningRate, Seed = seed, DecodeWorkers = DecodeWorkers, ReuseClips = true,
        };
    }
}
