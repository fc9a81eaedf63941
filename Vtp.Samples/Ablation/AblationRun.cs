using System.Diagnostics;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Training;
using static TorchSharp.torch;

namespace Vtp.Samples.Ablation;

/// <summary>
/// One run of the ablation: pretrain a tiny SimVTP with the row's settings, measure it (zero-shot retrieval, MLM
/// colour words with and without the video), fine-tune a dual encoder from it on every training clip, and measure
/// held-out retrieval. Every clip goes through the world's shared decode cache.
/// </summary>
public sealed class AblationRun(AblationWorld world, AblationBudget budget)
{
    /// <summary>Runs <paramref name="row"/> with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The row's data does not fit the budget (e.g. fewer clips than a batch).</exception>
    public AblationRunResult Execute(AblationRow row, int seed, CancellationToken cancellationToken = default)
    {
        budget.Validate();
        var clock = Stopwatch.StartNew();
        var config = row.Configure(world.Config);
        var clips = row.Pretrains ? row.PretrainingClips(world.Train, seed, budget.BatchSize) : [];
        using var pretrained = new SimVtpPretrainModel(config, new SimVtpPretrainOptions { InitSeed = seed, LossWeights = row.LossWeights });
        TrainingRun? pretraining = null;
        if (row.Pretrains)
        {
            pretraining = SimVtpPretraining.Run(pretrained, world.Tokenizer, clips, budget.Pretraining(clips.Count, seed),
                SimVtpPretraining.Sampling(config) with { Cache = world.Cache }, cancellationToken: cancellationToken);
        }
        pretrained.eval();
        var metrics = PretrainedMetrics(pretrained);
        using var dual = new DualEncoder(config, new DualEncoderOptions { DropPathRate = 0, InitSeed = seed + 1 });
        dual.LoadPretrained(pretrained.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter), $"the pretrained model of row '{row.Key}'");
        var fineTuning = SimVtpFineTuning.Run(dual, world.Tokenizer, world.Train, budget.FineTuning(world.Train.Count, seed + 1),
            SimVtpFineTuning.Sampling(config) with { Cache = world.Cache }, cancellationToken: cancellationToken);
        var embedder = new SimVtpEmbedder(dual, world.Tokenizer, world.TestSampling, decodeWorkers: budget.DecodeWorkers);
        var fineTuned = VtpRetrievalEvaluator.Evaluate(
            embedder.EmbedTexts(world.Test.Select(s => s.Caption).ToList(), cancellationToken), embedder.EmbedVideos(world.Test, cancellationToken: cancellationToken));
        metrics[AblationMetric.FineTunedR1.Key] = fineTuned.TextToVideo.R1;
        metrics[AblationMetric.FineTunedR5.Key] = fineTuned.TextToVideo.R5;
        return new AblationRunResult(row, seed, config, pretrained.Options.LossWeights, clips.Count, pretraining?.Steps ?? 0, fineTuning.Steps,
            pretraining?.Last?.Losses ?? new Dictionary<string, double>(), metrics, clock.Elapsed.TotalSeconds);
    }

    private Dictionary<string, double> PretrainedMetrics(SimVtpPretrainModel model)
    {
        var zeroShot = ZeroShotRetrieval.Evaluate(model, world.Tokenizer, world.TestClips);
        var probe = new MlmWordProbe(model, world.Tokenizer, world.TestClips);
        return new Dictionary<string, double>
        {
            [AblationMetric.ZeroShotR1.Key] = zeroShot.TextToVideo.R1,
            [AblationMetric.ZeroShotR5.Key] = zeroShot.TextToVideo.R5,
            [AblationMetric.ColourWithVideo.Key] = 100 * probe.Accuracy(MlmWordProbe.Colours, blankVideo: false),
            [AblationMetric.ColourBlankVideo.Key] = 100 * probe.Accuracy(MlmWordProbe.Colours, blankVideo: true),
        };
    }
}
