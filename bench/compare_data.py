#!/usr/bin/env python3
"""numpy doing the histograms of `kullback compare` on arrays already in memory, for bench/compare_data.sh.

Reads the raw arrays `compare-data export` wrote (NAME.ref.f64, NAME.cur.f64; NAME.ref.s16 fixed-width text) and the
edges kullback chose (edges.json), then times, best of --repeat runs: for each numeric column np.histogram of both sides
with those edges (NaN dropped first), and for each categorical column np.unique(..., return_counts=True) of both
sides. Prints JSON: seconds, peak resident memory (ru_maxrss) and the counts, so the runner can check they agree.
"""
import json
import resource
import sys
import time

import numpy as np


def main(directory, repeat):
    with open(f"{directory}/edges.json") as f:
        spec = json.load(f)
    numeric = {}
    for name in spec["numeric"]:
        numeric[name] = [np.fromfile(f"{directory}/{name}.{side}.f64", dtype="<f8") for side in ("ref", "cur")]
    categorical = {}
    for name in spec["categorical"]:
        categorical[name] = [np.fromfile(f"{directory}/{name}.{side}.s16", dtype="S16") for side in ("ref", "cur")]
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best = float("inf")
    counts = {}
    for _ in range(repeat):
        start = time.perf_counter()
        for name, sides in numeric.items():
            edges = np.asarray(spec["edges"][name], dtype=np.float64)
            # kullback's bins: (-inf, e0), [e0, e1), ..., [e_last, +inf); np.histogram takes finite edges, so the
            # outer bins are added with -inf/+inf (np.histogram's last bin is closed, which +inf makes harmless).
            full = np.concatenate(([-np.inf], edges, [np.inf]))
            counts[name] = [np.histogram(x[~np.isnan(x)], bins=full)[0].tolist() for x in sides]
        for name, sides in categorical.items():
            result = []
            for x in sides:
                values, n = np.unique(x, return_counts=True)
                result.append({v.decode(): int(c) for v, c in zip(values, n) if v != b""})
            counts[name] = result
        best = min(best, time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": best, "peak_rss_mb": peak, "arrays_rss_mb": loaded, "numpy": np.__version__, "counts": counts}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2)
