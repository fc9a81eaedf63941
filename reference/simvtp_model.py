"""SimVTP pretraining model (SIMVTP.md §2-§3): shared encoder, VideoMAE decoder, MLM and VTM heads, four passes.

Parameter names and registration order are those of the official checkpoint (simvtp-state-dict.txt). Shape legend
as in simvtp_layers: B, N, N_vis, N_mask, L, C_e, C_d, V (vocab), P (pixels per patch).
"""
import dataclasses

import torch
from torch import nn

from simvtp_config import VIT_LAYER_NORM_EPS
from simvtp_layers import PatchEmbed, TextEmbeddings, key_padding_logits, make_blocks, sinusoid_table
from simvtp_losses import cross_entropy, mse, pixel_target, similarity_matrix, vtc_loss, vtm_labels


def visible_tokens(tokens, bool_masked_pos):
    """[B, N, C] tokens and [B, N] mask (True = masked) -> [B, N_vis, C], visible tokens in ascending order."""
    counts = (~bool_masked_pos).sum(dim=1)
    if counts.numel() and bool(counts.ne(counts[0]).any()):
        raise ValueError(f"every sample must have the same number of visible tokens, got {counts.tolist()}")
    return tokens[~bool_masked_pos].reshape(tokens.shape[0], -1, tokens.shape[2])


class Encoder(nn.Module):
    """The shared ViT: patch embedding, sinusoid positions, blocks and the final LayerNorm (eps 1e-6).

    With final_norm=False the norm is an Identity, as in the fine-tuning dual encoder.
    """

    def __init__(self, config, final_norm=True, device=None):
        super().__init__()
        dim = config.encoder_embed_dim
        self.patch_embed = PatchEmbed(config, device=device)
        self.blocks = make_blocks(dim, config.encoder_depth, config.encoder_num_heads, config.mlp_ratio,
                                  config.drop_path_rate, device=device)
        self.norm = nn.LayerNorm(dim, eps=VIT_LAYER_NORM_EPS, device=device) if final_norm else nn.Identity()
        self.register_buffer("pos_embed", sinusoid_table(config.num_patches, dim, device), persistent=False)

    def embed_video(self, video):
        """[B, 3, T, H, W] -> all tokens with their sinusoid positions [B, N, C_e]."""
        tokens = self.patch_embed(video)                                                   # [B, N, C_e]
        return tokens + self.pos_embed.to(tokens.dtype)

    def embed_visible(self, video, bool_masked_pos):
        """[B, 3, T, H, W] and [B, N] -> visible tokens with positions [B, N_vis, C_e] (positions added first)."""
        tokens = self.embed_video(video)                                                   # [B, N, C_e]
        if tuple(bool_masked_pos.shape) != tokens.shape[:2]:
            raise ValueError(f"bool_masked_pos must be {list(tokens.shape[:2])}, got {list(bool_masked_pos.shape)}")
        return visible_tokens(tokens, bool_masked_pos)                                     # [B, N_vis, C_e]

    def run(self, tokens, key_logits):
        """Blocks then the final norm: [B, S, C_e] (+ [B, 1, 1, S] key logits or None) -> [B, S, C_e]."""
        for block in self.blocks:
            tokens = block(tokens, key_logits)
        return self.norm(tokens)

    def encode_video(self, video, bool_masked_pos):
        """Video-only pass: [B, N_vis, C_e]; no mask is needed since every key is valid."""
        return self.run(self.embed_visible(video, bool_masked_pos), None)

    def encode_text(self, text_embeddings, attention_mask):
        """Text-only pass: [B, L, C_e] with padded keys at -10000."""
        return self.run(text_embeddings, key_padding_logits(attention_mask, text_embeddings.dtype))

    def encode_joint(self, video, bool_masked_pos, text_embeddings, attention_mask):
        """Joint pass over [visible video ; text]: [B, N_vis + L, C_e]; video keys get 0, padded text -10000."""
        video_tokens = self.embed_visible(video, bool_masked_pos)                          # [B, N_vis, C_e]
        tokens = torch.cat([video_tokens, text_embeddings], dim=1)                         # [B, N_vis+L, C_e]
        video_keys = torch.ones(video_tokens.shape[:2], dtype=attention_mask.dtype, device=video.device)
        key_logits = key_padding_logits(torch.cat([video_keys, attention_mask], dim=1), tokens.dtype)
        return self.run(tokens, key_logits)


