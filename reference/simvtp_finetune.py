"""Fine-tuning dual encoder for text-to-video retrieval (SIMVTP.md §4.1-§4.2).

Two untied copies of the encoder, each with its own BERT text embeddings, norm = Identity and fc_norm
(LayerNorm eps 1e-6) applied after mean pooling. video_encoder embeds videos, text_encoder embeds captions.
"""
from torch import nn

from simvtp_config import VIT_LAYER_NORM_EPS
from simvtp_layers import TextEmbeddings, key_padding_logits
from simvtp_losses import similarity_matrix, vtc_loss
from simvtp_model import Encoder


class RetrievalEncoder(Encoder):
    """One tower: the encoder without final norm, plus fc_norm and text_embeddings (checkpoint key order)."""

    def __init__(self, config, device=None):
        super().__init__(config, final_norm=False, device=device)
        self.fc_norm = nn.LayerNorm(config.encoder_embed_dim, eps=VIT_LAYER_NORM_EPS, device=device)
        self.text_embeddings = TextEmbeddings(config, device=device)

    def embed_videos(self, video):
        """Unmasked video [B, 3, T, H, W] -> [B, C_e]: all N tokens, blocks, mean over tokens, fc_norm."""
        return self.fc_norm(self.run(self.embed_video(video), None).mean(1))

    def embed_texts(self, input_ids, attention_mask):
        """Unmasked ids [B, L] -> [B, C_e]: BERT embeddings, blocks (pads masked as keys), mean over all L, fc_norm."""
        embeddings = self.text_embeddings(input_ids)                                       # [B, L, C_e]
        hidden = self.run(embeddings, key_padding_logits(attention_mask, embeddings.dtype))
        return self.fc_norm(hidden.mean(1))


class DualEncoder(nn.Module):
    """video_encoder and text_encoder, untied; forward gives (video [B, C_e], text [B, C_e]) embeddings."""

    def __init__(self, config, device=None):
        super().__init__()
        self.config = config
        self.video_encoder = RetrievalEncoder(config, device=device)
        self.text_encoder = RetrievalEncoder(config, device=device)

    def forward(self, video, input_ids, attention_mask):
        return self.video_encoder.embed_videos(video), self.text_encoder.embed_texts(input_ids, attention_mask)

    def retrieval_loss(self, video_embeddings, text_embeddings):
        """NormSoftmaxLoss (tau = vtc_temperature) on cos(text, video), in-batch negatives."""
        return vtc_loss(similarity_matrix(text_embeddings, video_embeddings), self.config.vtc_temperature)
