// Turns decoded clips and their captions into the inputs of one SimVTP pretraining step (SIMVTP.md §1.3-§1.4, §3).
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Training;

/// <summary>
/// Builds <see cref="PretrainInputs"/>: the stacked video, a tube mask per clip, captions MLM-masked as SimVTP does
/// (p = text_mask_ratio, every picked token becomes [MASK]) and one random negative video per caption. Every draw
/// comes from the <see cref="Random"/> passed in.
/// </summary>
public sealed class PretrainBatchBuilder(SimVtpConfig config, BertTokenizer tokenizer)
{
    private readonly MlmTokenMasker masker = new(tokenizer.SpecialTokens, config.TextMaskRatio);

    /// <summary>The inputs of one step, on <paramref name="device"/> (null: the CPU).</summary>
    public PretrainInputs Build(IReadOnlyList<LoadedClip> clips, Random random, Device? device = null)
    {
        var tokens = tokenizer.Encode(clips.Select(c => c.Sample.Caption).ToList(), config.MaxPositionEmbeddings);
        var masked = masker.Mask(tokens, random);
        var at = device ?? CPU;
        return new PretrainInputs(
            Video: ClipBatch.Stack(clips.Select(c => c.Clip).ToList()).to(at),
            BoolMaskedPos: new TubeMaskGenerator(config, random).Next(clips.Count).to(at),
            InputIds: tensor(masked.InputIds, [masked.BatchSize, masked.Length], device: at),
            AttentionMask: tensor(tokens.AttentionMask, [tokens.BatchSize, tokens.Length], device: at),
            MlmLabels: tensor(masked.Labels, [masked.BatchSize, masked.Length], device: at),
            VtmNegIndex: new VtmNegativeSampler(random).Uniform(clips.Count).to(at));
    }
}
