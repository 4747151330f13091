#!/usr/bin/python3
"""Times numpy's fastest equivalents (and scipy's and PyTorch's where they have one) of every Kullback measure on the
vectors Kullback's `compare` wrote (DIR/p-N.f64, DIR/q-N.f64), in double and in single precision, for each N given.

    compare.py [--cpu] [--measures KEY,KEY,...] DIR N [N ...]

Prints one JSON object: {"N": {"MEASURE": {"float64": {"VARIANT": seconds per call, ...}, "float32": {...}}}}.
With --cpu the times are the process's CPU time (time.process_time) instead of the wall clock. Run by
`bench/compare.sh`. Every variant computes the measure for vectors that already sum to 1 (as the files do):
the numpy one-liners do not normalise, which only flatters them.
"""
import json, sys, time, timeit
import numpy as np
import scipy.special, scipy.stats, scipy.spatial.distance
import torch

arguments = sys.argv[1:]
cpu_time = arguments[0] == "--cpu"
if cpu_time: arguments = arguments[1:]
only = None
if arguments[0] == "--measures":
    only, arguments = arguments[1].split(","), arguments[2:]
directory, sizes = arguments[0], [int(n) for n in arguments[1:]]


def best(call, target=0.1, repeat=7):
    """The best time per call over `repeat` rounds of enough calls to take about `target` seconds (one call, if longer)."""
    timer = timeit.Timer(call, timer=time.process_time if cpu_time else time.perf_counter)
    elapsed = timer.timeit(number=1)
    if elapsed > target:
        return min([elapsed] + timer.repeat(repeat=repeat - 1, number=1))
    number, elapsed = timer.autorange()
    number = max(1, int(number * target / max(elapsed, 1e-9)))
    return min(timer.repeat(repeat=repeat, number=number)) / number


