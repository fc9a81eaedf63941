#!/usr/bin/python3
"""Times one full SimVTP pretraining step (four passes, all losses, backward, AdamW) in PyTorch: the peer of Vtp's
pretraining-step benchmark.

Usage: /usr/bin/python3 reference/bench_pretrain.py --config tiny|parity|base|PATH.json --batch 8 --text-length 16 --steps 10
Prints one JSON line: {"best_ms", "median_ms", "peak_rss_mb", "threads", "torch"}. Threads: VTP_REFERENCE_THREADS (default 1).
"""
import argparse
import json
import resource
import statistics
import time

from torch_runtime import configure_threads
import torch

from simvtp_config import load_config
from simvtp_inputs import random_inputs
from simvtp_model import SimVtpPretrain


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="tiny")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--text-length", type=int, default=16)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    threads = configure_threads()
    config = load_config(args.config)
    generator = torch.Generator().manual_seed(0)
    model = SimVtpPretrain(config).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.95), weight_decay=0.05)
    inputs = random_inputs(config, args.batch, args.text_length, generator)
    inputs.pop("input_ids_unmasked")
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        model(**inputs).loss_total.backward()
        optimizer.step()
        if step >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"best_ms": min(times), "median_ms": statistics.median(times), "peak_rss_mb": peak,
                      "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
