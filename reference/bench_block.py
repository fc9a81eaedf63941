#!/usr/bin/python3
"""Times forward + backward of one SimVTP transformer block in PyTorch: the peer of Vtp's block benchmark.

Usage: /usr/bin/python3 reference/bench_block.py --batch 8 --tokens 200 --dim 384 --heads 6 --steps 30
Prints one JSON line: {"best_ms", "median_ms", "threads", "torch"}. Threads: VTP_REFERENCE_THREADS (default 1).
"""
import argparse
import json
import statistics
import time

from torch_runtime import configure_threads
import torch

from simvtp_layers import Block


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--tokens", type=int, default=200)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--heads", type=int, default=6)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    threads = configure_threads()
    torch.manual_seed(0)
    block = Block(args.dim, args.heads, 4.0, 0.0)
    x = torch.randn(args.batch, args.tokens, args.dim, requires_grad=True)
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        block.zero_grad(set_to_none=True)
        x.grad = None
        block(x).square().mean().backward()
        if step >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"best_ms": min(times), "median_ms": statistics.median(times), "threads": threads,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
