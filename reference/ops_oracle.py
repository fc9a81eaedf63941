#!/usr/bin/python3
"""Forward values of a representative set of tensor ops, computed by PyTorch: the oracle of Vtp.Torch's op tests.

Prints one JSON object: {case: {"inputs": {name: tensor}, "outputs": {name: tensor}, "args": {...}}} where a tensor
is {"shape": [...], "dtype": "float32" | "int64" | "bool", "data": [...] (row-major)}.
Needs Debian's python3-torch: run with /usr/bin/python3.
"""
import json
import math
import sys

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    sys.exit("ops_oracle.py needs PyTorch: run it with Debian's /usr/bin/python3 (apt-get install python3-torch)")

torch.manual_seed(0)
torch.set_num_threads(1)


def enc(t):
    t = t.detach().contiguous()
    dtype = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}[t.dtype]
    data = t.flatten().tolist()
    return {"shape": list(t.shape), "dtype": dtype, "data": data}


cases = {}


def case(name, inputs, outputs, **args):
    cases[name] = {"inputs": {k: enc(v) for k, v in inputs.items()},
                   "outputs": {k: enc(v) for k, v in outputs.items()}, "args": args}


r = torch.randn
a, b = r(3, 4), r(4, 5)
case("matmul", {"a": a, "b": b}, {"y": a @ b})
a, b = r(2, 3, 4), r(2, 4, 5)
case("bmm", {"a": a, "b": b}, {"y": torch.bmm(a, b)})
x, w, bias = r(2, 3, 4), r(5, 4), r(5)
case("linear", {"x": x, "w": w, "b": bias}, {"y": F.linear(x, w, bias)})
x, w, bias = r(2, 3, 6), r(6), r(6)
case("layer_norm", {"x": x, "w": w, "b": bias}, {"y": F.layer_norm(x, (6,), w, bias, 1e-6)}, eps=1e-6)
x = r(10) * 3
case("gelu", {"x": x}, {"erf": F.gelu(x), "tanh": F.gelu(x, approximate="tanh")})
x = r(3, 5) * 2
case("softmax", {"x": x}, {"softmax": F.softmax(x, -1), "log_softmax": F.log_softmax(x, -1)})
logits, target = r(4, 7), torch.tensor([1, -100, 6, 0])
case("cross_entropy", {"logits": logits, "target": target},
     {"mean": F.cross_entropy(logits, target, ignore_index=-100),
      "none": F.cross_entropy(logits, target, ignore_index=-100, reduction="none")})
a, b = r(3, 4), r(3, 4)
case("mse_loss", {"a": a, "b": b}, {"mean": F.mse_loss(a, b), "sum": F.mse_loss(a, b, reduction="sum")})
x = r(3, 4)
case("normalize", {"x": x}, {"y": F.normalize(x, dim=-1)})
q, k, v = r(2, 2, 5, 4), r(2, 2, 5, 4), r(2, 2, 5, 4)
mask = torch.zeros(2, 1, 1, 5)
mask[0, ..., 3:] = -10000.0
mask[1, ..., 4:] = -10000.0
attn = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(4) + mask, -1) @ v
case("attention", {"q": q, "k": k, "v": v, "mask": mask}, {"y": attn})
x, w, bias = r(1, 3, 4, 8, 8), r(6, 3, 2, 4, 4), r(6)
case("conv3d", {"x": x, "w": w, "b": bias}, {"y": F.conv3d(x, w, bias, stride=(2, 4, 4))})
w, ids = r(10, 3), torch.tensor([[1, 2, 9, 0], [4, 4, 3, 7]])
case("embedding", {"w": w, "ids": ids}, {"y": F.embedding(ids, w)})
x = r(2, 3, 8)
case("reductions", {"x": x},
     {"sum12": x.sum((1, 2)), "mean_keep": x.mean(-1, keepdim=True), "var_unbiased": x.var(-1, unbiased=True),
      "var_biased": x.var(-1, unbiased=False), "std": x.std(-1), "amax": x.amax(-1), "logsumexp": x.logsumexp(-1),
      "cumsum": x.cumsum(-1), "argmax": x.argmax(-1), "norm": x.norm()})
x, index = r(3, 4), torch.tensor([[0, 3], [1, 1], [2, 0]])
case("gather", {"x": x, "index": index}, {"y": x.gather(1, index)})
x = r(2, 6, 3)
m = torch.tensor([[1, 0, 1, 1, 0, 0], [0, 1, 0, 1, 1, 0]], dtype=torch.bool)
case("boolean_index", {"x": x, "mask": m},
     {"selected": x[m], "filled": x.masked_fill(m.unsqueeze(-1), -1.5), "where": torch.where(m.unsqueeze(-1), x, -x)})
x = r(4, 6)
vals, idx = x.topk(3, dim=-1)
svals, sidx = x.sort(-1, descending=True)
case("topk_sort", {"x": x}, {"topk_values": vals, "topk_indices": idx, "sort_values": svals, "sort_indices": sidx})
x = torch.rand(7) * 1.8 - 0.9
case("erfinv", {"x": x}, {"y": torch.erfinv(x)})
x = r(2, 3)
case("pad_onehot", {"x": x, "ids": torch.tensor([0, 2, 1])},
     {"pad": F.pad(x, (1, 2), value=0.5), "one_hot": F.one_hot(torch.tensor([0, 2, 1]), 4)})

# AdamW: three steps on fixed gradients, two groups (with and without weight decay).
p0, p1 = r(5), r(3)
grads = [(r(5), r(3)) for _ in range(3)]
w0, w1 = p0.clone().requires_grad_(), p1.clone().requires_grad_()
opt = torch.optim.AdamW([{"params": [w0], "weight_decay": 0.05}, {"params": [w1], "weight_decay": 0.0}],
                        lr=0.01, betas=(0.9, 0.95), eps=1e-8)
outs = {}
for i, (g0, g1) in enumerate(grads):
    w0.grad, w1.grad = g0.clone(), g1.clone()
    opt.step()
    outs[f"p0_step{i + 1}"], outs[f"p1_step{i + 1}"] = w0.detach().clone(), w1.detach().clone()
ins = {"p0": p0, "p1": p1}
for i, (g0, g1) in enumerate(grads):
    ins[f"g0_{i}"], ins[f"g1_{i}"] = g0, g1
case("adamw", ins, outs, lr=0.01, beta1=0.9, beta2=0.95, eps=1e-8, weight_decay=0.05)

# Gradient clipping by total 2-norm.
g0, g1 = r(4) * 3, r(2, 3) * 3
w0, w1 = torch.zeros(4, requires_grad=True), torch.zeros(2, 3, requires_grad=True)
w0.grad, w1.grad = g0.clone(), g1.clone()
total = torch.nn.utils.clip_grad_norm_([w0, w1], 1.0)
case("clip_grad_norm", {"g0": g0, "g1": g1}, {"total": total, "g0": w0.grad, "g1": w1.grad}, max_norm=1.0)

json.dump(cases, sys.stdout)
