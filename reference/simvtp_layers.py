"""Building blocks shared by the SimVTP encoder, decoder and dual encoder (SIMVTP.md §2.2-§2.3).

Shape legend: B batch, N video tokens, N_vis visible tokens, L text length, C channels (C_e encoder, C_d decoder),
nh heads, hs head size. Every module takes `device` so the base model can be built on the meta device.
"""
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from simvtp_config import BERT_LAYER_NORM_EPS, PAD_ID, VIT_LAYER_NORM_EPS

MASKED_KEY_LOGIT = -10000.0


def sinusoid_table(num_positions, dim, device=None):
    """Fixed 1-D sinusoid table [1, num_positions, dim]: angle p / 10000^(2*(j//2)/dim), sin on even j, cos on odd.

    Computed in float64 and rounded to float32, as the official numpy code; callers cast it to the model dtype.
    """
    positions = np.arange(num_positions, dtype=np.float64)[:, None]
    exponents = 2 * (np.arange(dim) // 2) / dim
    angles = positions / np.power(10000.0, exponents)[None, :]
    table = np.empty_like(angles)
    table[:, 0::2] = np.sin(angles[:, 0::2])
    table[:, 1::2] = np.cos(angles[:, 1::2])
    return torch.from_numpy(table.astype(np.float32))[None].to(device)


def key_padding_logits(attention_mask, dtype):
    """Additive key mask [B, 1, 1, L] from a 0/1 text mask: 0 for real tokens, -10000 for padding (never -inf)."""
    return ((1 - attention_mask) * MASKED_KEY_LOGIT).to(dtype)[:, None, None, :]


class DropPath(nn.Module):
    """Stochastic depth per sample; identity in eval mode or at rate 0."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        if self.rate == 0.0 or not self.training:
            return x
        keep = 1.0 - self.rate
        shape = (x.shape[0],) + (1,) * (x.dim() - 1)
        random = torch.floor(keep + torch.rand(shape, dtype=x.dtype, device=x.device))
        return x.div(keep) * random


class Attention(nn.Module):
    """Multi-head self-attention with q and v biases and a zero k bias; `key_logits` is added before softmax."""

    def __init__(self, dim, num_heads, device=None):
        super().__init__()
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.q_bias = nn.Parameter(torch.zeros(dim, device=device))
        self.v_bias = nn.Parameter(torch.zeros(dim, device=device))
        self.qkv = nn.Linear(dim, dim * 3, bias=False, device=device)
        self.proj = nn.Linear(dim, dim, device=device)

    def forward(self, x, key_logits=None):
        """[B, N, C] (+ [B, 1, 1, N] key logits or None for no mask) -> [B, N, C]."""
        batch, tokens, _ = x.shape
        bias = torch.cat((self.q_bias, torch.zeros_like(self.v_bias, requires_grad=False), self.v_bias))
        qkv = F.linear(x, self.qkv.weight, bias)                                           # [B, N, 3C]
        qkv = qkv.reshape(batch, tokens, 3, self.num_heads, -1).permute(2, 0, 3, 1, 4)     # [3, B, nh, N, hs]
        q, k, v = qkv[0], qkv[1], qkv[2]
        q = q * self.scale
        logits = q @ k.transpose(-2, -1)                                                   # [B, nh, N, N]
        if key_logits is not None:
            logits = logits + key_logits
        weights = logits.softmax(dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(batch, tokens, -1)                     # [B, N, C]
        return self.proj(out)


class Mlp(nn.Module):
    """Linear -> exact (erf) GELU -> Linear."""

    def __init__(self, dim, hidden, device=None):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden, device=device)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden, dim, device=device)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    """Pre-norm transformer block: x + DropPath(Attn(LN1 x)), then x + DropPath(MLP(LN2 x)); LN eps 1e-6."""

    def __init__(self, dim, num_heads, mlp_ratio, drop_path, device=None):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=VIT_LAYER_NORM_EPS, device=device)
        self.attn = Attention(dim, num_heads, device=device)
        self.drop_path = DropPath(drop_path)
        self.norm2 = nn.LayerNorm(dim, eps=VIT_LAYER_NORM_EPS, device=device)
        self.mlp = Mlp(dim, int(dim * mlp_ratio), device=device)

    def forward(self, x, key_logits=None):
        x = x + self.drop_path(self.attn(self.norm1(x), key_logits))
        return x + self.drop_path(self.mlp(self.norm2(x)))


def make_blocks(dim, depth, num_heads, mlp_ratio, drop_path_rate, device=None):
    """`depth` blocks with drop-path rates linspace(0, drop_path_rate, depth)."""
    rates = [rate.item() for rate in torch.linspace(0, drop_path_rate, depth)]
    return nn.ModuleList(Block(dim, num_heads, mlp_ratio, rate, device=device) for rate in rates)


class PatchEmbed(nn.Module):
    """Conv3d with kernel = stride = (tubelet, patch, patch): [B, 3, T, H, W] -> [B, N, C_e] in (t, h, w) order."""

    def __init__(self, config, device=None):
        super().__init__()
        self.image_size = config.image_size
        self.num_frames = config.num_frames
        kernel = (config.tubelet_size, config.patch_size, config.patch_size)
        self.proj = nn.Conv3d(config.in_chans, config.encoder_embed_dim, kernel, stride=kernel, device=device)

    def forward(self, video):
        channels = self.proj.in_channels
        expected = (channels, self.num_frames, self.image_size, self.image_size)
        if video.dim() != 5 or tuple(video.shape[1:]) != expected:
            raise ValueError(f"video must be [B, {', '.join(map(str, expected))}], got {list(video.shape)}")
        return self.proj(video).flatten(2).transpose(1, 2)                                # [B, N, C_e]


class TextEmbeddings(nn.Module):
    """BERT embeddings: LN((word[ids] + token_type[0]) + position[0..L-1]) with eps 1e-12, then dropout.

    word_embeddings has padding_idx 0 as in BERT, so row 0 ([PAD]) never receives a gradient.
    """

    def __init__(self, config, device=None):
        super().__init__()
        dim = config.encoder_embed_dim
        self.word_embeddings = nn.Embedding(config.vocab_size, dim, padding_idx=PAD_ID, device=device)
        self.position_embeddings = nn.Embedding(config.max_position_embeddings, dim, device=device)
        self.token_type_embeddings = nn.Embedding(config.type_vocab_size, dim, device=device)
        self.LayerNorm = nn.LayerNorm(dim, eps=BERT_LAYER_NORM_EPS, device=device)  # noqa: N815 (checkpoint key)
        self.dropout = nn.Dropout(config.text_dropout)

    def forward(self, input_ids):
        """[B, L] int64 -> [B, L, C_e]."""
        length = input_ids.shape[1]
        if length > self.position_embeddings.num_embeddings:
            raise ValueError(
                f"text length {length} exceeds max_position_embeddings {self.position_embeddings.num_embeddings}")
        vocab = self.word_embeddings.num_embeddings
        if input_ids.numel() and (int(input_ids.min()) < 0 or int(input_ids.max()) >= vocab):
            raise ValueError(f"input_ids must lie in [0, {vocab}), got [{int(input_ids.min())}, "
                             f"{int(input_ids.max())}]")
        positions = torch.arange(length, device=input_ids.device)[None]                   # [1, L]
        token_types = torch.zeros_like(input_ids)                                          # [B, L]
        x = self.word_embeddings(input_ids) + self.token_type_embeddings(token_types)
        x = x + self.position_embeddings(positions)                                        # [B, L, C_e]
        return self.dropout(self.LayerNorm(x))
