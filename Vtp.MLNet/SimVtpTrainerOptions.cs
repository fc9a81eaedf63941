// Options shared by the two training estimators (pretraining and retrieval fine-tuning), ML.NET style: public
// fields with defaults; each estimator copies them when it is created.
using Microsoft.ML;
using Vtp.Distributed;
using Vtp.Modeling;
using Vtp.Training;
using Vtp.Video;

namespace Vtp.MLNet;

/// <summary>Where the WordPiece vocabulary of a model trained from scratch comes from.</summary>
public enum VocabularySource
{
    /// <summary>bert-base-uncased (30522 tokens), as SimVTP; the config's vocab_size must be at least 30522.</summary>
    BertBaseUncased,

    /// <summary>Learned from the training captions (<see cref="SimVtpTrainerOptions.VocabularySize"/> tokens at most); the
    /// config's vocab_size becomes the learned size (at least 104, so that BERT's [MASK] id 103 still fits).</summary>
    LearnFromCaptions,
}

/// <summary>
/// Options shared by <see cref="SimVtpPretrainEstimator"/> and <see cref="SimVtpFineTuneEstimator"/>. Learning rates
/// are for a total batch of 256 and are scaled by BatchSize x AccumulationSteps / 256, as in the official recipe.
/// </summary>
public abstract class SimVtpTrainerOptions
{
    /// <summary>Input text column of video file paths. Default: "VideoPath".</summary>
    public string VideoColumnName = "VideoPath";
    /// <summary>Input text column of captions. Default: "Caption".</summary>
    public string CaptionColumnName = "Caption";
    /// <summary>Optional input column (Single or Double, seconds; NaN = from the beginning) of clip starts. Default: null (whole videos).</summary>
    public string? StartColumnName;
    /// <summary>Optional input column (Single or Double, seconds; NaN = to the end) of clip ends. Default: null (whole videos).</summary>
    public string? EndColumnName;
    /// <summary>Folder that relative video paths are resolved against. Default: null (the current directory).</summary>
    public string? VideoFolder;
    /// <summary>Model size preset ("base", "small", "parity", "tiny"), used when <see cref="Config"/> is null. Default: "small" (ViT-S-like, 8 x 112 px).</summary>
    public string Preset = "small";
    /// <summary>A full model config, overriding <see cref="Preset"/>. Default: null.</summary>
    public SimVtpConfig? Config;
    /// <summary>Vocabulary of a model trained from scratch. Default: <see cref="VocabularySource.BertBaseUncased"/>.</summary>
    public VocabularySource Vocabulary = VocabularySource.BertBaseUncased;
    /// <summary>Largest size, in tokens, of a vocabulary learned from the captions. Default: 1000.</summary>
    public int VocabularySize = 1000;
    /// <summary>Clips per forward pass. Default: 16 for pretraining, 8 for fine-tuning (the official per-GPU batches).</summary>
    public int BatchSize;
    /// <summary>Forward passes whose gradients are summed per optimizer step. Default: 1.</summary>
    public int AccumulationSteps = 1;
    /// <summary>Passes over the training data. Default: 1.</summary>
    public int Epochs = 1;
    /// <summary>Stop after this many optimizer steps (null: <see cref="Epochs"/> decide). Default: null.</summary>
    public long? MaxSteps;
    /// <summary>Peak learning rate for a total batch of 256. Default: 1.5e-4 for pretraining, 3e-4 for fine-tuning.</summary>
    public double BaseLearningRate;
    /// <summary>Final learning rate for a total batch of 256 (half-cosine decay). Default: 1e-5 for pretraining, 1e-6 for fine-tuning.</summary>
    public double BaseMinLearningRate;
    /// <summary>Share of the steps spent warming up linearly from 0. Default: 0.2 for pretraining, 0.05 for fine-tuning.</summary>
    public double WarmupFraction;
    /// <summary>AdamW weight decay (not applied to biases, norms and tokens). Default: 0.05.</summary>
    public double WeightDecay = 0.05;
    /// <summary>Seed of every random choice (initialisation, order, crops, masks, negatives, dropout); null: drawn from the MLContext's generator. Default: null.</summary>
    public int? Seed;
    /// <summary>libtorch threads while fitting (restored afterwards); null: leave libtorch's setting. Default: null.</summary>
    public int? Threads;
    /// <summary>Training device ("cpu", "cuda", "cuda:N"); null follows the MLContext: its GpuDeviceId picks a CUDA device,
    /// falling back to the CPU when CUDA is missing only if FallbackToCpu is set. Default: null.</summary>
    public string? Device;
    /// <summary>Video decoding threads, each running one ffmpeg at a time. Default: 2.</summary>
    public int DecodeWorkers = 2;
    /// <summary>Decode each training clip once and reuse it in later epochs (faster; no new crops per epoch, unlike the official recipe). Default: false.</summary>
    public bool ReuseClips;
    /// <summary>What to do with unreadable videos while training. Default: <see cref="BadSamplePolicy.Fail"/>.</summary>
    public BadSamplePolicy BadSamples = BadSamplePolicy.Fail;
    /// <summary>Folder of resumable training checkpoints (null: none are written). Default: null.</summary>
    public string? CheckpointDirectory;
    /// <summary>Write a checkpoint every this many steps (0: only at the end and on cancellation). Default: 0.</summary>
    public int CheckpointEverySteps;
    /// <summary>Continue from the newest checkpoint in <see cref="CheckpointDirectory"/> when there is one. Default: true.</summary>
    public bool Resume = true;
    /// <summary>Train data-parallel as one rank of a multi-process job (see <see cref="TrainingOptions.Collectives"/> and
    /// docs/distributed.md); every rank fits the same pipeline on the same data, with Gloo on the CPU and NCCL on CUDA
    /// (a bare "cuda" device becomes cuda:LOCAL_RANK). Null: one process. Default: null.</summary>
    public DistributedOptions? Distributed;
    /// <summary>In a data-parallel run, all-gather the contrastive features so every rank's batch serves as negatives
    /// (official: per-rank negatives). Default: false.</summary>
    public bool GatherNegatives;
    /// <summary>Held-out data (same input columns) scored with retrieval metrics during training; null: none. Default: null.</summary>
    public IDataView? ValidationSet;
    /// <summary>Score <see cref="ValidationSet"/> after every epoch (true) or only after the last step (false). Default: true.</summary>
    public bool ValidateEveryEpoch = true;
    /// <summary>Clips or captions embedded together, in validation and by the fitted transformer. Default: 16.</summary>
    public int EmbeddingBatchSize = 16;
    /// <summary>Write a progress line (losses, learning rate, clips/s, ETA) to MLContext.Log every this many steps. Default: 10.</summary>
    public int LogEverySteps = 10;
    /// <summary>Receives every step's progress, synchronously on the training thread. Default: null.</summary>
    public IProgress<TrainingProgress>? Progress;
    /// <summary>Stops training within the current step (ffmpeg processes stopped; a checkpoint is written when a folder is set). Default: none.</summary>
    public CancellationToken CancellationToken;

    /// <summary>A shallow copy (data views, progress sinks and configs are shared, being immutable or external).</summary>
    internal SimVtpTrainerOptions CloneOptions() => (SimVtpTrainerOptions)MemberwiseClone();

    /// <summary>Sets the recipe-dependent defaults from an official recipe.</summary>
    private protected void UseRecipe(TrainingOptions recipe)
    {
        BatchSize = recipe.BatchSize;
        BaseLearningRate = recipe.BaseLearningRate;
        BaseMinLearningRate = recipe.BaseMinLearningRate;
        WarmupFraction = recipe.WarmupFraction;
    }
}
