// Video-text matching probabilities of (video, caption) pairs from a pretrained SimVTP model: the joint pass and
// the official VTM head on the mean of the joint tokens (SIMVTP.md §3, pass 4).
using Vtp.Data;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Text;
using Vtp.Training;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.MLNet;

/// <summary>Which video tokens enter the joint pass when a pair is scored.</summary>
public enum VtmVideoInput
{
    /// <summary>The visible tokens of one fixed tube mask (drawn from the mask seed, the same for every row), as the
    /// VTM head saw them in pretraining.</summary>
    TubeMasked,

    /// <summary>Every video token (no masking): more of the video, but a token mix the head never saw in pretraining.</summary>
    Full,
}

/// <summary>
/// Scores pairs with a pretraining model in eval mode: one centred clip per video (T frames spread uniformly, centre
/// crop), the caption unmasked, the joint pass over [video tokens ; caption tokens] with padded caption keys masked,
/// the mean over all joint tokens, vtm_head, softmax; the score is the probability of the "match" class (index 1).
/// Forward passes hold <paramref name="gate"/>, so one model serves several cursors.
/// </summary>
internal sealed class VtmScorer(SimVtpPretrainModel model, BertTokenizer tokenizer, object gate)
{
    /// <summary>The match probability of each pair, in order.</summary>
    /// <exception cref="VideoDecodeException">A video is unreadable; the message names it.</exception>
    public float[] Score(IReadOnlyList<VideoTextSample> pairs, VtmVideoInput input, int maskSeed, int batchSize, int decodeWorkers,
        CancellationToken cancellationToken)
    {
        var result = new float[pairs.Count];
        var loader = new VideoLoader(pairs, new VideoLoaderOptions
        {
            Workers = decodeWorkers, Capacity = Math.Max(batchSize, decodeWorkers), Sampling = SimVtpEmbedder.Sampling(model.Config),
        });
        var mask = input == VtmVideoInput.TubeMasked ? TubeMask(maskSeed) : null;
        var batch = new List<LoadedClip>(batchSize);
        foreach (var clip in loader.ReadEpoch(0, cancellationToken))
        {
            batch.Add(clip);
            if (batch.Count < batchSize && clip.Position < pairs.Count - 1) continue;
            var scores = ScoreBatch(batch, mask);
            for (int i = 0; i < batch.Count; i++) result[batch[i].SampleIndex] = scores[i];
            batch.Clear();
        }
        return result;
    }

    private float[] ScoreBatch(List<LoadedClip> clips, bool[]? mask)
    {
        var config = model.Config;
        lock (gate)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var video = ClipBatch.Stack(clips.Select(c => c.Clip).ToList());                                  // [B, 3, T, H, W]
            var captions = CaptionBatch.Encode(tokenizer, clips.Select(c => c.Sample.Caption).ToList(), config.MaxPositionEmbeddings);
            var text = model.TextEmbeddings.call(captions.InputIds);                                          // [B, L, C_e]
            var joint = mask is null
                ? FullJoint(video, text, captions.AttentionMask)                                               // [B, N + L, C_e]
                : model.Encoder.EncodeJoint(video, RepeatMask(mask, clips.Count), text, captions.AttentionMask); // [B, N_vis + L, C_e]
            var logits = nn.functional.linear(joint.mean([1]), Parameter("vtm_head.weight"), Parameter("vtm_head.bias")); // [B, 2]
            return logits.softmax(1)[.., 1].contiguous().data<float>().ToArray();                             // [B]
        }
    }

    // The joint pass over every video token: [B, 3, T, H, W], text [B, L, C_e], mask [B, L] -> [B, N + L, C_e].
    private Tensor FullJoint(Tensor video, Tensor text, Tensor attention)
    {
        var videoTokens = model.Encoder.EmbedVideo(video);                                                    // [B, N, C_e]
        var tokens = cat([videoTokens, text], 1);                                                             // [B, N + L, C_e]
        var videoKeys = ones([videoTokens.shape[0], videoTokens.shape[1]], attention.dtype);                  // [B, N]
        var keys = cat([videoKeys, attention], 1);                                                            // [B, N + L]
        return model.Encoder.Run(tokens, Encoder.KeyLogits(keys, tokens.dtype));
    }

    private bool[] TubeMask(int seed)
    {
        using var mask = new TubeMaskGenerator(model.Config, new Random(seed)).Next(1);                       // [1, N]
        return mask.data<bool>().ToArray();
    }

    private static Tensor RepeatMask(bool[] mask, int batch)
    {
        var rows = new bool[batch * mask.Length];
        for (int i = 0; i < batch; i++) mask.CopyTo(rows, i * mask.Length);
        return tensor(rows, [batch, mask.Length]);                                                            // [B, N]
    }

    private Tensor Parameter(string name) => model.named_parameters().First(p => p.name == name).parameter;
}
