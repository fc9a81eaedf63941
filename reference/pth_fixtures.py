#!/usr/bin/python3
"""PyTorch .pth files for Vtp's checkpoint-loader tests (Vtp.Tests/IO/PyTorchCheckpoint*Tests.cs).

Needs Debian's /usr/bin/python3 with python3-torch (torch 1.13).

  checkpoint --dir DIR --out FILE --layout training|data-parallel|state-dict [--protocol N]
      torch.save of the pretraining weights in DIR (written by dump.py init), laid out as
        training       VideoMAE/SimVTP utils.save_model: {"model": state_dict, "optimizer": AdamW state after one step,
                       "epoch": 3, "scaler": GradScaler state, "args": argparse.Namespace}
        data-parallel  {"module": torch.nn.DataParallel(model).state_dict()}: every key starts with "module."
        state-dict     model.state_dict() alone
  hostile --out DIR
      one .pth per way a pickle can ask the unpickler for a callable; unpickling NAME.pth in Python runs a payload
      that creates DIR/NAME.ran. Prints the names, one a line.
  awkward --out DIR
      torch.save files that hold no state dict Vtp reads: legacy.pth (the pre-1.6 format), transposed.pth (a
      non-contiguous tensor), list.pth (a list, not a dictionary), number.pth ({"model": {"w": 1.5}}) and
      parameter.pth (nn.Parameter objects: a model's parameters saved, not its state_dict()).
  fire --dir DIR
      torch.load (torch 1.13, which unpickles with Python's pickle) of every .pth in DIR, as a user of PyTorch would:
      the oracle that the hostile files are live. Prints each NAME.ran that exists afterwards.
"""
import argparse
import copy
import io
import os
import pickletools
import struct
import subprocess
import sys
import zipfile

from torch_runtime import torch  # first: fails clearly without torch

from safetensors_io import load_file
from simvtp_checkpoint import load_exact
from simvtp_config import SimVtpConfig
from simvtp_model import SimVtpPretrain


class _Call:
    """Pickles as a call of `function(*args)`: unpickling it makes that call."""

    def __init__(self, function, *args):
        self.function, self.args = function, args

    def __reduce__(self):
        return self.function, self.args


def run_checkpoint(args):
    with open(os.path.join(args.dir, "config.json"), encoding="utf-8") as stream:
        config = SimVtpConfig.from_json(stream.read())
    weights, _ = load_file(os.path.join(args.dir, "weights.safetensors"))
    model = SimVtpPretrain(config)
    load_exact(model, weights, args.dir)
    if args.layout == "training":
        trained = copy.deepcopy(model)               # the optimizer steps a copy: "model" keeps the weights in DIR
        optimizer = torch.optim.AdamW(trained.parameters(), lr=1.5e-4, betas=(0.9, 0.95), weight_decay=0.05)
        for parameter in trained.parameters():
            parameter.grad = torch.full_like(parameter, 1e-3)
        optimizer.step()
        scaler = {"scale": 65536.0, "growth_factor": 2.0, "backoff_factor": 0.5, "growth_interval": 2000,
                  "_growth_tracker": 0}
        namespace = argparse.Namespace(model="pretrain_simvtp_base_patch16_224", batch_size=8, lr=1.5e-4,
                                       window_size=(8, 14, 14), mask_ratio=0.9, output_dir="/tmp/out", resume="",
                                       finetune=None, distributed=True)
        saved = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 3, "scaler": scaler,
                 "args": namespace}
    elif args.layout == "data-parallel":
        saved = {"module": torch.nn.DataParallel(model).state_dict()}
    else:
        saved = model.state_dict()
    torch.save(saved, args.out, pickle_protocol=args.protocol)
    print(f"wrote {args.out} ({args.layout}, protocol {args.protocol})")


def _weights():
    return {"encoder.norm.weight": torch.ones(4), "encoder.norm.bias": torch.zeros(4)}


def _touch(path):
    return f"open({path!r}, 'w').close()"


def _unicode(text):
    data = text.encode("utf-8")
    return b"\x8c" + bytes([len(data)]) + data          # SHORT_BINUNICODE


def _zip_like_torch_save(path, pickle_bytes):
    """The container torch.save writes (stored entries under the file's stem), around a given data.pkl."""
    stem = os.path.splitext(os.path.basename(path))[0]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(f"{stem}/data.pkl", pickle_bytes)
        archive.writestr(f"{stem}/version", "3\n")


