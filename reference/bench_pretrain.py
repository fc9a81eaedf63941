#!/usr/bin/python3
"""Times one full SimVTP pretraining step (four passes, all losses, backward, AdamW) in PyTorch: the peer of Vtp's
pretraining-step, mfu and scaling benchmarks.

Usage: /usr/bin/python3 reference/bench_pretrain.py --config tiny|parity|base|PATH.json --batch 8 --text-length 16 --steps 10
Prints one JSON line: {"best_ms", "median_ms", "forward_ms", "backward_ms", "optimizer_ms" (phase medians; zero_grad
counts to the forward), "faults_per_step" (minor page faults), "peak_rss_mb", "threads", "torch"}.
Threads: VTP_REFERENCE_THREADS (default 1).
"""
import json
import resource
import statistics
import time

from torch_runtime import configure_threads
import torch

from bench_common import arguments
from simvtp_config import load_config
from simvtp_inputs import random_inputs
from simvtp_model import SimVtpPretrain


def peak_resident_mb():
    """This process's peak resident memory (VmHWM). Not ru_maxrss: on Linux that also counts the parent's resident
    memory at fork time, so a peer started by a large Vtp process would report Vtp's footprint as its own."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmHWM missing from /proc/self/status")


def main():
    args = arguments(__doc__.splitlines()[0], config="tiny", batch=8, text_length=16)
    threads = configure_threads()
    config = load_config(args.config)
    model = SimVtpPretrain(config).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.95), weight_decay=0.05)
    inputs = random_inputs(config, args.batch, args.text_length, torch.Generator().manual_seed(0))
    inputs.pop("input_ids_unmasked")

    phases = []
    faults = 0
    for step in range(args.warmup + args.steps):
        if step == args.warmup:
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = model(**inputs).loss_total
        forward = time.perf_counter()
        loss.backward()
        del loss
        backward = time.perf_counter()
        optimizer.step()
        end = time.perf_counter()
        if step >= args.warmup:
            phases.append((forward - start, backward - forward, end - backward, end - start))
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    ms = [[phase[i] * 1000 for phase in phases] for i in range(4)]
    peak = peak_resident_mb()
    print(json.dumps({"best_ms": min(ms[3]), "median_ms": statistics.median(ms[3]),
                      "forward_ms": statistics.median(ms[0]), "backward_ms": statistics.median(ms[1]),
                      "optimizer_ms": statistics.median(ms[2]), "faults_per_step": faults / args.steps,
                      "peak_rss_mb": peak, "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
