"""Evaluates an exported LRScope snippet the way training code would, and prints lr for steps 0..N-1.

usage: eval_snippet.py pytorch|optax SNIPPET.py N

torch, jax and optax are stubbed: LambdaLR returns its lambda (the factor times PEAK_LR is the LR
PyTorch would set), and jax.numpy is numpy (same function names and semantics, float64).
"""
import sys
import types

kind, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
source = open(path, encoding="utf-8").read()
namespace = {}

if kind == "pytorch":
    torch = types.ModuleType("torch")
    optim = types.ModuleType("torch.optim")
    lr_scheduler = types.ModuleType("torch.optim.lr_scheduler")
    lr_scheduler.LambdaLR = lambda optimizer, lr_lambda: lr_lambda
    optim.lr_scheduler = lr_scheduler
    torch.optim = optim
    sys.modules.update({"torch": torch, "torch.optim": optim, "torch.optim.lr_scheduler": lr_scheduler})
    exec(compile(source, path, "exec"), namespace)
    factor = namespace["make_scheduler"](None)
    peak = namespace["PEAK_LR"]
    values = [factor(step) * peak for step in range(n)]
else:
    import numpy

    jax = types.ModuleType("jax")
    jax.numpy = numpy
    optax = types.ModuleType("optax")
    sys.modules.update({"jax": jax, "jax.numpy": numpy, "optax": optax})
    exec(compile(source, path, "exec"), namespace)
    with numpy.errstate(all="ignore"):  # unused where() branches may divide by zero
        values = numpy.broadcast_to(namespace["lrscope_schedule"](numpy.arange(n)), (n,))

sys.stdout.write("\n".join(repr(float(v)) for v in values) + "\n")
