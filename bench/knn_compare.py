#!/usr/bin/python3
"""The scipy side of `dotnet run -c Release --project bench/Kullback.Benchmarks -- knn`.

Reads the points Kullback's runner wrote (DIR/x-D-N.f64, DIR/y-D-N.f64: row-major float64) for each case D:N[:S] given,
and times the usual scipy pipeline for the three k-NN estimates Kullback computes: cKDTree on each sample, x against
x (k + 1, the first is the point itself), x against y (k) and y against y (k + 1), all with workers=-1, then
Wang-Kulkarni-Verdu D(P||Q) and Kozachenko-Leonenko H(P), H(Q). Prints one JSON object:
{"D:N": {"pipeline": s, "tree_only": s, "build": s, "cpu": s, "values": [kl, hp, hq], "runs": r}, ...}, from the fastest of
REPEATS runs (one, if a run takes over a minute). "pipeline" is trees + queries + estimates; "tree_only" the trees and
queries alone; "build" the two trees alone, each measured within that run; "cpu" the least processor time of a
whole run, summed over threads (less disturbed than wall time when the machine is shared).
With S > 0 (cases that would run for hours) only the first S points of x and of y are queried, against the full
trees: the query time is scaled by N/S (the points are drawn independently, so the first S are a random sample),
"extrapolated" is true, and "values" are the estimates' terms over those S points only (not comparable).
"""
import json, math, sys, time
import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma, gammaln

directory, k, repeats, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]


def estimates(x, y, sample=0):
    """The three estimates and the times of their parts: (values, build, build + queries, total, CPU total)."""
    start, cpu_start = time.perf_counter(), time.process_time()
    n, d = x.shape
    m = y.shape[0]
    tx, ty = cKDTree(x), cKDTree(y)
    built = time.perf_counter()
    qx, qy = (x[:sample], y[:sample]) if sample else (x, y)
    rho = tx.query(qx, k + 1, workers=-1)[0][:, k]
    nu = ty.query(qx, k, workers=-1)[0][:, k - 1]
    rho_y = ty.query(qy, k + 1, workers=-1)[0][:, k]
    queried = time.perf_counter()
    kl = max(0.0, d * np.mean(np.log(nu / rho)) + math.log(m / (n - 1)))
    log_ball = d / 2 * math.log(math.pi) - gammaln(d / 2 + 1)
    hp = digamma(n) - digamma(k) + log_ball + d * np.mean(np.log(rho))
    hq = digamma(m) - digamma(k) + log_ball + d * np.mean(np.log(rho_y))
    done, cpu_done = time.perf_counter(), time.process_time()
    scale = n / sample if sample else 1   # per-point work (queries, estimates) scaled up to all n points
    build, queries, sums = built - start, (queried - built) * scale, (done - queried) * scale
    return (float(kl), float(hp), float(hq)), build, build + queries, build + queries + sums, (cpu_done - cpu_start) * scale


results = {}
for case in cases:
    d, n, sample = ([int(v) for v in case.split(":")] + [0])[:3]
    case = f"{d}:{n}"
    x = np.fromfile(f"{directory}/x-{d}-{n}.f64", dtype=np.float64).reshape(n, d)
    y = np.fromfile(f"{directory}/y-{d}-{n}.f64", dtype=np.float64).reshape(n, d)
    runs = []
    for r in range(repeats):
        runs.append(estimates(x, y, sample))
        if runs[-1][3] > 60:   # one run of a minute is measurement enough
            break
    values, build, tree_only, pipeline, _ = min(runs, key=lambda run: run[3])
    cpu = min(run[4] for run in runs)
    results[case] = {"pipeline": pipeline, "tree_only": tree_only, "build": build, "cpu": cpu, "values": values, "runs": len(runs),
                     "extrapolated": bool(sample)}
    print(f"scipy {case}: {pipeline:.3f} s (best of {len(runs)})", file=sys.stderr, flush=True)
print(json.dumps(results))
