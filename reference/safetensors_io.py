"""Read and write safetensors files without the `safetensors` package.

Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON, then the raw little-endian data buffer.
The JSON maps each tensor name to {"dtype", "shape", "data_offsets": [begin, end]} (offsets relative to the data
buffer) and may hold "__metadata__" (a string-to-string map). Readers here enforce what the format requires:
offsets inside the buffer, byte counts that match dtype and shape, and tensors that tile the buffer with no
overlap and no gap. Needs numpy and torch (Debian's /usr/bin/python3 with python3-torch).
"""
import json
import os
import struct

import numpy as np
import torch

# safetensors dtype name -> (numpy little-endian dtype, torch dtype)
DTYPES = {
    "F64": (np.dtype("<f8"), torch.float64),
    "F32": (np.dtype("<f4"), torch.float32),
    "I64": (np.dtype("<i8"), torch.int64),
    "I32": (np.dtype("<i4"), torch.int32),
    "U8": (np.dtype("u1"), torch.uint8),
    "BOOL": (np.dtype("?"), torch.bool),
}
_TORCH_TO_NAME = {torch_dtype: name for name, (_, torch_dtype) in DTYPES.items()}
_MAX_HEADER_BYTES = 100 * 1024 * 1024
_ALIGNMENT = 8


class SafetensorsError(ValueError):
    """A safetensors file or tensor set that breaks the format; the message names the file and the tensor."""


def save_file(tensors, path, metadata=None):
    """Write `tensors` (name -> torch.Tensor) to `path`, atomically, with optional string metadata.

    Tensors are stored largest element size first, then by name, and the header is padded with spaces to a
    multiple of 8 bytes, so every tensor starts aligned to its element size.
    """
    if metadata is not None:
        _check_metadata(metadata, path)
    order = sorted(tensors, key=lambda name: (-_dtype_of(tensors[name], name, path)[0].itemsize, name))
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = dict(metadata)
    for name in order:
        if name == "__metadata__":
            raise SafetensorsError(f"{path}: '__metadata__' is reserved and cannot name a tensor")
        tensor = tensors[name]
        np_dtype, dtype_name = _dtype_of(tensor, name, path)
        data = tensor.detach().cpu().contiguous().numpy().astype(np_dtype, copy=False).tobytes()
        header[name] = {"dtype": dtype_name, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header_bytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
    header_bytes += b" " * (-len(header_bytes) % _ALIGNMENT)
    temp_path = f"{path}.tmp{os.getpid()}"
    with open(temp_path, "wb") as stream:
        stream.write(struct.pack("<Q", len(header_bytes)))
        stream.write(header_bytes)
        for blob in blobs:
            stream.write(blob)
    os.replace(temp_path, path)


def load_file(path):
    """Read `path` and return (tensors: name -> torch.Tensor, metadata: dict or None), validating the layout."""
    with open(path, "rb") as stream:
        raw = stream.read()
    header, data_start = _parse_header(raw, path)
    metadata = header.pop("__metadata__", None)
    if metadata is not None:
        _check_metadata(metadata, path)
    data = memoryview(raw)[data_start:]
    entries = [(name, _check_entry(name, entry, len(data), path)) for name, entry in header.items()]
    _check_tiling(entries, len(data), path)
    tensors = {}
    for name, (np_dtype, shape, begin, end) in entries:
        array = np.frombuffer(data[begin:end], dtype=np_dtype).reshape(shape)
        if np_dtype.kind == "b" and array.view(np.uint8).max(initial=0) > 1:
            raise SafetensorsError(f"{path}: tensor '{name}' is BOOL but holds bytes other than 0 and 1")
        tensors[name] = torch.from_numpy(array.astype(np_dtype.newbyteorder("="), copy=True))
    return tensors, metadata


def _dtype_of(tensor, name, path):
    if not isinstance(tensor, torch.Tensor):
        raise SafetensorsError(f"{path}: '{name}' is a {type(tensor).__name__}, expected a torch.Tensor")
    dtype_name = _TORCH_TO_NAME.get(tensor.dtype)
    if dtype_name is None:
        raise SafetensorsError(
            f"{path}: tensor '{name}' has dtype {tensor.dtype}; supported: {', '.join(sorted(DTYPES))}")
    return DTYPES[dtype_name][0], dtype_name


def _check_metadata(metadata, path):
    if not isinstance(metadata, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in metadata.items()):
        raise SafetensorsError(f"{path}: __metadata__ must map strings to strings, got {metadata!r}")


def _parse_header(raw, path):
    if len(raw) < 8:
        raise SafetensorsError(f"{path}: file is {len(raw)} bytes, shorter than the 8-byte header length")
    (header_len,) = struct.unpack("<Q", raw[:8])
    if header_len > min(len(raw) - 8, _MAX_HEADER_BYTES):
        raise SafetensorsError(
            f"{path}: header length {header_len} exceeds the {len(raw) - 8} bytes after it "
            f"(or the {_MAX_HEADER_BYTES}-byte limit)")
    try:
        text = raw[8:8 + header_len].decode("utf-8")
        header = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SafetensorsError(f"{path}: header is not valid UTF-8 JSON: {error}") from error
    except KeyError as error:
        raise SafetensorsError(f"{path}: header repeats the key {error}") from error
    if not isinstance(header, dict):
        raise SafetensorsError(f"{path}: header must be a JSON object, got {type(header).__name__}")
    return header, 8 + header_len


def _reject_duplicate_keys(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise KeyError(key)
        result[key] = value
    return result


def _check_entry(name, entry, data_len, path):
    if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
        raise SafetensorsError(
            f"{path}: tensor '{name}' must have exactly dtype, shape and data_offsets, got {entry!r}")
    if entry["dtype"] not in DTYPES:
        raise SafetensorsError(
            f"{path}: tensor '{name}' has dtype {entry['dtype']!r}; supported: {', '.join(sorted(DTYPES))}")
    shape, offsets = entry["shape"], entry["data_offsets"]
    if not isinstance(shape, list) or not all(_is_count(dim) for dim in shape):
        raise SafetensorsError(f"{path}: tensor '{name}' has shape {shape!r}, expected a list of integers >= 0")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(_is_count(value) for value in offsets):
        raise SafetensorsError(f"{path}: tensor '{name}' has data_offsets {offsets!r}, expected [begin, end]")
    begin, end = offsets
    if not begin <= end <= data_len:
        raise SafetensorsError(
            f"{path}: tensor '{name}' has data_offsets [{begin}, {end}] outside the {data_len}-byte data buffer")
    np_dtype = DTYPES[entry["dtype"]][0]
    expected = int(np.prod(shape, dtype=np.int64)) * np_dtype.itemsize
    if end - begin != expected:
        raise SafetensorsError(
            f"{path}: tensor '{name}' ({entry['dtype']} {shape}) needs {expected} bytes, "
            f"its data_offsets span {end - begin}")
    return np_dtype, tuple(shape), begin, end


def _is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_tiling(entries, data_len, path):
    position, previous = 0, None
    for name, (_, _, begin, end) in sorted(entries, key=lambda item: (item[1][2], item[1][3])):
        if begin < position:
            raise SafetensorsError(
                f"{path}: tensor '{name}' starts at byte {begin}, overlapping '{previous}' which ends at {position}")
        if begin > position:
            raise SafetensorsError(f"{path}: bytes {position}..{begin} of the data buffer belong to no tensor")
        position, previous = end, name
    if position != data_len:
        raise SafetensorsError(
            f"{path}: tensors cover {position} bytes but the data buffer holds {data_len}")
