#!/usr/bin/python3
"""Times float32 square matrix products (torch.mm) in PyTorch: the machine's matmul peak as python3-torch reaches it,
the peer of Vtp's mfu benchmark.

Usage: /usr/bin/python3 reference/bench_matmul.py --sizes 512,1024,2048 --work 20
Prints one JSON line: {"gflops": {"512": best GFLOP/s, ...}, "threads", "torch"}; a product of n x n by n x n counts
2 n^3 FLOPs, and each size repeats until it has done --work GFLOP (at least 5 products). Threads: VTP_REFERENCE_THREADS (default 1).
"""
import json
import math

from torch_runtime import configure_threads
import torch

from bench_common import arguments, timed


def main():
    args = arguments(__doc__.splitlines()[0], sizes="512,1024,2048", work=20)
    threads = configure_threads()
    generator = torch.Generator().manual_seed(0)
    gflops = {}
    for n in (int(size) for size in args.sizes.split(",")):
        a = torch.randn(n, n, generator=generator)
        b = torch.randn(n, n, generator=generator)
        per_product = 2 * n ** 3 / 1e9
        best_ms, _ = timed(max(5, math.ceil(args.work / per_product)), args.warmup, lambda: torch.mm(a, b))
        gflops[str(n)] = per_product / (best_ms / 1000)
    print(json.dumps({"gflops": gflops, "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