def run_hostile(args):
    os.makedirs(args.out, exist_ok=True)
    marker = {name: os.path.join(args.out, f"{name}.ran") for name in (
        "posix-system", "subprocess-run", "builtins-eval", "memo-hidden", "load-from-bytes", "inst-opcode",
        "long-binget")}
    path = {name: os.path.join(args.out, f"{name}.pth") for name in marker}

    # GLOBAL 'posix system' + REDUCE (protocol 2, torch.save's default), next to real weights.
    torch.save({"model": _weights(), "epoch": _Call(os.system, f"touch '{marker['posix-system']}'")},
               path["posix-system"])
    # subprocess.run: protocol 2 writes it under its Python 2 name, commands.run, which Python maps back.
    torch.save({"model": _weights(), "hook": _Call(subprocess.run, ["touch", marker["subprocess-run"]])},
               path["subprocess-run"])
    # STACK_GLOBAL 'builtins' 'eval' (protocol 4).
    torch.save({"model": _weights(), "x": _Call(eval, _touch(marker["builtins-eval"]))}, path["builtins-eval"],
               pickle_protocol=4)
    # The module name pushed earlier as a plain value, so the pickler writes the global's module as a memo BINGET.
    torch.save({"model": _weights(), "note": exec.__module__, "x": _Call(exec, _touch(marker["memo-hidden"]))},
               path["memo-hidden"], pickle_protocol=4)
    # torch.storage._load_from_bytes is a nested torch.load: here of a legacy-format file that runs os.system.
    inner = io.BytesIO()
    torch.save(_Call(os.system, f"touch '{marker['load-from-bytes']}'"), inner, _use_new_zipfile_serialization=False)
    torch.save({"model": _weights(), "x": _Call(torch.storage._load_from_bytes, inner.getvalue())},
               path["load-from-bytes"])
    # Protocol 0 INST: the global and the call in one opcode (no Python 3 pickler writes it; the format allows it).
    command = repr(f"touch '{marker['inst-opcode']}'").encode("ascii")
    _zip_like_torch_save(path["inst-opcode"], b"(S" + command + b"\nios\nsystem\n.")   # MARK, STRING, INST, STOP
    # Protocol 4 STACK_GLOBAL whose strings come back from the memo by LONG_BINGET, after being popped.
    _zip_like_torch_save(path["long-binget"], b"".join([
        b"\x80\x04", _unicode("os"), b"\x94", _unicode("system"), b"\x94", b"0", b"0",      # memoized, then POPped
        b"j" + struct.pack("<i", 0), b"j" + struct.pack("<i", 1), b"\x93",                 # LONG_BINGET x2, STACK_GLOBAL
        _unicode(f"touch '{marker['long-binget']}'"), b"\x85", b"R", b"."]))               # TUPLE1, REDUCE, STOP
    _check_memo_hidden(path["memo-hidden"])
    for name in marker:
        print(name)


def _check_memo_hidden(path):
    """The fixture must reach STACK_GLOBAL with its module from the memo, or it tests nothing new."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read(next(n for n in archive.namelist() if n.endswith("/data.pkl")))
    ops = [(op.name, arg) for op, arg, _ in pickletools.genops(data)]
    wanted = [("BINGET", None), ("SHORT_BINUNICODE", "exec"), ("MEMOIZE", None), ("STACK_GLOBAL", None)]
    found = any(all(name == want[0] and (want[1] is None or arg == want[1]) for (name, arg), want in zip(ops[i:], wanted))
                for i in range(len(ops)))
    if not found:
        raise RuntimeError(f"{path}: the pickler did not fetch the global's module from the memo")


def run_awkward(args):
    os.makedirs(args.out, exist_ok=True)
    torch.save(_weights(), os.path.join(args.out, "legacy.pth"), _use_new_zipfile_serialization=False)
    torch.save({"w": torch.arange(6.0).reshape(2, 3).t()}, os.path.join(args.out, "transposed.pth"))
    torch.save([torch.ones(2)], os.path.join(args.out, "list.pth"))
    torch.save({"model": {"w": 1.5}}, os.path.join(args.out, "number.pth"))
    torch.save({"w": torch.nn.Parameter(torch.ones(2))}, os.path.join(args.out, "parameter.pth"))
    print(f"wrote 5 files to {args.out}")


def run_fire(args):
    for name in sorted(os.listdir(args.dir)):
        if name.endswith(".pth"):
            try:
                torch.load(os.path.join(args.dir, name))
            except Exception:  # noqa: BLE001 (a payload may leave a value torch cannot use; it has run by then)
                pass
    for name in sorted(os.listdir(args.dir)):
        if name.endswith(".ran"):
            print(name)


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", required=True)
    checkpoint = verbs.add_parser("checkpoint", help="torch.save of the weights in a dump.py directory")
    checkpoint.add_argument("--dir", required=True, help="directory written by dump.py init")
    checkpoint.add_argument("--out", required=True, help=".pth file to write")
    checkpoint.add_argument("--layout", required=True, choices=("training", "data-parallel", "state-dict"))
    checkpoint.add_argument("--protocol", type=int, default=2, help="pickle protocol (torch.save's default: 2)")
    hostile = verbs.add_parser("hostile", help="pickles that ask for callables (each creates NAME.ran when run)")
    hostile.add_argument("--out", required=True, help="directory to write")
    awkward = verbs.add_parser("awkward", help="torch.save files that hold no state dict Vtp reads")
    awkward.add_argument("--out", required=True, help="directory to write")
    fire = verbs.add_parser("fire", help="torch.load every .pth in a directory, as PyTorch would")
    fire.add_argument("--dir", required=True)
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    {"checkpoint": run_checkpoint, "hostile": run_hostile, "awkward": run_awkward, "fire": run_fire}[args.verb](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
