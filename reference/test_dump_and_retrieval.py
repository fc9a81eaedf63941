"""Tests of the dump CLI, the dual encoder's key mapping and the retrieval metrics (run via test_reference.py)."""
import contextlib
import io
import os
import tempfile
import unittest

from torch_runtime import torch
import torch.nn.functional as F

import dump
from safetensors_io import load_file
from simvtp_checkpoint import dual_encoder_tensors
from simvtp_config import PRESETS, SimVtpConfig
from simvtp_layers import key_padding_logits
from simvtp_metrics import ranks, retrieval_metrics, text_to_video_and_back
from simvtp_model import SimVtpPretrain


class DumpTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.dir = cls.folder.name
        for argv in (["init", "--config", "tiny", "--seed", "4", "--batch", "3", "--text-length", "6", "--perturb",
                      "0.02", "--out", cls.dir], ["forward", "--dir", cls.dir], ["finetune-embed", "--dir", cls.dir]):
            with contextlib.redirect_stdout(io.StringIO()):
                if dump.main(argv) != 0:
                    raise AssertionError(f"dump.py {' '.join(argv)} failed")

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def load(self, name):
        return load_file(os.path.join(self.dir, name))[0]

    def test_writes_config_weights_inputs_and_outputs(self):
        config = PRESETS["tiny"]
        with open(os.path.join(self.dir, "config.json"), encoding="utf-8") as stream:
            self.assertEqual(SimVtpConfig.from_json(stream.read()), config)
        weights, inputs, outputs = (self.load(name) for name in (
            "weights.safetensors", "inputs.safetensors", "outputs.safetensors"))
        self.assertEqual(list(weights), sorted(weights, key=lambda n: (-weights[n].element_size(), n)))
        self.assertEqual(set(weights), set(SimVtpPretrain(config, device="meta").state_dict()))
        expected_inputs = {"video": (torch.float32, [3, 3, 4, 32, 32]), "bool_masked_pos": (torch.bool, [3, 32]),
                           "input_ids": (torch.int64, [3, 6]), "attention_mask": (torch.int64, [3, 6]),
                           "mlm_labels": (torch.int64, [3, 6]), "vtm_neg_index": (torch.int64, [3]),
                           "input_ids_unmasked": (torch.int64, [3, 6])}
        self.assertEqual({n: (t.dtype, list(t.shape)) for n, t in inputs.items()}, expected_inputs)
        self.assertEqual({name[len("grad."):] for name in outputs if name.startswith("grad.")}, set(weights))
        for name, weight in weights.items():
            self.assertEqual(outputs[f"grad.{name}"].shape, weight.shape, name)
        self.assertEqual(list(outputs["pixel_pred"].shape), [3, 28, 384])
        self.assertEqual(list(outputs["vtc_similarity"].shape), [3, 3])
        self.assertEqual(outputs["loss_total"].shape, torch.Size([]))

    def test_forward_outputs_reproduce_from_the_files(self):
        weights, inputs, outputs = (self.load(name) for name in (
            "weights.safetensors", "inputs.safetensors", "outputs.safetensors"))
        model = SimVtpPretrain(PRESETS["tiny"]).eval()
        model.load_state_dict(weights)
        result = model(*(inputs[name] for name in dump.PRETRAIN_INPUTS))
        self.assertEqual(float(result.loss_total), float(outputs["loss_total"]))
        self.assertTrue(torch.equal(result.mlm_logits, outputs["mlm_logits"]))

    def test_finetune_embeddings_use_the_pretrained_blocks_and_a_fresh_fc_norm(self):
        weights, inputs, embeddings = (self.load(name) for name in (
            "weights.safetensors", "inputs.safetensors", "finetune_outputs.safetensors"))
        model = SimVtpPretrain(PRESETS["tiny"]).eval()
        model.load_state_dict(weights)
        encoder = model.encoder
        with torch.no_grad():
            hidden = model.text_embeddings(inputs["input_ids_unmasked"])
            for block in encoder.blocks:  # no final norm: the dual encoder drops encoder.norm
                hidden = block(hidden, key_padding_logits(inputs["attention_mask"], hidden.dtype))
            text = F.layer_norm(hidden.mean(1), (hidden.shape[-1],), eps=1e-6)
            tokens = encoder.patch_embed(inputs["video"]) + encoder.pos_embed
            for block in encoder.blocks:
                tokens = block(tokens)
            video = F.layer_norm(tokens.mean(1), (tokens.shape[-1],), eps=1e-6)
        torch.testing.assert_close(embeddings["text_embedding"], text, rtol=0, atol=1e-6)
        torch.testing.assert_close(embeddings["video_embedding"], video, rtol=0, atol=1e-6)
        self.assertEqual(list(embeddings["similarity"].shape), [3, 3])

    def test_bad_directory_is_reported_not_raised(self):
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.assertEqual(dump.main(["forward", "--dir", os.path.join(self.dir, "missing")]), 1)
        self.assertIn("config.json", stderr.getvalue())


