"""One PyTorch rank of a gloo group that a Vtp (C#) process also joins; the test oracle for interoperability.

usage: python_rank.py SCENARIO PORT RANK WORLD_SIZE
  collectives: all_reduce (sum) of [1, 2, 3] * (rank + 1); broadcast from rank 1 of a [2] tensor filled with the
               rank; all_gather of [[10 * rank, 10 * rank + 1]]; a barrier. Prints the three results as JSON.
  die:         joins, passes one barrier, then exits at once without leaving the group (a crashed peer).
"""
import json
import os
import sys
import time
from datetime import timedelta

import torch
import torch.distributed as dist

scenario, port, rank, world_size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world_size,
                        timeout=timedelta(seconds=20))

if scenario == "collectives":
    reduced = torch.tensor([1.0, 2.0, 3.0]) * (rank + 1)
    dist.all_reduce(reduced)
    broadcast = torch.full((2,), float(rank))
    dist.broadcast(broadcast, src=1)
    parts = [torch.empty(1, 2) for _ in range(world_size)]
    dist.all_gather(parts, torch.tensor([[10.0 * rank, 10.0 * rank + 1]]))
    dist.barrier()
    print(json.dumps({"all_reduce": reduced.tolist(), "broadcast": broadcast.tolist(),
                      "all_gather": torch.cat(parts).flatten().tolist()}))
    dist.destroy_process_group()
elif scenario == "die":
    dist.barrier()
    time.sleep(0.5)  # let the other rank enter its next collective first
    os._exit(3)
else:
    sys.exit(f"unknown scenario {scenario}")
