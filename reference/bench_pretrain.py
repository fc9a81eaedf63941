#!/usr/bin/python3
"""Times one full SimVTP pretraining step (four passes, all losses, backward, AdamW) in PyTorch: the peer of Vtp's
pretraining-step benchmark.

Usage: /usr/bin/python3 reference/bench_pretrain.py --config tiny|parity|base|PATH.json --batch 8 --text-length 16 --steps 10
Prints one JSON line: {"best_ms", "median_ms", "peak_rss_mb", "threads", "torch"}. Threads: VTP_REFERENCE_THREADS (default 1).
"""
import json
import resource

from torch_runtime import configure_threads
import torch

from bench_common import arguments, timed
from simvtp_config import load_config
from simvtp_inputs import random_inputs
from simvtp_model import SimVtpPretrain


def main():
    args = arguments(__doc__.splitlines()[0], config="tiny", batch=8, text_length=16)
    threads = configure_threads()
    config = load_config(args.config)
    model = SimVtpPretrain(config).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.95), weight_decay=0.05)
    inputs = random_inputs(config, args.batch, args.text_length, torch.Generator().manual_seed(0))
    inputs.pop("input_ids_unmasked")

    def step():
        optimizer.zero_grad(set_to_none=True)
        model(**inputs).loss_total.backward()
        optimizer.step()

    best, median = timed(args.steps, args.warmup, step)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"best_ms": best, "median_ms": median, "peak_rss_mb": peak, "threads": threads,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