class CheckpointMappingTests(unittest.TestCase):
    def test_pretrain_keys_map_to_both_towers(self):
        value = torch.zeros(1)
        mapped = dual_encoder_tensors({
            "encoder.blocks.0.attn.q_bias": value, "encoder.norm.weight": value, "mask_token": value,
            "text_embeddings.LayerNorm.bias": value, "text_embeddings.position_ids": value,
            "decoder.head.bias": value, "text_cls.weight": value, "vtm_head.bias": value,
            "encoder_to_decoder.weight": value})
        self.assertEqual(sorted(mapped), [
            "text_encoder.blocks.0.attn.q_bias", "text_encoder.text_embeddings.LayerNorm.bias",
            "video_encoder.blocks.0.attn.q_bias", "video_encoder.text_embeddings.LayerNorm.bias"])


class RetrievalMetricTests(unittest.TestCase):
    # rows: queries; the diagonal is the true match
    SIMS = [[0.9, 0.1, 0.9, 0.2],   # tie with a wrong item: optimistic rank 0
            [0.5, 0.4, 0.6, 0.1],   # two items above: rank 2
            [0.0, 0.0, 0.3, 0.0],   # rank 0
            [0.8, 0.7, 0.6, 0.5]]   # three above: rank 3

    def test_ranks_are_zero_based_and_optimistic(self):
        self.assertEqual(ranks(self.SIMS).tolist(), [0, 2, 0, 3])

    def test_metrics_match_hand_computation(self):
        metrics = retrieval_metrics(self.SIMS)
        self.assertEqual((metrics["R1"], metrics["R5"], metrics["R10"], metrics["R50"]), (50.0, 100.0, 100.0, 100.0))
        self.assertEqual((metrics["MedR"], metrics["MeanR"]), (2.0, 2.25))
        self.assertAlmostEqual(metrics["geometric_mean_R1-R5-R10"], (50.0 * 100 * 100) ** (1 / 3), places=10)

    def test_video_to_text_uses_the_transpose(self):
        # columns as queries: video 2 scores 0.3 with its caption, below 0.9, 0.6 and 0.6 -> rank 3
        both = text_to_video_and_back(self.SIMS)
        self.assertEqual(ranks([list(column) for column in zip(*self.SIMS)]).tolist(), [0, 1, 3, 0])
        self.assertEqual((both["v2t"]["R1"], both["v2t"]["MeanR"]), (50.0, 2.0))
        self.assertEqual(both["t2v"], retrieval_metrics(self.SIMS))

    def test_rejects_non_square_or_nan(self):
        with self.assertRaisesRegex(ValueError, r"square matrix, got shape \[2, 3\]"):
            ranks([[0.0, 1.0, 2.0], [1.0, 2.0, 3.0]])
        with self.assertRaisesRegex(ValueError, "NaN"):
            ranks([[float("nan")]])


if __name__ == "__main__":
    unittest.main()
