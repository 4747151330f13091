#!/usr/bin/python3
"""Times pandas read_csv (its default C engine) on the files Kullback's `read` mode made, best of REPEAT runs each,
and prints one JSON object: {"pandas": version, "FILE": {"seconds": wall s, "cpu": processor s, "rows": n, "mean": mean of every value}, ...}.
Usage: read_compare.py DIR REPEAT FILE... (run by bench/read_compare.sh)."""
import gc, json, sys, time
import numpy as np
import pandas as pd

directory, repeat, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
results = {"pandas": pd.__version__}
for name in files:
    best, best_cpu, frame = float("inf"), float("inf"), None
    for _ in range(repeat):
        frame = None
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        frame = pd.read_csv(f"{directory}/{name}")
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    values = frame.to_numpy(dtype=np.float64)
    results[name] = {"seconds": best, "cpu": best_cpu, "rows": int(frame.shape[0]), "mean": float(values.mean())}
print(json.dumps(results))
