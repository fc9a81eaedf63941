"""Layer-by-layer checks of the SimVTP model against formulas written out by hand (run via test_reference.py).

All in float64 with noisy biases and LayerNorms, so a wrong bias, order or epsilon shows.
"""
import math
import unittest

from torch_runtime import torch

from simvtp_config import IGNORE_INDEX, PRESETS
from simvtp_layers import Attention, Block, key_padding_logits
from test_simvtp_model import INPUT_ORDER, build

DTYPE = torch.float64


def layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdim=True)
    variance = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(variance + eps) * weight + bias


def sinusoid(position, j, dim):
    angle = position / 10000 ** (2 * (j // 2) / dim)
    return math.sin(angle) if j % 2 == 0 else math.cos(angle)


def random_parameters(module, generator):
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator, dtype=DTYPE) * 0.3)


class LayerTests(unittest.TestCase):
    def setUp(self):
        self.generator = torch.Generator().manual_seed(11)

    def test_attention_matches_the_per_head_formula(self):
        dim, heads, head_size = 8, 2, 4
        attention = Attention(dim, heads).to(DTYPE)
        random_parameters(attention, self.generator)
        x = torch.randn(2, 5, dim, generator=self.generator, dtype=DTYPE)
        key_logits = torch.zeros(2, 1, 1, 5, dtype=DTYPE)
        key_logits[1, ..., 3:] = -10000.0
        w_q, w_k, w_v = attention.qkv.weight.split(dim)
        expected = torch.empty(2, 5, dim, dtype=DTYPE)
        for b in range(2):
            for h in range(heads):
                rows = slice(h * head_size, (h + 1) * head_size)
                q = x[b] @ w_q[rows].T + attention.q_bias[rows]
                k = x[b] @ w_k[rows].T  # the k bias is zero
                v = x[b] @ w_v[rows].T + attention.v_bias[rows]
                scores = q @ k.T / math.sqrt(head_size) + key_logits[b, 0]
                expected[b, :, rows] = torch.softmax(scores, dim=-1) @ v
        expected = expected @ attention.proj.weight.T + attention.proj.bias
        torch.testing.assert_close(attention(x, key_logits), expected, rtol=0, atol=1e-12)

    def test_block_is_pre_norm_residual_with_erf_gelu_and_eps_1e_6(self):
        block = Block(8, 2, 4.0, 0.0).to(DTYPE)
        random_parameters(block, self.generator)
        x = torch.randn(2, 3, 8, generator=self.generator, dtype=DTYPE) * 1e-3  # small: eps matters
        y = x + block.attn(layer_norm(x, block.norm1.weight, block.norm1.bias, 1e-6), None)
        hidden = layer_norm(y, block.norm2.weight, block.norm2.bias, 1e-6) @ block.mlp.fc1.weight.T
        hidden = hidden + block.mlp.fc1.bias
        gelu = 0.5 * hidden * (1 + torch.erf(hidden / math.sqrt(2.0)))
        expected = y + gelu @ block.mlp.fc2.weight.T + block.mlp.fc2.bias
        torch.testing.assert_close(block(x), expected, rtol=0, atol=1e-12)

    def test_text_embeddings_sum_word_type_position_then_bert_layer_norm(self):
        model, inputs = build("tiny", dtype=DTYPE)
        embeddings, ids = model.text_embeddings, inputs["input_ids"]
        summed = (embeddings.word_embeddings.weight[ids] + embeddings.token_type_embeddings.weight[0]
                  + embeddings.position_embeddings.weight[:ids.shape[1]])
        expected = layer_norm(summed, embeddings.LayerNorm.weight, embeddings.LayerNorm.bias, 1e-12)
        torch.testing.assert_close(embeddings(ids), expected, rtol=0, atol=1e-12)

    def test_visible_tokens_are_conv_cubes_plus_sinusoid_in_ascending_order(self):
        model, inputs = build("tiny", dtype=DTYPE)
        config, encoder = model.config, model.encoder
        video, mask = inputs["video"], inputs["bool_masked_pos"]
        _, h_count, w_count = config.grid
        p0, p, dim = config.tubelet_size, config.patch_size, config.encoder_embed_dim
        kernel = encoder.patch_embed.proj.weight.reshape(dim, -1)  # (c, p0, p1, p2) flattening
        visible = encoder.embed_visible(video, mask)
        for b in range(video.shape[0]):
            tokens = (~mask[b]).nonzero().flatten().tolist()
            for row, n in enumerate(tokens):
                t, rest = divmod(n, h_count * w_count)
                h, w = divmod(rest, w_count)
                cube = video[b, :, t * p0:(t + 1) * p0, h * p:(h + 1) * p, w * p:(w + 1) * p].reshape(-1)
                position = torch.tensor([sinusoid(n, j, dim) for j in range(dim)], dtype=torch.float32)
                expected = kernel @ cube + encoder.patch_embed.proj.bias + position.to(DTYPE)
                torch.testing.assert_close(visible[b, row], expected, rtol=0, atol=1e-12)

    def test_decoder_predicts_masked_tokens_last_in_ascending_order(self):
        model, inputs = build("tiny", dtype=DTYPE)
        config, decoder = model.config, model.decoder
        with torch.no_grad():  # zero every residual branch: each block becomes the identity
            for block in decoder.blocks:
                for layer in (block.attn.proj, block.mlp.fc2):
                    layer.weight.zero_()
                    layer.bias.zero_()
        mask = inputs["bool_masked_pos"]
        hidden = torch.randn(mask.shape[0], int((~mask[0]).sum()), config.encoder_embed_dim, dtype=DTYPE)
        prediction = model.decode_pixels(hidden, mask)
        dim = config.decoder_embed_dim
        for b in range(mask.shape[0]):
            for row, n in enumerate(mask[b].nonzero().flatten().tolist()):
                position = torch.tensor([sinusoid(n, j, dim) for j in range(dim)], dtype=torch.float32)
                token = model.mask_token[0, 0] + position.to(DTYPE)
                expected = layer_norm(token, decoder.norm.weight, decoder.norm.bias, 1e-6) @ decoder.head.weight.T
                torch.testing.assert_close(prediction[b, row], expected + decoder.head.bias, rtol=0, atol=1e-12)


