#!/usr/bin/python3
"""Times PyTorch's equivalents of every Kullback BatchMeasures form on the matrices Kullback's `batch` wrote (DIR/*.f64),
in float64 and float32, with two threads (the machine's cores).

    batch_compare.py [--cpu] DIR ROWS COLUMNS MATRIX_ROWS

Files: p.f64, q.f64 (ROWS x COLUMNS, rows sum to 1), a.f64, b.f64 (logits, ROWS x COLUMNS); the matrix form takes the
first MATRIX_ROWS rows of p against the first MATRIX_ROWS rows of q, the one-to-many form row 0 of p against every q.
Prints one JSON object: {"FORM": {"float64": {"VARIANT": seconds per call, ...}, "float32": {...}}}. With --cpu the times
are the process's CPU time. Every variant gets rows that already sum to 1 and does not normalise them, which only
flatters it. Run by `bench/compare.sh`.
"""
import json, sys, time, timeit
import numpy as np
import torch

arguments = sys.argv[1:]
cpu_time = arguments[0] == "--cpu"
if cpu_time: arguments = arguments[1:]
directory, rows, columns, matrix_rows = arguments[0], int(arguments[1]), int(arguments[2]), int(arguments[3])
torch.set_num_threads(2)
F = torch.nn.functional


def best(call, target=0.2, repeat=7):
    """The best time per call over `repeat` rounds of enough calls to take about `target` seconds."""
    timer = timeit.Timer(call, timer=time.process_time if cpu_time else time.perf_counter)
    number, elapsed = timer.autorange()
    number = max(1, int(number * target / max(elapsed, 1e-9)))
    return min(timer.repeat(repeat=repeat, number=number)) / number


def load(name, dtype):
    return torch.from_numpy(np.fromfile(f"{directory}/{name}.f64", dtype=np.float64).astype(dtype).reshape(rows, columns))


results = {}
for dtype_name, dtype in (("float64", np.float64), ("float32", np.float32)):
    p, q, a, b = (load(name, dtype) for name in ("p", "q", "a", "b"))
    p0 = p[0]
    pm, qm = p[:matrix_rows].contiguous(), q[:matrix_rows].contiguous()
    forms = {
        "rows": {
            "kl_div(q.log(),p,'none').sum(1)": lambda: F.kl_div(q.log(), p, reduction="none").sum(1),
            "(p*(p/q).log()).sum(1)": lambda: (p * (p / q).log()).sum(1),
            "(p*(p.log()-q.log())).sum(1)": lambda: (p * (p.log() - q.log())).sum(1),
        },
        "one_to_many": {
            "kl_div(q.log(),p0,'none').sum(1)": lambda: F.kl_div(q.log(), p0.expand_as(q), reduction="none").sum(1),
            "(p0*(p0/q).log()).sum(1)": lambda: (p0 * (p0 / q).log()).sum(1),
            "p0@log(p0) - q.log()@p0": lambda: torch.dot(p0, p0.log()) - torch.mv(q.log(), p0),
        },
        "matrix": {
            "(P*P.log()).sum(1)[:,None] - P@Q.log().T": lambda: (pm * pm.log()).sum(1)[:, None] - pm @ qm.log().T,
            "broadcast (P*(P/Q).log()).sum(-1)": lambda: (pm[:, None, :] * (pm[:, None, :] / qm[None, :, :]).log()).sum(-1),
        },
        "logits": {
            "kl_div(log_softmax(b),log_softmax(a),log_target)": lambda: F.kl_div(F.log_softmax(b, 1), F.log_softmax(a, 1), reduction="none", log_target=True).sum(1),
        },
    }
    for form, calls in forms.items():
        results.setdefault(form, {})[dtype_name] = {name: best(call) for name, call in calls.items()}
print(json.dumps(results))
