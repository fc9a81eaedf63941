"""Seeded random initialisation of the pretraining model, with the official distributions (SIMVTP.md §2.6).

- Linear layers of the encoder and decoder (VideoMAE), text_cls and vtm_head: xavier-uniform weight, zero bias.
- LayerNorms: weight 1, bias 0. q_bias and v_bias: 0.
- patch_embed.proj (Conv3d) and encoder_to_decoder: PyTorch's default, uniform(+-1/sqrt(fan_in)) (bias too).
- mask_token: normal(0, 0.02) truncated to [-0.02, 0.02], as VideoMAE's trunc_normal_ wrapper does.
- text_embeddings (BERT, when not loaded from bert-base-uncased): normal(0, 0.02), [PAD] row 0 zeroed.
Draws come from one torch.Generator in module order, so a seed fixes every weight.
"""
import math

import torch
from torch import nn

from simvtp_config import PAD_ID
from simvtp_layers import Attention

EMBEDDING_STD = 0.02
MASK_TOKEN_STD = 0.02


@torch.no_grad()
def init_pretrain_weights(model, generator):
    """Overwrite every parameter of a SimVtpPretrain in place; raises if any parameter is left untouched."""
    done = set()

    def fill(parameter, draw):
        draw(parameter)
        done.add(id(parameter))

    fill(model.mask_token, lambda p: trunc_normal_(p, MASK_TOKEN_STD, generator))
    for name, module in model.named_modules():
        if name in ("encoder.patch_embed.proj", "encoder_to_decoder"):
            for parameter in module.parameters(recurse=False):
                fill(parameter, lambda p: _uniform_(p, 1.0 / math.sqrt(_fan_in(module.weight)), generator))
        elif isinstance(module, nn.Linear):
            fill(module.weight, lambda p: _uniform_(p, _xavier_bound(p), generator))
            if module.bias is not None:
                fill(module.bias, lambda p: p.zero_())
        elif isinstance(module, nn.LayerNorm):
            fill(module.weight, lambda p: p.fill_(1.0))
            fill(module.bias, lambda p: p.zero_())
        elif isinstance(module, Attention):
            fill(module.q_bias, lambda p: p.zero_())
            fill(module.v_bias, lambda p: p.zero_())
        elif isinstance(module, nn.Embedding):
            fill(module.weight, lambda p: p.normal_(0.0, EMBEDDING_STD, generator=generator))
            if module.padding_idx is not None:
                module.weight[module.padding_idx].zero_()
    missed = [name for name, parameter in model.named_parameters() if id(parameter) not in done]
    if missed:
        raise RuntimeError(f"init_pretrain_weights has no rule for parameters {missed}")
    if model.text_embeddings.word_embeddings.padding_idx != PAD_ID:
        raise RuntimeError("text_embeddings.word_embeddings must use padding_idx 0")


@torch.no_grad()
def perturb_constants(model, std, generator):
    """Add normal(0, std) noise to every bias (q_bias and v_bias included) and every LayerNorm weight.

    The official init sets nearly all of them to 0 or 1, which would let a fixture miss a wrong bias or a swapped
    LayerNorm; the patch-embedding bias, already random, gets the same noise for simplicity."""
    for name, parameter in model.named_parameters():
        if name.endswith("bias") or _is_layer_norm_weight(model, name):
            parameter.add_(torch.randn(parameter.shape, generator=generator, dtype=parameter.dtype) * std)


def _is_layer_norm_weight(model, name):
    module_name, _, leaf = name.rpartition(".")
    return leaf == "weight" and isinstance(model.get_submodule(module_name), nn.LayerNorm)


def trunc_normal_(tensor, std, generator):
    """Normal(0, std) truncated to [-std, std], by inverse-CDF sampling of a uniform draw."""
    low, high = _normal_cdf(-1.0), _normal_cdf(1.0)
    tensor.uniform_(2 * low - 1, 2 * high - 1, generator=generator)
    tensor.erfinv_().mul_(std * math.sqrt(2.0)).clamp_(min=-std, max=std)


def _normal_cdf(x):
    return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0


def _uniform_(tensor, bound, generator):
    tensor.uniform_(-bound, bound, generator=generator)


def _fan_in(weight):
    return weight[0].numel()


def _xavier_bound(weight):
    fan_out, fan_in = weight.shape
    return math.sqrt(6.0 / (fan_in + fan_out))
