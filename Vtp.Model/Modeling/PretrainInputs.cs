// The inputs of one pretraining step (the arguments of SimVTP's engine_for_pretraining.py train_one_epoch body).
using static TorchSharp.torch;

namespace Vtp.Modeling;

/// <summary>One pretraining batch. The model never writes into these tensors.</summary>
/// <param name="Video">video [B, 3, T, H, W], ImageNet-normalised floats.</param>
/// <param name="BoolMaskedPos">bool_masked_pos [B, N] bool, True = masked; a tube mask with N_mask masked per row.</param>
/// <param name="InputIds">input_ids [B, L] int64, already MLM-masked ([MASK] = 103 at picked tokens).</param>
/// <param name="AttentionMask">attention_mask [B, L], 1 = real token, 0 = pad.</param>
/// <param name="MlmLabels">mlm_labels [B, L] int64: the original id at picked tokens, -100 elsewhere.</param>
/// <param name="VtmNegIndex">vtm_neg_index [B] int64: caption i's negative video j != i; required by the official
/// <see cref="VtmNegativePolicy.Random"/> policy, ignored by <see cref="VtmNegativePolicy.HardFromVtc"/>.</param>
public sealed record PretrainInputs(
    Tensor Video, Tensor BoolMaskedPos, Tensor InputIds, Tensor AttentionMask, Tensor MlmLabels, Tensor? VtmNegIndex);
