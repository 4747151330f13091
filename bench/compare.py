#!/usr/bin/python3
"""Times numpy, scipy and PyTorch on the vectors Kullback's `compare` wrote (DIR/p-N.f64, DIR/q-N.f64), for each N
given, and prints one JSON object: {"N": {"numpy": seconds per call, ...}, ...}. Run by `bench/compare.sh`."""
import json, sys, timeit
import numpy as np
import scipy.special, scipy.stats
import torch

directory, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
torch.set_num_threads(torch.get_num_threads())

def best(stmt, minimum=0.4):
    timer = timeit.Timer(stmt)
    number, _ = timer.autorange()
    number = max(1, int(number * minimum / 0.2))
    return min(timer.repeat(repeat=5, number=number)) / number

results = {}
for n in sizes:
    p = np.fromfile(f"{directory}/p-{n}.f64", dtype=np.float64)
    q = np.fromfile(f"{directory}/q-{n}.f64", dtype=np.float64)
    tp, tq = torch.from_numpy(p), torch.from_numpy(q)
    r = {
        "numpy": best(lambda: np.sum(p * np.log(p / q))),
        "scipy_rel_entr": best(lambda: scipy.special.rel_entr(p, q).sum()),
        "scipy_entropy": best(lambda: scipy.stats.entropy(p, q)),
        "torch_kl_div": best(lambda: torch.nn.functional.kl_div(tq.log(), tp, reduction="sum").item()),
    }
    r["values"] = {
        "numpy": float(np.sum(p * np.log(p / q))),
        "scipy_entropy": float(scipy.stats.entropy(p, q)),
        "torch_kl_div": float(torch.nn.functional.kl_div(tq.log(), tp, reduction="sum")),
    }
    results[str(n)] = r
print(json.dumps(results))
