#!/usr/bin/python3
"""Times forward + backward of one SimVTP transformer block in PyTorch: the peer of Vtp's block benchmark.

Usage: /usr/bin/python3 reference/bench_block.py --batch 8 --tokens 200 --dim 384 --heads 6 --steps 30
Prints one JSON line: {"best_ms", "median_ms", "threads", "torch"}. Threads: VTP_REFERENCE_THREADS (default 1).
"""
import json

from torch_runtime import configure_threads
import torch

from bench_common import arguments, timed
from simvtp_layers import Block


def main():
    args = arguments(__doc__.splitlines()[0], steps=30, warmup=5, batch=8, tokens=200, dim=384, heads=6)
    threads = configure_threads()
    torch.manual_seed(0)
    block = Block(args.dim, args.heads, 4.0, 0.0)
    x = torch.randn(args.batch, args.tokens, args.dim, requires_grad=True)

    def step():
        block.zero_grad(set_to_none=True)
        x.grad = None
        block(x).square().mean().backward()

    best, median = timed(args.steps, args.warmup, step)
    print(json.dumps({"best_ms": best, "median_ms": median, "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