def variants(p, q, tp, tq):
    """For each measure, its equivalents: the plain numpy expression first, then library functions."""
    log = np.log
    def js():
        m = 0.5 * (p + q)
        return 0.5 * (np.sum(p * log(p / m)) + np.sum(q * log(q / m)))
    return {
        "entropy": {
            "numpy -sum(p*log(p))": lambda: -np.sum(p * log(p)),
            "scipy.special.entr(p).sum()": lambda: scipy.special.entr(p).sum(),
            "scipy.stats.entropy(p)": lambda: scipy.stats.entropy(p),
        },
        "cross_entropy": {
            "numpy -sum(p*log(q))": lambda: -np.sum(p * log(q)),
        },
        "kl": {
            "numpy sum(p*log(p/q))": lambda: np.sum(p * log(p / q)),
            "scipy.special.rel_entr(p,q).sum()": lambda: scipy.special.rel_entr(p, q).sum(),
            "scipy.special.kl_div(p,q).sum()": lambda: scipy.special.kl_div(p, q).sum(),
            "scipy.stats.entropy(p,q)": lambda: scipy.stats.entropy(p, q),
            "torch kl_div(q.log(),p,'sum')": lambda: torch.nn.functional.kl_div(tq.log(), tp, reduction="sum").item(),
        },
        "kl_both": {
            "numpy l=log(p/q); sum(p*l), -sum(q*l)": lambda: (lambda l: (np.sum(p * l), -np.sum(q * l)))(log(p / q)),
        },
        "jeffreys": {
            "numpy sum((p-q)*log(p/q))": lambda: np.sum((p - q) * log(p / q)),
        },
        "js_divergence": {
            "numpy m=(p+q)/2; two sums": js,
            "scipy jensenshannon(p,q)**2": lambda: scipy.spatial.distance.jensenshannon(p, q) ** 2,
        },
        "js_distance": {
            "numpy sqrt(js)": lambda: np.sqrt(js()),
            "scipy jensenshannon(p,q)": lambda: scipy.spatial.distance.jensenshannon(p, q),
        },
        "hellinger": {
            "numpy sqrt(1-sum(sqrt(p*q)))": lambda: np.sqrt(max(0.0, 1 - np.sum(np.sqrt(p * q)))),
            "numpy sqrt(sum((sqrt(p)-sqrt(q))**2)/2)": lambda: np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)),
        },
        "total_variation": {
            "numpy sum(abs(p-q))/2": lambda: 0.5 * np.sum(np.abs(p - q)),
            "scipy cityblock(p,q)/2": lambda: 0.5 * scipy.spatial.distance.cityblock(p, q),
        },
        "bhattacharyya": {
            "numpy -log(sum(sqrt(p*q)))": lambda: -log(np.sum(np.sqrt(p * q))),
        },
        "chi2": {
            "numpy sum((p-q)**2/q)": lambda: np.sum((p - q) ** 2 / q),
        },
        "renyi_0.5": {
            "numpy -2*log(sum(sqrt(p*q)))": lambda: -2 * log(np.sum(np.sqrt(p * q))),
        },
        "renyi_2": {
            "numpy log(sum(p*p/q))": lambda: log(np.sum(p * p / q)),
        },
        "renyi_3": {
            "numpy log(sum(p**3*q**-2))/2": lambda: log(np.sum(p ** 3 * q ** -2)) / 2,
            "numpy log(sum(q*(p/q)**3))/2": lambda: log(np.sum(q * (p / q) ** 3)) / 2,
        },
        "information_content": {
            "numpy -log(p[7]/sum(p))": lambda: -log(p[7] / np.sum(p)),
        },
        # Issue 17's further measures: philentropy's formulas as numpy one-liners (philentropy itself is R, a loop in C++).
        "triangular_discrimination": {"numpy sum((p-q)**2/(p+q))": lambda: np.sum((p - q) ** 2 / (p + q))},
        "additive_symmetric_chi2": {"numpy sum((p-q)**2*(p+q)/(p*q))": lambda: np.sum((p - q) ** 2 * (p + q) / (p * q))},
        "clark": {"numpy sqrt(sum(((p-q)/(p+q))**2))": lambda: np.sqrt(np.sum(((p - q) / (p + q)) ** 2))},
        "divergence_distance": {"numpy 2*sum((p-q)**2/(p+q)**2)": lambda: 2 * np.sum((p - q) ** 2 / (p + q) ** 2)},
        "kumar_johnson": {"numpy sum((p*p-q*q)**2/(2*(p*q)**1.5))": lambda: np.sum((p * p - q * q) ** 2 / (2 * (p * q) ** 1.5))},
        "avg_l1_linf": {"numpy (sum(d)+max(d))/2": lambda: (lambda d: (np.sum(d) + np.max(d)) / 2)(np.abs(p - q))},
        "k_divergence": {"numpy sum(p*log(2p/(p+q)))": lambda: np.sum(p * log(2 * p / (p + q)))},
        "taneja": {"numpy sum(m*log(m/sqrt(p*q)))": lambda: (lambda m: np.sum(m * log(m / np.sqrt(p * q))))(0.5 * (p + q))},
        "tsallis_divergence_2": {"numpy sum(p*p/q)-1": lambda: np.sum(p * p / q) - 1},
        "renyi_entropy_2": {"numpy -log(sum(p*p))": lambda: -log(np.sum(p * p))},
        "tsallis_entropy_2": {"numpy 1-sum(p*p)": lambda: 1 - np.sum(p * p)},
        "extropy": {"numpy -sum((1-p)*log1p(-p))": lambda: -np.sum((1 - p) * np.log1p(-p))},
    }


results = {}
for n in sizes:
    p64 = np.fromfile(f"{directory}/p-{n}.f64", dtype=np.float64)
    q64 = np.fromfile(f"{directory}/q-{n}.f64", dtype=np.float64)
    by_measure = {}
    for dtype, p, q in (("float64", p64, q64), ("float32", p64.astype(np.float32), q64.astype(np.float32))):
        tp, tq = torch.from_numpy(p), torch.from_numpy(q)
        for measure, calls in variants(p, q, tp, tq).items():
            if only is not None and measure not in only: continue
            by_measure.setdefault(measure, {})[dtype] = {name: best(call) for name, call in calls.items()}
    results[str(n)] = by_measure
print(json.dumps(results))
