// What one pretraining forward produces (the official code returns a bare six-element tuple; this is a record).
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>Every loss and activation of one pretraining forward; disposing it disposes every tensor.</summary>
/// <param name="LossTotal">[] weighted sum of the four losses.</param>
/// <param name="LossPix">[] MSE of the pixel predictions against the §3.1 target, over masked tubes only.</param>
/// <param name="LossMlm">[] cross-entropy of the MLM logits over the picked tokens.</param>
/// <param name="LossVtc">[] NormSoftmaxLoss of the text-video cosine similarities, both directions summed.</param>
/// <param name="LossVtm">[] cross-entropy of the VTM logits against B ones then B zeros.</param>
/// <param name="PixelPred">[B, N_mask, P] decoder output for the masked tokens, ascending token order.</param>
/// <param name="PixelTarget">[B, N_mask, P] the normalised pixel target (no gradient).</param>
/// <param name="MlmLogits">[B, L, V] text_cls over the text part of the joint pass.</param>
/// <param name="VtmLogits">[2B, 2] rows 0..B-1 caption i with its video, rows B..2B-1 with video VtmNegIndex[i].</param>
/// <param name="VtmLabels">[2B] int64: B ones, then B zeros.</param>
/// <param name="VtmNegIndex">[B] int64: the negative video of each caption that was used.</param>
/// <param name="VideoFeatures">[B, C_e] mean over the video-only pass (after encoder.norm).</param>
/// <param name="TextFeatures">[B, C_e] mean over the text-only pass, pads included.</param>
/// <param name="VtcSimilarity">[B, B] cosine similarity, rows text, columns video.</param>
public sealed record SimVtpPretrainOutput(
    Tensor LossTotal, Tensor LossPix, Tensor LossMlm, Tensor LossVtc, Tensor LossVtm,
    Tensor PixelPred, Tensor PixelTarget, Tensor MlmLogits, Tensor VtmLogits, Tensor VtmLabels, Tensor VtmNegIndex,
    Tensor VideoFeatures, Tensor TextFeatures, Tensor VtcSimilarity) : IDisposable
{
    /// <summary>Every tensor of the output by its reference dump name (reference/README.md, outputs.safetensors).</summary>
    public IReadOnlyDictionary<string, Tensor> ByDumpName() => new Dictionary<string, Tensor>
    {
        ["loss_total"] = LossTotal, ["loss_pix"] = LossPix, ["loss_mlm"] = LossMlm, ["loss_vtc"] = LossVtc,
        ["loss_vtm"] = LossVtm, ["pixel_pred"] = PixelPred, ["pixel_target"] = PixelTarget, ["mlm_logits"] = MlmLogits,
        ["vtm_logits"] = VtmLogits, ["vtm_labels"] = VtmLabels, ["video_features"] = VideoFeatures,
        ["text_features"] = TextFeatures, ["vtc_similarity"] = VtcSimilarity,
    };

    public void Dispose()
    {
        foreach (var tensor in ByDumpName().Values) tensor.Dispose();
        VtmNegIndex.Dispose();
    }
}