class Decoder(nn.Module):
    """VideoMAE decoder: blocks (no key mask), then LN and head on the last N_mask tokens."""

    def __init__(self, config, device=None):
        super().__init__()
        dim = config.decoder_embed_dim
        self.blocks = make_blocks(dim, config.decoder_depth, config.decoder_num_heads, config.mlp_ratio,
                                  config.drop_path_rate, device=device)
        self.norm = nn.LayerNorm(dim, eps=VIT_LAYER_NORM_EPS, device=device)
        self.head = nn.Linear(dim, config.pixels_per_patch, device=device)

    def forward(self, tokens, num_masked):
        """[B, N, C_d] -> [B, N_mask, P]."""
        for block in self.blocks:
            tokens = block(tokens, None)
        return self.head(self.norm(tokens[:, -num_masked:]))


@dataclasses.dataclass
class PretrainOutput:
    """Everything one pretraining forward produces; losses are 0-dim tensors."""
    loss_total: torch.Tensor
    loss_pix: torch.Tensor
    loss_mlm: torch.Tensor
    loss_vtc: torch.Tensor
    loss_vtm: torch.Tensor
    pixel_pred: torch.Tensor      # [B, N_mask, P]
    pixel_target: torch.Tensor    # [B, N_mask, P]
    mlm_logits: torch.Tensor      # [B, L, V]
    vtm_logits: torch.Tensor      # [2B, 2]
    vtm_labels: torch.Tensor      # [2B] int64: ones then zeros
    video_features: torch.Tensor  # [B, C_e] mean of the video-only pass
    text_features: torch.Tensor   # [B, C_e] mean of the text-only pass, pads included
    vtc_similarity: torch.Tensor  # [B, B] cosine, rows text, columns video