class PassTests(unittest.TestCase):
    def test_four_encoder_passes_pool_every_token_and_feed_the_heads(self):
        model, inputs = build("tiny", batch=3, length=7, dtype=DTYPE)
        passes = []
        handle = model.encoder.norm.register_forward_hook(lambda module, args, out: passes.append(out))
        output = model(*(inputs[name] for name in INPUT_ORDER))
        handle.remove()
        visible = PRESETS["tiny"].num_patches - PRESETS["tiny"].num_masked
        self.assertEqual([list(hidden.shape[:2]) for hidden in passes],
                         [[3, visible + 7], [3, visible], [3, 7], [6, visible + 7]])
        joint, video_only, text_only, vtm = passes
        torch.testing.assert_close(output.mlm_logits, model.text_cls(joint[:, visible:]), rtol=0, atol=0)
        torch.testing.assert_close(output.video_features, video_only.mean(1), rtol=0, atol=0)
        torch.testing.assert_close(output.text_features, text_only.mean(1), rtol=0, atol=0)  # pads included
        torch.testing.assert_close(output.vtm_logits, model.vtm_head(vtm.mean(1)), rtol=0, atol=0)
        torch.testing.assert_close(vtm[:3], joint, rtol=0, atol=1e-12)  # the positives repeat the joint pass
        negatives = inputs["vtm_neg_index"]
        with torch.no_grad():
            expected = model.encoder.encode_joint(
                inputs["video"][negatives], inputs["bool_masked_pos"][negatives],
                model.text_embeddings(inputs["input_ids"]), inputs["attention_mask"])
        torch.testing.assert_close(vtm[3:], expected, rtol=0, atol=1e-12)  # caption i with video neg[i]
        self.assertEqual(output.vtm_labels.tolist(), [1, 1, 1, 0, 0, 0])

    def test_padded_keys_get_exactly_minus_10000(self):
        logits = key_padding_logits(torch.tensor([[1, 1, 0]]), DTYPE)
        self.assertEqual(logits.tolist(), [[[[0.0, 0.0, -10000.0]]]])

    def test_losses_follow_their_formulas(self):
        model, inputs = build("tiny", batch=3, length=7, dtype=DTYPE)
        output = model(*(inputs[name] for name in INPUT_ORDER))
        picked = inputs["mlm_labels"] != IGNORE_INDEX
        log_probs = torch.log_softmax(output.mlm_logits[picked], dim=-1)
        expected_mlm = -log_probs.gather(1, inputs["mlm_labels"][picked][:, None]).mean()
        vtm_log_probs = torch.log_softmax(output.vtm_logits, dim=-1)
        expected_vtm = -(vtm_log_probs[:3, 1].sum() + vtm_log_probs[3:, 0].sum()) / 6
        expected_pix = ((output.pixel_pred - output.pixel_target) ** 2).mean()
        for actual, expected in ((output.loss_mlm, expected_mlm), (output.loss_vtm, expected_vtm),
                                 (output.loss_pix, expected_pix)):
            self.assertAlmostEqual(float(actual), float(expected), places=12)


if __name__ == "__main__":
    unittest.main()
