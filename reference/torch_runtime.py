"""Fail clearly when torch is missing, and pin the CPU thread count.

The reference needs Debian's /usr/bin/python3 with python3-torch (torch 1.13) and numpy. Entry scripts import this
module first. VTP_REFERENCE_THREADS sets torch's intra-op threads (default 1, so timings are comparable and the
shared build machine stays usable).
"""
import os
import sys

try:
    import numpy  # noqa: F401  (imported to fail here, with the message below, when it is missing)
    import torch
except ImportError as error:
    sys.stderr.write(
        f"The Vtp reference needs Debian's /usr/bin/python3 with python3-torch (torch 1.13) and numpy; "
        f"'{sys.executable}' failed with: {error}\nRun it as: /usr/bin/python3 {sys.argv[0]} ...\n")
    raise SystemExit(2)

THREADS_VARIABLE = "VTP_REFERENCE_THREADS"


def configure_threads():
    """Set torch's intra-op thread count from VTP_REFERENCE_THREADS (default 1) and return it."""
    text = os.environ.get(THREADS_VARIABLE, "1")
    if not text.isdigit() or int(text) < 1:
        raise SystemExit(f"{THREADS_VARIABLE} must be a positive integer, got {text!r}")
    torch.set_num_threads(int(text))
    return int(text)
