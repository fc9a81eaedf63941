"""Tests of the file formats: safetensors reading/writing and the config JSON (run via test_reference.py)."""
import json
import os
import struct
import tempfile
import unittest

from torch_runtime import torch

from safetensors_io import SafetensorsError, load_file, save_file
from simvtp_config import PRESETS, SimVtpConfig, load_config


def _raw_file(header, data=b"", header_bytes=None):
    """Bytes of a safetensors file built by hand from the format description."""
    encoded = header_bytes if header_bytes is not None else json.dumps(header).encode("utf-8")
    return struct.pack("<Q", len(encoded)) + encoded + data


class SafetensorsTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.folder.name, "t.safetensors")

    def tearDown(self):
        self.folder.cleanup()

    def write_raw(self, raw):
        with open(self.path, "wb") as stream:
            stream.write(raw)

    def test_round_trip_every_dtype_scalar_and_empty(self):
        tensors = {
            "f64": torch.tensor([[1.0, -2.5], [3.25, 1e-300]], dtype=torch.float64),
            "f32": torch.tensor([0.1, -7.0, 3.4e38], dtype=torch.float32),
            "i64": torch.tensor([-(2 ** 62), 5], dtype=torch.int64),
            "i32": torch.tensor([[-(2 ** 31)], [7]], dtype=torch.int32),
            "u8": torch.tensor([0, 255, 17], dtype=torch.uint8),
            "bool": torch.tensor([True, False, True]),
            "scalar": torch.tensor(2.5),
            "empty": torch.zeros(0, 4),
        }
        save_file(tensors, self.path, {"note": "x"})
        loaded, metadata = load_file(self.path)
        self.assertEqual(metadata, {"note": "x"})
        self.assertEqual(set(loaded), set(tensors))
        for name, tensor in tensors.items():
            self.assertEqual(loaded[name].dtype, tensor.dtype, name)
            self.assertEqual(loaded[name].shape, tensor.shape, name)
            self.assertTrue(torch.equal(loaded[name], tensor), name)

    def test_reads_a_hand_built_file(self):
        header = {"__metadata__": {"k": "v"},
                  "b": {"dtype": "I32", "shape": [1], "data_offsets": [8, 12]},
                  "a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}
        self.write_raw(_raw_file(header, struct.pack("<2f", 1.5, -2.0) + struct.pack("<i", -9)))
        loaded, metadata = load_file(self.path)
        self.assertEqual(loaded["a"].tolist(), [1.5, -2.0])
        self.assertEqual(loaded["b"].tolist(), [-9])
        self.assertEqual(metadata, {"k": "v"})

    def test_writes_the_layout_of_the_format(self):
        save_file({"a": torch.tensor([1.5, -2.0]), "b": torch.tensor([3], dtype=torch.int64)}, self.path)
        with open(self.path, "rb") as stream:
            raw = stream.read()
        (length,) = struct.unpack("<Q", raw[:8])
        self.assertEqual(length % 8, 0)
        header = json.loads(raw[8:8 + length])
        # 8-byte elements come first, so every tensor is aligned to its element size
        self.assertEqual(header["b"], {"dtype": "I64", "shape": [1], "data_offsets": [0, 8]})
        self.assertEqual(header["a"], {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]})
        self.assertEqual(raw[8 + length:], struct.pack("<q", 3) + struct.pack("<2f", 1.5, -2.0))

    def test_rejects_corrupt_files(self):
        good = {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}
        data = struct.pack("<2f", 1.0, 2.0)
        cases = {
            "shorter than": b"\x01\x02",
            "exceeds": struct.pack("<Q", 1000) + b"{}",
            "not valid UTF-8 JSON": _raw_file(None, data, header_bytes=b"{not json"),
            "repeats the key": _raw_file(None, data, header_bytes=(
                b'{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},'
                b'"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}')),
            "outside the 8-byte": _raw_file({"x": dict(good, data_offsets=[0, 12])}, data),
            "needs 12 bytes": _raw_file({"x": dict(good, shape=[3])}, data),
            "overlapping": _raw_file({"x": dict(good, shape=[1], data_offsets=[0, 4]),
                                      "y": dict(good, shape=[1], data_offsets=[2, 6])}, data),
            "belong to no tensor": _raw_file({"x": dict(good, shape=[1], data_offsets=[4, 8])}, data),
            "data buffer holds 12": _raw_file({"x": good}, data + b"\0\0\0\0"),
            "has dtype 'BF16'": _raw_file({"x": dict(good, dtype="BF16")}, data),
            "expected a list of integers": _raw_file({"x": dict(good, shape=[-2])}, data),
            "bytes other than 0 and 1": _raw_file({"x": {"dtype": "BOOL", "shape": [2], "data_offsets": [0, 2]}},
                                                  b"\x01\x02"),
            "__metadata__ must map": _raw_file({"__metadata__": {"k": 1}, "x": good}, data),
        }
        for expected, raw in cases.items():
            with self.subTest(expected):
                self.write_raw(raw)
                with self.assertRaises(SafetensorsError) as context:
                    load_file(self.path)
                self.assertIn(expected, str(context.exception))
                self.assertIn(self.path, str(context.exception))

    def test_rejects_unsupported_tensors_on_write(self):
        with self.assertRaisesRegex(SafetensorsError, "'h' has dtype torch.float16"):
            save_file({"h": torch.zeros(2, dtype=torch.float16)}, self.path)
        self.assertFalse(os.path.exists(self.path))


