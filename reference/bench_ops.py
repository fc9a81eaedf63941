#!/usr/bin/python3
"""Times tiny tensor ops (16 floats), where the cost is the call itself, not the arithmetic: the peer of Vtp's ops
benchmark (the per-op overhead of each binding).

Usage: /usr/bin/python3 reference/bench_ops.py --calls 100000 --steps 7
Prints one JSON line: {"mul_scalar_us", "add_tensor_us", "neg_us"} (best of --steps batches of --calls calls), "threads", "torch".
"""
import json

from torch_runtime import configure_threads
import torch

from bench_common import arguments, timed


def main():
    args = arguments(__doc__.splitlines()[0], calls=100000, steps=7, warmup=1)
    threads = configure_threads()
    t = torch.randn(16, generator=torch.Generator().manual_seed(0))
    result = {}
    for name, op in (("mul_scalar", lambda: t * 2.0), ("add_tensor", lambda: t + t), ("neg", lambda: t.neg())):
        def batch():
            for _ in range(args.calls):
                op()
        best_ms, _ = timed(args.steps, args.warmup, batch)
        result[name + "_us"] = best_ms * 1000 / args.calls
    print(json.dumps({**result, "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
