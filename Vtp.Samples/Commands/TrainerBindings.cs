using System.CommandLine;
using Vtp.Distributed;
using Vtp.MLNet;
using Vtp.Samples.Cli;
using Vtp.Video;

namespace Vtp.Samples.Commands;

/// <summary>The command-line options of the fields every SimVTP trainer shares (<see cref="SimVtpTrainerOptions"/>).</summary>
internal static class TrainerBindings
{
    /// <summary>A binder for <typeparamref name="TOptions"/> holding the shared options; help defaults come from a fresh <typeparamref name="TOptions"/>.</summary>
    public static OptionBinder<TOptions> Create<TOptions>() where TOptions : SimVtpTrainerOptions, new()
    {
        var binder = new OptionBinder<TOptions>(new TOptions());
        binder.Add("--preset", "Model size: base, small, parity or tiny", o => o.Preset, (o, v) => o.Preset = v)
            .AcceptOnlyFromAmong("base", "small", "parity", "tiny");
        binder.AddWithoutDefault<string>("--config", "A config JSON file (overrides --preset)", (o, path) => o.Config = ModelConfigs.Load(path));
        binder.Add("--vocabulary", "Vocabulary of a new model: BertBaseUncased, or LearnFromCaptions", o => o.Vocabulary, (o, v) => o.Vocabulary = v);
        binder.Add("--vocabulary-size", "Largest vocabulary learned from the captions", o => o.VocabularySize, (o, v) => o.VocabularySize = v);
        binder.Add("--batch-size", "Clips per forward pass", o => o.BatchSize, (o, v) => o.BatchSize = v);
        binder.Add("--accumulation-steps", "Forward passes per optimizer step", o => o.AccumulationSteps, (o, v) => o.AccumulationSteps = v);
        binder.Add("--epochs", "Passes over the training data", o => o.Epochs, (o, v) => o.Epochs = v);
        binder.Add("--max-steps", "Stop after this many optimizer steps", o => o.MaxSteps, (o, v) => o.MaxSteps = v);
        binder.Add("--lr", "Peak learning rate per 256 clips (scaled by batch x accumulation / 256)", o => o.BaseLearningRate, (o, v) => o.BaseLearningRate = v);
        binder.Add("--min-lr", "Final learning rate per 256 clips (half-cosine decay)", o => o.BaseMinLearningRate, (o, v) => o.BaseMinLearningRate = v);
        binder.Add("--warmup", "Share of the steps spent warming up", o => o.WarmupFraction, (o, v) => o.WarmupFraction = v);
        binder.Add("--weight-decay", "AdamW weight decay", o => o.WeightDecay, (o, v) => o.WeightDecay = v);
        binder.Add("--seed", "Seed of every random choice (default: drawn at random)", o => o.Seed, (o, v) => o.Seed = v);
        binder.Add("--threads", "libtorch threads while training (default: libtorch's setting)", o => o.Threads, (o, v) => o.Threads = v);
        binder.Add("--device", "Training device: cpu, cuda or cuda:N (default: cpu)", o => o.Device, (o, v) => o.Device = v);
        binder.Add("--decode-workers", "Video decoding threads, one ffmpeg each", o => o.DecodeWorkers, (o, v) => o.DecodeWorkers = v);
        binder.Add("--reuse-clips", "Decode each clip once and reuse it every epoch (faster; no new crops per epoch)", o => o.ReuseClips,
            (o, v) => o.ReuseClips = v);
        binder.Add("--bad-videos", "Unreadable videos: Fail, or SkipAndReport", o => o.BadSamples, (o, v) => o.BadSamples = v);
        binder.Add("--checkpoints", "Folder of resumable checkpoints (Ctrl+C saves the last step there)", o => o.CheckpointDirectory,
            (o, v) => o.CheckpointDirectory = v);
        binder.Add("--checkpoint-every", "Also checkpoint every this many steps (0: only at the end and on Ctrl+C)", o => o.CheckpointEverySteps,
            (o, v) => o.CheckpointEverySteps = v);
        binder.Add("--no-resume", "Start over even when the checkpoint folder holds a checkpoint", o => !o.Resume, (o, v) => o.Resume = !v);
        AddDistributed(binder);
        binder.Add("--embedding-batch-size", "Clips or captions embedded together (validation and the result)", o => o.EmbeddingBatchSize,
            (o, v) => o.EmbeddingBatchSize = v);
        return binder;
    }

    // One rank of a data-parallel job (docs/distributed.md); without --world-size, RANK/WORLD_SIZE/MASTER_* variables
    // are read, and 'vtp pretrain --nproc N' sets these for its local workers.
    private static void AddDistributed<TOptions>(OptionBinder<TOptions> binder) where TOptions : SimVtpTrainerOptions
    {
        var job = new DistributedOptions();
        // Options given on the command line override the launcher variables, which override the defaults.
        void Set(TOptions o, Func<DistributedOptions, DistributedOptions> change) =>
            o.Distributed = change(o.Distributed ?? DistributedOptions.FromEnvironment() ?? new DistributedOptions());
        binder.Add("--rank", "This process's rank in a data-parallel job (0 hosts the rendezvous)", _ => job.Rank, (o, v) => Set(o, d => d with { Rank = v }));
        binder.Add("--world-size", "Processes in the data-parallel job", _ => job.WorldSize, (o, v) => Set(o, d => d with { WorldSize = v }));
        binder.Add("--master-addr", "Address of rank 0's machine", _ => job.MasterAddress, (o, v) => Set(o, d => d with { MasterAddress = v }));
        binder.Add("--master-port", "Rendezvous port on rank 0's machine", _ => job.MasterPort, (o, v) => Set(o, d => d with { MasterPort = v }));
        binder.Add("--dist-timeout", "Seconds the rendezvous and each collective may wait before failing (a dead rank)",
            _ => job.Timeout.TotalSeconds, (o, v) => Set(o, d => d with { Timeout = TimeSpan.FromSeconds(v) }));
        binder.Add("--gather-negatives", "Contrast against every rank's batch (all-gather with gradients; official: per-rank negatives)",
            o => o.GatherNegatives, (o, v) => o.GatherNegatives = v);
    }
}
