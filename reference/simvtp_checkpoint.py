"""Strict loading of official-named weights, and the pretrain -> dual-encoder key mapping (SIMVTP.md §4.1)."""
import torch

# Older HF checkpoints carry this int64 [1, 512] buffer; it is recomputed, so loaders accept and drop it.
IGNORED_KEYS = ("text_embeddings.position_ids",)
_TOWERS = ("video_encoder", "text_encoder")


def load_exact(model, tensors, source, allowed_missing=()):
    """Copy `tensors` (name -> tensor) into `model`'s parameters; key sets and shapes must match exactly.

    Keys in IGNORED_KEYS are dropped first; names in `allowed_missing` may be absent (they keep their values).
    Values are cast to each parameter's dtype.
    """
    tensors = {name: value for name, value in tensors.items() if name not in IGNORED_KEYS}
    parameters = dict(model.named_parameters())
    missing = [name for name in parameters if name not in tensors and name not in allowed_missing]
    unexpected = [name for name in tensors if name not in parameters]
    if missing or unexpected:
        raise ValueError(f"{source}: weights do not match the model: missing {missing}, unexpected {unexpected}")
    wrong = [f"{name}: expected {list(parameters[name].shape)}, got {list(value.shape)}"
             for name, value in tensors.items() if tuple(value.shape) != tuple(parameters[name].shape)]
    if wrong:
        raise ValueError(f"{source}: wrong shapes: " + "; ".join(wrong))
    with torch.no_grad():
        for name, value in tensors.items():
            parameters[name].copy_(value)


def dual_encoder_tensors(pretrain_tensors):
    """Map a pretraining state dict to the dual encoder's: `encoder.X` -> `{tower}.X` (except encoder.norm, which
    is discarded), `text_embeddings.X` -> `{tower}.text_embeddings.X`, for both towers; heads and decoder drop out.
    fc_norm is not produced: it starts at weight 1, bias 0."""
    mapped = {}
    for name, value in pretrain_tensors.items():
        if name.startswith("encoder.") and not name.startswith("encoder.norm."):
            suffix = name[len("encoder."):]
        elif name.startswith("text_embeddings.") and name not in IGNORED_KEYS:
            suffix = name
        else:
            continue
        for tower in _TOWERS:
            mapped[f"{tower}.{suffix}"] = value
    return mapped


def fc_norm_keys():
    """Dual-encoder keys that no pretraining checkpoint provides."""
    return [f"{tower}.fc_norm.{part}" for tower in _TOWERS for part in ("weight", "bias")]
