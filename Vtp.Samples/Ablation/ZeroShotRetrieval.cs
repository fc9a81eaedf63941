using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Samples.Ablation;

/// <summary>
/// Text-to-video retrieval straight from a pretrained SimVTP, with no fine-tuning: the VTC features of the shared
/// encoder (video-only pass over every token of the unmasked clip, text-only pass over the unmasked caption, each
/// mean-pooled after the final LayerNorm, pads included as in pretraining), compared by cosine similarity.
/// </summary>
public static class ZeroShotRetrieval
{
    private const int BatchSize = 24;

    /// <summary>Retrieval metrics of caption i against clip i over <paramref name="clips"/> (the model is left in eval mode).</summary>
    public static VtpRetrievalMetrics Evaluate(SimVtpPretrainModel model, BertTokenizer tokenizer, IReadOnlyList<LoadedClip> clips)
    {
        model.eval();
        var videos = new List<float[]>(clips.Count);
        var texts = new List<float[]>(clips.Count);
        using var _ = no_grad();
        foreach (var batch in clips.Chunk(BatchSize))
        {
            using var scope = NewDisposeScope();
            var encoder = model.Encoder;
            var video = encoder.Run(encoder.EmbedVideo(ClipBatch.Stack(batch.Select(c => c.Clip).ToList())), null).mean([1]);   // [B, C_e]
            using var captions = CaptionBatch.Encode(tokenizer, batch.Select(c => c.Sample.Caption).ToList(), model.Config.MaxPositionEmbeddings);
            var text = encoder.EncodeText(model.TextEmbeddings.call(captions.InputIds), captions.AttentionMask).mean([1]);          // [B, C_e]
            videos.AddRange(Rows(video));
            texts.AddRange(Rows(text));
        }
        return VtpRetrievalEvaluator.Evaluate(texts, videos);
    }

    private static IEnumerable<float[]> Rows(Tensor features)
    {
        var width = (int)features.shape[1];
        var values = features.data<float>().ToArray();
        return Enumerable.Range(0, (int)features.shape[0]).Select(i => values.AsSpan(i * width, width).ToArray());
    }
}
