#!/usr/bin/python3
"""Counts the matrix-product FLOPs one SimVTP pretraining step dispatches in the PyTorch reference: the independent
check of Vtp's analytic count (Vtp.Modeling.SimVtpFlops).

Every aten matrix product that runs (seen below autograd, so the backward's products are caught too) is counted as
2*m*n*k: mm, addmm, bmm, baddbmm, and a convolution as the product it amounts to (2 x output elements x input
channels x kernel volume, per gradient the backward computes). Element-wise ops, norms, softmax and losses are not
counted. Any other product-like op fails the count rather than being missed.

Usage: /usr/bin/python3 reference/count_flops.py --config tiny|PATH.json --batch 2 --text-length 5
Prints one JSON line: {"forward": F, "backward": B, "forward_by_op": {...}, "backward_by_op": {...}}.
"""
import argparse
import collections
import json
import math

from torch_runtime import configure_threads
import torch
from torch.utils._python_dispatch import TorchDispatchMode

from simvtp_config import load_config
from simvtp_inputs import random_inputs
from simvtp_model import SimVtpPretrain

PRODUCT_HINTS = ("mm", "mv", "dot", "conv", "linear", "matmul", "einsum", "bilinear")


def product_flops(name, args, output):
    """2*m*n*k of one dispatched op, or None when it is not a matrix product."""
    if name in ("mm", "bmm"):
        a, b = args[0], args[1]
        return 2 * a.numel() * b.shape[-1]
    if name in ("addmm", "baddbmm"):
        a, b = args[1], args[2]
        return 2 * a.numel() * b.shape[-1]
    if name == "convolution":
        weight = args[1]
        return 2 * output.numel() * math.prod(weight.shape[1:])
    if name == "convolution_backward":
        grad_output, weight, output_mask = args[0], args[2], args[10]
        per_gradient = 2 * grad_output.numel() * math.prod(weight.shape[1:])
        return per_gradient * (int(output_mask[0]) + int(output_mask[1]))
    if any(hint in name for hint in PRODUCT_HINTS):
        raise SystemExit(f"count_flops.py does not know how to count aten.{name}")
    return None


class ProductCounter(TorchDispatchMode):
    """Adds up the FLOPs of the matrix products dispatched while it is active, by op name."""

    def __init__(self):
        super().__init__()
        self.by_op = collections.Counter()

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        output = func(*args, **(kwargs or {}))
        flops = product_flops(func.overloadpacket.__name__, args, output)
        if flops is not None:
            self.by_op[func.overloadpacket.__name__] += flops
        return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="tiny")
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--text-length", type=int, default=5)
    args = parser.parse_args()
    configure_threads()
    config = load_config(args.config)
    model = SimVtpPretrain(config).train()
    inputs = random_inputs(config, args.batch, args.text_length, torch.Generator().manual_seed(0))
    inputs.pop("input_ids_unmasked")
    with ProductCounter() as forward:
        loss = model(**inputs).loss_total
    with ProductCounter() as backward:
        loss.backward()
    print(json.dumps({"forward": sum(forward.by_op.values()), "backward": sum(backward.by_op.values()),
                      "forward_by_op": forward.by_op, "backward_by_op": backward.by_op}))


if __name__ == "__main__":
    main()
