// Pretraining SimVTP on video-caption pairs: the official recipe on the data Vtp reads.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Video;

namespace Vtp.Training;

public static class SimVtpPretraining
{
    /// <summary>The official pretraining clips: T frames at stride 4 from a random start, multi-scale crop, no flip.</summary>
    public static ClipSamplingOptions Sampling(SimVtpConfig config, int stride = 4) => new()
    {
        Temporal = TemporalSampling.Pretraining, NumFrames = config.NumFrames, Stride = stride,
        Spatial = SpatialSampling.MultiScaleCrop, Size = config.ImageSize,
    };

    /// <summary>
    /// Trains <paramref name="model"/> in place with all four losses (pixels, MLM, VTC, VTM) and AdamW; on return the
    /// model is in eval mode. Progress goes to <paramref name="progress"/> once per optimizer step.
    /// </summary>
    /// <exception cref="ArgumentException">The options, the data or the vocabulary do not fit the model.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the last completed step is checkpointed when a folder is set.</exception>
    public static TrainingRun Run(SimVtpPretrainModel model, BertTokenizer tokenizer, IReadOnlyList<VideoTextSample> samples,
        TrainingOptions options, ClipSamplingOptions? sampling = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        CheckVocabulary(tokenizer, model.Config);
        var builder = new PretrainBatchBuilder(model.Config, tokenizer);
        var loop = new TrainingLoop(model, options, samples, sampling ?? Sampling(model.Config), "pretrain");
        return loop.Run(batch =>
        {
            var inputs = builder.Build(batch);
            var output = model.Forward(inputs, batch.GatherFeatures);
            return new StepLoss(output.LossTotal, new Dictionary<string, double>
            {
                ["total"] = output.LossTotal.ToDouble(), ["pix"] = output.LossPix.ToDouble(), ["mlm"] = output.LossMlm.ToDouble(),
                ["vtc"] = output.LossVtc.ToDouble(), ["vtm"] = output.LossVtm.ToDouble(),
            });
        }, progress, cancellationToken);
    }

    /// <summary>Throws when the tokenizer's ids do not fit the model's vocabulary or its [PAD] is not id 0.</summary>
    public static void CheckVocabulary(BertTokenizer tokenizer, SimVtpConfig config)
    {
        if (tokenizer.Vocabulary.Count > config.VocabSize)
            throw new ArgumentException($"The tokenizer's vocabulary has {tokenizer.Vocabulary.Count} tokens but the model's vocab_size is {config.VocabSize}.");
        if (tokenizer.SpecialTokens.Pad != SpecialTokens.Pad)
            throw new ArgumentException($"The tokenizer's [PAD] is id {tokenizer.SpecialTokens.Pad}; SimVTP needs it at id {SpecialTokens.Pad}.");
    }
}
