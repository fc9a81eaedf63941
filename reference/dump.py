#!/usr/bin/python3
"""Write SimVTP reference fixtures for Vtp's parity tests (formats in reference/README.md).

Needs Debian's /usr/bin/python3 with python3-torch (torch 1.13) and numpy.

  init --config tiny|parity|base|FILE.json --seed S --batch B --text-length L --out DIR [--perturb STD]
       [--dtype float64]
  forward --dir DIR [--dtype float32|float64]
  finetune-embed --dir DIR [--dtype float32|float64]
"""
import argparse
import os
import sys
import time

from torch_runtime import configure_threads, torch  # first: fails clearly without torch

from safetensors_io import load_file, save_file
from simvtp_checkpoint import dual_encoder_tensors, fc_norm_keys, load_exact
from simvtp_config import SimVtpConfig, load_config
from simvtp_finetune import DualEncoder
from simvtp_init import init_pretrain_weights, perturb_constants
from simvtp_inputs import random_inputs
from simvtp_losses import similarity_matrix
from simvtp_model import SimVtpPretrain

DTYPES = {"float32": torch.float32, "float64": torch.float64}
CONFIG_FILE, WEIGHTS_FILE, INPUTS_FILE = "config.json", "weights.safetensors", "inputs.safetensors"
OUTPUTS_FILE, FINETUNE_FILE = "outputs.safetensors", "finetune_outputs.safetensors"
PRETRAIN_INPUTS = ("video", "bool_masked_pos", "input_ids", "attention_mask", "mlm_labels", "vtm_neg_index")
OUTPUT_FIELDS = ("loss_total", "loss_pix", "loss_mlm", "loss_vtc", "loss_vtm", "pixel_pred", "pixel_target",
                 "mlm_logits", "vtm_logits", "vtm_labels", "video_features", "text_features", "vtc_similarity")


def run_init(args):
    config = load_config(args.config)
    dtype = DTYPES[args.dtype or "float32"]
    generator = torch.Generator().manual_seed(args.seed)
    model = SimVtpPretrain(config).to(dtype)
    init_pretrain_weights(model, generator)
    if args.perturb:
        perturb_constants(model, args.perturb, generator)
    inputs = random_inputs(config, args.batch, args.text_length, generator, dtype)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, CONFIG_FILE), "w", encoding="utf-8") as stream:
        stream.write(config.to_json())
    metadata = {"seed": str(args.seed), "perturb": str(args.perturb), "dtype": args.dtype or "float32",
                "torch": torch.__version__}
    save_file(model.state_dict(), os.path.join(args.out, WEIGHTS_FILE), metadata)
    save_file(inputs, os.path.join(args.out, INPUTS_FILE), metadata)
    print(f"wrote {CONFIG_FILE}, {WEIGHTS_FILE} ({sum(p.numel() for p in model.parameters())} parameters) and "
          f"{INPUTS_FILE} to {args.out}")


def run_forward(args):
    config, weights, inputs, dtype = _read_dir(args, PRETRAIN_INPUTS)
    model = SimVtpPretrain(config).to(dtype).eval()
    load_exact(model, weights, os.path.join(args.dir, WEIGHTS_FILE))
    started = time.perf_counter()
    with torch.enable_grad():
        output = model(*(inputs[name] for name in PRETRAIN_INPUTS))
        forward_seconds = time.perf_counter() - started
        output.loss_total.backward()
    backward_seconds = time.perf_counter() - started - forward_seconds
    tensors = {name: getattr(output, name).detach() for name in OUTPUT_FIELDS}
    for name, parameter in model.named_parameters():
        if parameter.grad is None:
            raise RuntimeError(f"parameter '{name}' received no gradient from the total loss")
        tensors[f"grad.{name}"] = parameter.grad
    metadata = _metadata(dtype, forward_seconds=f"{forward_seconds:.6f}", backward_seconds=f"{backward_seconds:.6f}")
    save_file(tensors, os.path.join(args.dir, OUTPUTS_FILE), metadata)
    parts = ", ".join(f"{name} {float(getattr(output, name)):.6f}" for name in OUTPUT_FIELDS[:5])
    print(f"{parts}; forward {forward_seconds:.3f} s, backward {backward_seconds:.3f} s "
          f"({torch.get_num_threads()} threads); wrote {OUTPUTS_FILE}")


