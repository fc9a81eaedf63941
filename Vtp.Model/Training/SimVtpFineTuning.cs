// Fine-tuning the dual encoder for text-to-video retrieval (SIMVTP.md §4): the official recipe on the data Vtp reads.
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Video;

namespace Vtp.Training;

public static class SimVtpFineTuning
{
    /// <summary>The official training clips: a random 64-frame window spread by linspace, random resized crop, flip p = 0.5.
    /// (RandAugment and RandomErasing of the official recipe are not applied.)</summary>
    public static ClipSamplingOptions Sampling(SimVtpConfig config) => new()
    {
        Temporal = TemporalSampling.FineTuneTraining, NumFrames = config.NumFrames,
        Spatial = SpatialSampling.RandomResizedCrop, Size = config.ImageSize, FlipProbability = 0.5,
    };

    /// <summary>
    /// Trains <paramref name="model"/> in place with the retrieval loss (NormSoftmaxLoss, tau = vtc_temperature, in-batch
    /// negatives) on unmasked videos and captions; on return the model is in eval mode.
    /// </summary>
    /// <exception cref="ArgumentException">The options, the data or the vocabulary do not fit the model.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the last completed step is checkpointed when a folder is set.</exception>
    public static TrainingRun Run(DualEncoder model, BertTokenizer tokenizer, IReadOnlyList<VideoTextSample> samples,
        TrainingOptions options, ClipSamplingOptions? sampling = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        SimVtpPretraining.CheckVocabulary(tokenizer, model.Config);
        var loop = new TrainingLoop(model, options, samples, sampling ?? Sampling(model.Config), "finetune");
        return loop.Run(batch =>
        {
            var (clips, device) = (batch.Clips, batch.Device);
            using var captions = CaptionBatch.Encode(tokenizer, clips.Select(c => c.Sample.Caption).ToList(), model.Config.MaxPositionEmbeddings);
            var video = ClipBatch.Stack(clips.Select(c => c.Clip).ToList()).to(device);
            var (videos, texts) = (model.VideoFeatures(video), model.TextFeatures(captions.InputIds.to(device), captions.AttentionMask.to(device)));
            var loss = batch.GatherFeatures is { } gather ? model.RetrievalLoss(gather(videos), gather(texts)) : model.RetrievalLoss(videos, texts);
            return new StepLoss(loss, new Dictionary<string, double> { ["retrieval"] = loss.ToDouble() });
        }, progress, cancellationToken);
    }
}
