#!/usr/bin/python3
"""Times no-grad embedding of videos and captions with the fine-tuning dual encoder in PyTorch (decoding excluded):
the peer of Vtp's embedding benchmark.

Usage: /usr/bin/python3 reference/bench_embed.py --config tiny|parity|base|PATH.json --batch 16 --text-length 16 --steps 10
Prints one JSON line: {"video_best_ms", "video_median_ms", "text_best_ms", "text_median_ms", "threads", "torch"} (per batch).
"""
import json

from torch_runtime import configure_threads
import torch

from bench_common import arguments, timed
from simvtp_config import load_config
from simvtp_finetune import DualEncoder
from simvtp_inputs import random_inputs


def main():
    args = arguments(__doc__.splitlines()[0], config="tiny", batch=16, text_length=16)
    threads = configure_threads()
    config = load_config(args.config)
    model = DualEncoder(config).eval()
    inputs = random_inputs(config, args.batch, args.text_length, torch.Generator().manual_seed(0))
    with torch.no_grad():
        video = timed(args.steps, args.warmup, lambda: model.video_encoder.embed_videos(inputs["video"]))
        text = timed(args.steps, args.warmup,
                     lambda: model.text_encoder.embed_texts(inputs["input_ids_unmasked"], inputs["attention_mask"]))
    print(json.dumps({"video_best_ms": video[0], "video_median_ms": video[1], "text_best_ms": text[0],
                      "text_median_ms": text[1], "threads": threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
