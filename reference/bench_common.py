"""Shared parts of the benchmark peers (bench_*.py): the common arguments and the step timer."""
import argparse
import statistics
import time


def arguments(description, **defaults):
    """An argument parser with --steps and --warmup plus one integer or string option per keyword default."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--steps", type=int, default=defaults.pop("steps", 10))
    parser.add_argument("--warmup", type=int, default=defaults.pop("warmup", 2))
    for name, default in defaults.items():
        parser.add_argument("--" + name.replace("_", "-"), type=type(default), default=default)
    return parser.parse_args()


def timed(steps, warmup, work):
    """(best, median) milliseconds of `work()` over `steps` calls after `warmup` untimed ones."""
    times = []
    for step in range(warmup + steps):
        start = time.perf_counter()
        work()
        if step >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)
