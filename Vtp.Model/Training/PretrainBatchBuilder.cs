// Turns decoded clips and their captions into the inputs of one SimVTP pretraining step (SIMVTP.md §1.3-§1.4, §3).
using Vtp.Modeling;
using Vtp.Text;
using Vtp.Video;
using static TorchSharp.torch;

namespace Vtp.Training;

/// <summary>
/// Builds <see cref="PretrainInputs"/>: the stacked video, a tube mask per clip, captions MLM-masked as SimVTP does
/// (p = text_mask_ratio, every picked token becomes [MASK]) and one random negative video per caption. A clip's tube
/// mask and its caption's MLM mask come from the clip's own source (<see cref="MicroBatch.ClipRandom"/>), the VTM
/// negatives from the micro-batch's.
/// </summary>
public sealed class PretrainBatchBuilder(SimVtpConfig config, BertTokenizer tokenizer)
{
    private readonly MlmTokenMasker masker = new(tokenizer.SpecialTokens, config.TextMaskRatio);

    /// <summary>The inputs of one micro-batch, on its device.</summary>
    public PretrainInputs Build(MicroBatch batch)
    {
        var clips = batch.Clips;
        var sources = batch.ClipRandoms();
        var tokens = tokenizer.Encode(clips.Select(c => c.Sample.Caption).ToList(), config.MaxPositionEmbeddings);
        var tubeMasks = TubeMaskGenerator.ForSamples(config, sources);                     // drawn first: the clip's tube, then its caption
        var masked = masker.Mask(tokens, sources);
        var at = batch.Device;
        return new PretrainInputs(
            Video: ClipBatch.Stack(clips.Select(c => c.Clip).ToList()).to(at),
            BoolMaskedPos: tubeMasks.to(at),
            InputIds: tensor(masked.InputIds, [masked.BatchSize, masked.Length], device: at),
            AttentionMask: tensor(tokens.AttentionMask, [tokens.BatchSize, tokens.Length], device: at),
            MlmLabels: tensor(masked.Labels, [masked.BatchSize, masked.Length], device: at),
            VtmNegIndex: new VtmNegativeSampler(batch.BatchRandom).Uniform(clips.Count).to(at));
    }
}