def run_finetune_embed(args):
    config, weights, inputs, dtype = _read_dir(args, ("video", "input_ids_unmasked", "attention_mask"))
    model = DualEncoder(config).to(dtype).eval()
    load_exact(model, dual_encoder_tensors(weights), os.path.join(args.dir, WEIGHTS_FILE), fc_norm_keys())
    with torch.no_grad():
        video_embedding, text_embedding = model(inputs["video"], inputs["input_ids_unmasked"],
                                                inputs["attention_mask"])
        tensors = {
            "video_embedding": video_embedding,
            "text_embedding": text_embedding,
            "similarity": similarity_matrix(text_embedding, video_embedding),
            "loss_retrieval": model.retrieval_loss(video_embedding, text_embedding),
        }
    save_file(tensors, os.path.join(args.dir, FINETUNE_FILE), _metadata(dtype))
    print(f"loss_retrieval {float(tensors['loss_retrieval']):.6f}; wrote {FINETUNE_FILE}")


def _read_dir(args, required_inputs):
    config_path = os.path.join(args.dir, CONFIG_FILE)
    with open(config_path, encoding="utf-8") as stream:
        config = SimVtpConfig.from_json(stream.read(), source=config_path)
    weights, _ = load_file(os.path.join(args.dir, WEIGHTS_FILE))
    inputs, _ = load_file(os.path.join(args.dir, INPUTS_FILE))
    missing = [name for name in required_inputs if name not in inputs]
    if missing:
        raise ValueError(f"{os.path.join(args.dir, INPUTS_FILE)}: missing inputs {missing}")
    stored = {value.dtype for value in weights.values() if value.is_floating_point()}
    if len(stored) != 1:
        raise ValueError(
            f"{os.path.join(args.dir, WEIGHTS_FILE)}: expected one float dtype, got {sorted(map(str, stored))}")
    dtype = DTYPES[args.dtype] if args.dtype else stored.pop()
    inputs = {name: value.to(dtype) if value.is_floating_point() else value for name, value in inputs.items()}
    return config, weights, inputs, dtype


def _metadata(dtype, **extra):
    return {"dtype": str(dtype).replace("torch.", ""), "torch": torch.__version__,
            "threads": str(torch.get_num_threads()), **extra}


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", required=True)
    init = verbs.add_parser("init", help="random weights (seeded) and inputs")
    init.add_argument("--config", required=True, help="preset name (tiny, parity, base) or a config JSON path")
    init.add_argument("--seed", type=int, required=True)
    init.add_argument("--batch", type=int, required=True, help="B, at least 2 (VTM needs a negative)")
    init.add_argument("--text-length", type=int, required=True, help="L, at least 3")
    init.add_argument("--out", required=True, help="directory to write")
    init.add_argument("--perturb", type=float, default=0.0,
                      help="std of noise added to every bias and LayerNorm weight (officially 0 or 1); "
                           "0.02 makes parity fixtures exercise them (default 0: the official init)")
    for verb, help_text in (("forward", "pretraining forward, losses and gradients"),
                            ("finetune-embed", "dual-encoder embeddings")):
        sub = verbs.add_parser(verb, help=help_text)
        sub.add_argument("--dir", required=True, help="directory written by init")
    for sub in verbs.choices.values():
        sub.add_argument("--dtype", choices=sorted(DTYPES), default=None,
                         help="init: stored dtype (default float32); others: compute dtype (default: stored)")
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    configure_threads()
    handlers = {"init": run_init, "forward": run_forward, "finetune-embed": run_finetune_embed}
    try:
        handlers[args.verb](args)
    except (ValueError, OSError) as error:
        sys.stderr.write(f"dump.py {args.verb}: {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
