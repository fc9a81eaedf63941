// What the two training estimators share before a run starts: option checks, the seed, the recipe, the model size
// and the vocabulary of a model trained from scratch.
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Vtp.Data;
using Vtp.Distributed;
using Vtp.Modeling;
using Vtp.Collectives;
using Vtp.Text;
using Vtp.Training;

namespace Vtp.MLNet;

internal static class TrainerSetup
{
    /// <summary>The input columns the options name.</summary>
    public static InputBinding Binding(SimVtpTrainerOptions options) =>
        new(options.VideoColumnName, options.CaptionColumnName, options.StartColumnName, options.EndColumnName, options.VideoFolder);

    /// <summary>The training rows and the validation rows (null without a validation set); both schemas are checked before either is read.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    public static (List<VideoTextSample> Samples, List<VideoTextSample>? Validation) ReadData(IDataView input, SimVtpTrainerOptions options)
    {
        var binding = Binding(options);
        binding.Check(input.Schema, video: true, caption: true);
        if (options.ValidationSet is { } validationSet) binding.Check(validationSet.Schema, video: true, caption: true);
        var samples = SampleReader.ReadAll(input, binding, options.CancellationToken);
        var validation = options.ValidationSet is { } set ? SampleReader.ReadAll(set, binding, options.CancellationToken) : null;
        return (samples, validation);
    }

    /// <summary>Checks every option; <paramref name="fromScratch"/> also checks the model size against the vocabulary.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it, the expected and the actual value.</exception>
    public static void Validate(SimVtpTrainerOptions options, TrainingOptions recipe, bool fromScratch)
    {
        RequireName(options.VideoColumnName, nameof(options.VideoColumnName));
        RequireName(options.CaptionColumnName, nameof(options.CaptionColumnName));
        Require(options.LogEverySteps >= 1, nameof(options.LogEverySteps), options.LogEverySteps, "at least 1");
        Require(options.EmbeddingBatchSize >= 1, nameof(options.EmbeddingBatchSize), options.EmbeddingBatchSize, "at least 1");
        Require(options.Threads is null or >= 1, nameof(options.Threads), options.Threads, "null or at least 1");
        Require(options.VocabularySize >= BertSpecialTokens.All.Count + 1, nameof(options.VocabularySize), options.VocabularySize,
            $"at least {BertSpecialTokens.All.Count + 1} (the special tokens and one character)");
        ToTrainingOptions(options, recipe, seed: 0, options.Device ?? "cpu").Validate();
        options.Distributed?.Validate();
        if (!fromScratch) return;
        var config = Config(options);
        var bert = WordPieceVocabulary.BertBaseUncased.Count;
        if (options.Vocabulary == VocabularySource.BertBaseUncased && config.VocabSize < bert)
            throw new ArgumentException(
                $"{nameof(options.Config)}: vocab_size {config.VocabSize} cannot hold the bert-base-uncased vocabulary ({bert} tokens); " +
                $"use a larger vocab_size or {nameof(options.Vocabulary)} = {nameof(VocabularySource.LearnFromCaptions)}.", nameof(options.Config));
    }

    /// <summary>The config the options ask for (validated).</summary>
    public static SimVtpConfig Config(SimVtpTrainerOptions options) => (options.Config ?? SimVtpConfig.Preset(options.Preset)).Validate();

    /// <summary>The options' seed, or one drawn from the context's generator (repeatable for a seeded MLContext).</summary>
    public static int Seed(MLContext context, SimVtpTrainerOptions options) =>
        options.Seed ?? ((IHostEnvironment)context).Register("SimVtp").Rand.Next();

    /// <summary>
    /// The training device: <see cref="SimVtpTrainerOptions.Device"/> when set, else the MLContext's choice as ML.NET's GPU
    /// trainers make it: <c>GpuDeviceId</c> selects <c>cuda:N</c>; without CUDA, <c>FallbackToCpu</c> allows the CPU.
    /// In a data-parallel job a bare "cuda" becomes "cuda:LOCAL_RANK" (<see cref="DistributedJob.RankDevice"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A GPU was asked for, CUDA is missing and fallback is off.</exception>
    public static string Device(MLContext context, SimVtpTrainerOptions options)
    {
        var device = ChosenDevice(context, options);
        return options.Distributed is { } job ? DistributedJob.RankDevice(job, device) : device;
    }

    private static string ChosenDevice(MLContext context, SimVtpTrainerOptions options)
    {
        if (options.Device is { } device) return device;
        if (context.GpuDeviceId is not { } id) return "cpu";
        if (TorchSharp.torch.cuda.is_available()) return $"cuda:{id}";
        return context.FallbackToCpu ? "cpu" : throw new InvalidOperationException(
            $"MLContext.GpuDeviceId is {id} but the loaded libtorch has no CUDA; set MLContext.FallbackToCpu = true to train on the CPU.");
    }

    /// <summary>The recipe with the options applied.</summary>
    public static TrainingOptions ToTrainingOptions(SimVtpTrainerOptions options, TrainingOptions recipe, int seed, string device = "cpu") => recipe with
    {
        BatchSize = options.BatchSize, AccumulationSteps = options.AccumulationSteps, Epochs = options.Epochs, MaxSteps = options.MaxSteps,
        BaseLearningRate = options.BaseLearningRate, BaseMinLearningRate = options.BaseMinLearningRate,
        WarmupFraction = options.WarmupFraction, WeightDecay = options.WeightDecay, Seed = seed, Device = device, DecodeWorkers = options.DecodeWorkers, ReuseClips = options.ReuseClips,
        BadSamples = options.BadSamples, CheckpointDirectory = options.CheckpointDirectory,
        CheckpointEverySteps = options.CheckpointEverySteps, Resume = options.Resume,
        GatherNegatives = options.GatherNegatives,
    };

    /// <summary>Joins the data-parallel job the options name with the collectives of <paramref name="device"/> (Gloo on the
    /// CPU, NCCL on CUDA: <see cref="DistributedJob"/>), or null for one process. The caller disposes it after training.</summary>
    public static ICollectives? JoinJob(SimVtpTrainerOptions options, string device) =>
        options.Distributed is { } job ? DistributedJob.Join(job, device) : null;

    /// <summary>Config and tokenizer of a model trained from scratch: BERT's vocabulary, or one learned from the captions
    /// (the config's vocab_size then becomes the learned size, at least [MASK] + 1).</summary>
    public static (SimVtpConfig Config, BertTokenizer Tokenizer) FromScratch(SimVtpTrainerOptions options, IReadOnlyList<VideoTextSample> samples)
    {
        var config = Config(options);
        if (options.Vocabulary == VocabularySource.BertBaseUncased) return (config, BertTokenizer.BertBaseUncased);
        var vocabulary = WordPieceVocabularyBuilder.Build(samples.Select(s => s.Caption), options.VocabularySize);
        var sized = config with { VocabSize = Math.Max(vocabulary.Count, (int)SpecialTokens.Mask + 1) };
        return (sized.Validate(), new BertTokenizer(vocabulary));
    }

    private static void RequireName(string? name, string option)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"{option} must name an input column, got '{name}'.", option);
    }

    private static void Require(bool ok, string option, object? value, string expected)
    {
        if (!ok) throw new ArgumentException($"{option} must be {expected}, got {value?.ToString() ?? "null"}.", option);
    }
}