class SimVtpPretrain(nn.Module):
    """The SimVTP pretraining model; `forward` runs the four encoder passes and returns every loss part."""

    def __init__(self, config, device=None):
        super().__init__()
        self.config = config
        self.mask_token = nn.Parameter(torch.zeros(1, 1, config.decoder_embed_dim, device=device))
        self.encoder = Encoder(config, device=device)
        self.decoder = Decoder(config, device=device)
        self.encoder_to_decoder = nn.Linear(config.encoder_embed_dim, config.decoder_embed_dim, bias=False,
                                            device=device)
        self.text_embeddings = TextEmbeddings(config, device=device)
        self.text_cls = nn.Linear(config.encoder_embed_dim, config.vocab_size, device=device)
        self.vtm_head = nn.Linear(config.encoder_embed_dim, 2, device=device)
        self.register_buffer("decoder_pos_embed",
                             sinusoid_table(config.num_patches, config.decoder_embed_dim, device), persistent=False)

    def decode_pixels(self, visible_hidden, bool_masked_pos):
        """Encoder outputs of visible tokens [B, N_vis, C_e] -> pixel predictions [B, N_mask, P]."""
        batch = visible_hidden.shape[0]
        x_vis = self.encoder_to_decoder(visible_hidden)                                    # [B, N_vis, C_d]
        positions = self.decoder_pos_embed.to(x_vis.dtype).expand(batch, -1, -1)          # [B, N, C_d]
        pos_vis = positions[~bool_masked_pos].reshape(batch, -1, x_vis.shape[2])           # [B, N_vis, C_d]
        pos_mask = positions[bool_masked_pos].reshape(batch, -1, x_vis.shape[2])           # [B, N_mask, C_d]
        tokens = torch.cat([x_vis + pos_vis, self.mask_token + pos_mask], dim=1)           # [B, N, C_d]
        return self.decoder(tokens, pos_mask.shape[1])

    def forward(self, video, bool_masked_pos, input_ids, attention_mask, mlm_labels, vtm_neg_index):
        """video [B, 3, T, H, W] (normalised), bool_masked_pos [B, N] (True = masked), input_ids [B, L] (already
        MLM-masked), attention_mask [B, L], mlm_labels [B, L] (-100 = ignore), vtm_neg_index [B] -> PretrainOutput."""
        batch = video.shape[0]
        _check_text(input_ids, attention_mask, mlm_labels, batch)
        _check_negatives(vtm_neg_index, batch)
        text = self.text_embeddings(input_ids)                                             # [B, L, C_e]
        # (1) joint pass: MLM over the text outputs, pixels from the visible-video outputs
        joint = self.encoder.encode_joint(video, bool_masked_pos, text, attention_mask)   # [B, N_vis+L, C_e]
        num_visible = joint.shape[1] - input_ids.shape[1]
        mlm_logits = self.text_cls(joint[:, num_visible:])                                 # [B, L, V]
        pixel_pred = self.decode_pixels(joint[:, :num_visible], bool_masked_pos)          # [B, N_mask, P]
        # (2)-(3) single-modality passes for VTC, mean-pooled over all tokens (text pads included)
        video_features = self.encoder.encode_video(video, bool_masked_pos).mean(1)        # [B, C_e]
        text_features = self.encoder.encode_text(text, attention_mask).mean(1)            # [B, C_e]
        # (4) VTM: each caption with its own video, then with video vtm_neg_index[i]
        videos2 = torch.cat([video, video[vtm_neg_index]], dim=0)                          # [2B, 3, T, H, W]
        masks2 = torch.cat([bool_masked_pos, bool_masked_pos[vtm_neg_index]], dim=0)       # [2B, N]
        ids2 = torch.cat([input_ids, input_ids], dim=0)                                    # [2B, L]
        text2 = self.text_embeddings(ids2)                                                 # [2B, L, C_e]
        attention2 = torch.cat([attention_mask, attention_mask], dim=0)                    # [2B, L]
        vtm_logits = self.vtm_head(self.encoder.encode_joint(videos2, masks2, text2, attention2).mean(1))
        labels = vtm_labels(batch, video.device)
        with torch.no_grad():
            target = pixel_target(video, bool_masked_pos, self.config)                     # [B, N_mask, P]
        similarity = similarity_matrix(text_features, video_features)                      # [B, B]
        loss_pix = mse(pixel_pred, target)
        loss_mlm = cross_entropy(mlm_logits.reshape(-1, self.config.vocab_size), mlm_labels.reshape(-1))
        loss_vtc = vtc_loss(similarity, self.config.vtc_temperature)
        loss_vtm = cross_entropy(vtm_logits, labels)
        total = loss_pix + loss_mlm + loss_vtc + loss_vtm
        return PretrainOutput(total, loss_pix, loss_mlm, loss_vtc, loss_vtm, pixel_pred, target, mlm_logits,
                              vtm_logits, labels, video_features, text_features, similarity)


def _check_text(input_ids, attention_mask, mlm_labels, batch):
    for name, tensor in (("input_ids", input_ids), ("attention_mask", attention_mask), ("mlm_labels", mlm_labels)):
        if tensor.dim() != 2 or tensor.shape[0] != batch or tensor.shape != input_ids.shape:
            raise ValueError(f"{name} must be [{batch}, L] like input_ids {list(input_ids.shape)}, "
                             f"got {list(tensor.shape)}")
    if not bool(((attention_mask == 0) | (attention_mask == 1)).all()):
        raise ValueError(f"attention_mask must hold only 0 and 1, got values {attention_mask.unique().tolist()}")


def _check_negatives(vtm_neg_index, batch):
    expected_shape = [batch]
    if list(vtm_neg_index.shape) != expected_shape or vtm_neg_index.dtype != torch.int64:
        raise ValueError(f"vtm_neg_index must be int64 {expected_shape}, got {vtm_neg_index.dtype} "
                         f"{list(vtm_neg_index.shape)}")
    own = torch.arange(batch, device=vtm_neg_index.device)
    bad = ((vtm_neg_index < 0) | (vtm_neg_index >= batch) | (vtm_neg_index == own)).nonzero().flatten().tolist()
    if bad:
        raise ValueError(f"vtm_neg_index[i] must be in [0, {batch}) and != i; wrong at i = {bad}: "
                         f"{vtm_neg_index[bad].tolist()}")