class ConfigTests(unittest.TestCase):
    def test_json_round_trip_keeps_every_preset(self):
        for name, config in PRESETS.items():
            with self.subTest(name):
                self.assertEqual(SimVtpConfig.from_json(config.to_json()), config)

    def test_json_keys_are_the_shared_schema(self):
        keys = list(json.loads(PRESETS["base"].to_json()))
        self.assertEqual(keys, [
            "image_size", "patch_size", "num_frames", "tubelet_size", "in_chans", "encoder_embed_dim",
            "encoder_depth", "encoder_num_heads", "mlp_ratio", "decoder_embed_dim", "decoder_depth",
            "decoder_num_heads", "vocab_size", "max_position_embeddings", "type_vocab_size", "text_dropout",
            "drop_path_rate", "vtc_temperature", "video_mask_ratio", "text_mask_ratio"])

    def test_base_preset_derives_the_released_shapes(self):
        base = PRESETS["base"]
        self.assertEqual((base.grid, base.num_patches, base.num_masked, base.pixels_per_patch),
                         ((8, 14, 14), 1568, 1408, 1536))
        self.assertEqual((PRESETS["parity"].num_patches, PRESETS["parity"].num_masked), (32, 24))
        self.assertEqual((PRESETS["tiny"].num_patches, PRESETS["tiny"].num_masked), (32, 28))

    def test_rejects_bad_json(self):
        values = json.loads(PRESETS["tiny"].to_json())
        cases = {
            "unknown keys ['extra']": dict(values, extra=1),
            "missing keys ['vocab_size']": {k: v for k, v in values.items() if k != "vocab_size"},
            "'encoder_embed_dim' 64 is not divisible by 'encoder_num_heads' 5": dict(values, encoder_num_heads=5),
            "'patch_size' must be int": dict(values, patch_size=8.0),
            "'text_mask_ratio' must be in [0, 1)": dict(values, text_mask_ratio=1.5),
        }
        for expected, document in cases.items():
            with self.subTest(expected):
                with self.assertRaises(ValueError) as context:
                    SimVtpConfig.from_json(json.dumps(document), source="c.json")
                self.assertIn(expected, str(context.exception))
                self.assertIn("c.json", str(context.exception))

    def test_load_config_names_presets_and_missing_files(self):
        self.assertIs(load_config("tiny"), PRESETS["tiny"])
        with self.assertRaisesRegex(ValueError, "neither a preset .* nor a readable file"):
            load_config("/no/such/config.json")


if __name__ == "__main__":
    unittest.main()
