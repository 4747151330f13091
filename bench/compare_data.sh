#!/usr/bin/env bash
# kullback compare on 10 columns (5 numeric, 5 categorical) of N rows from Parquet, beside numpy doing the same
# histograms (np.histogram with kullback's edges, np.unique counts) on arrays already in memory, in one run; peak memory
# of both. Usage: bench/compare_data.sh [N ...]   (default: 2000000 20000000). Run it on a quiet machine (uptime).
# Installs Debian's python3-numpy if missing (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
"$PYTHON" -c "import numpy" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-numpy; }
dotnet build -c Release bench/Kullback.Benchmarks >/dev/null
B=bench/Kullback.Benchmarks/bin/Release/net10.0/Kullback.Benchmarks
sizes=("$@"); [ "${#sizes[@]}" -gt 0 ] || sizes=(2000000 20000000)
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
  dir="$(mktemp -d /tmp/kullback-compare-data-XXXXXX)"
  trap 'rm -rf "$dir"' EXIT
  "$B" compare-data generate "$dir" "$n"
  "$B" compare-data files "$dir" > "$dir/auto.json"
  "$B" compare-data files "$dir" --distribution histogram > "$dir/histogram.json"
  if [ "$n" -gt 50000000 ]; then
    # numpy's arrays would not fit in memory here (about 250 bytes a row for both sides); compare alone, with its peak.
    "$PYTHON" - "$dir" "$n" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
print(f"\nrows per side {n:,}, 5 numeric + 5 categorical columns (numpy not run: its arrays would need {n * 250 / 2**30:.0f} GB)")
for label in ("auto", "histogram"):
    r = json.load(open(f"{d}/{label}.json"))
    print(f"  kullback compare ({label}): {r['seconds']:.1f} s, peak {r['peak_working_set_mb']:.0f} MB; " + ", ".join(f"{s['Key'].split(' /')[0]} {s['Value']:.1f}" for s in r["profile"]))
PY
    rm -rf "$dir"
    trap - EXIT
    continue
  fi
  "$PYTHON" - "$dir" <<'PY'
import json, sys
d = json.load(open(f"{sys.argv[1]}/auto.json"))
json.dump({"numeric": list(d["edges"]), "categorical": ["c_10", "c_100", "c_1000", "c_flag", "c_sparse"], "edges": d["edges"]},
          open(f"{sys.argv[1]}/edges.json", "w"))
PY
  "$B" compare-data export "$dir"
  # numpy as it runs by default: OPENBLAS_* only slow it (and no BLAS is used by histogram or unique).
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" bench/compare_data.py "$dir" 2 > "$dir/numpy.json"
  "$PYTHON" - "$dir" "$n" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
auto, hist, npy = (json.load(open(f"{d}/{k}.json")) for k in ("auto", "histogram", "numpy"))
# The counts agree: numpy's histogram bins are kullback's without the missing bin; unique counts by label.
for name, (r, c) in npy["counts"].items():
    if name.startswith("n_"):
        assert r == auto["reference_counts"][name][:-1] and c == auto["current_counts"][name][:-1], name
    else:
        assert sum(r.values()) + auto["reference_counts"][name][-1] == n, name
print(f"\nrows per side {n:,}, 5 numeric + 5 categorical columns, reference and current (counts checked equal)")
print(f"{'':44} {'seconds':>9} {'peak MB':>9} {'numpy/this':>11}")
print(f"{'numpy histogram + unique (arrays in memory)':44} {npy['seconds']:9.2f} {npy['peak_rss_mb']:9.0f} {'1.00':>11}")
for label, r in (("kullback compare, Parquet (exact KS/W/CvM)", auto), ("kullback compare, Parquet (fine histogram)", hist)):
    print(f"{label:44} {r['seconds']:9.2f} {r['peak_working_set_mb']:9.0f} {npy['seconds'] / r['seconds']:11.2f}")
for label, r in (("exact", auto), ("histogram", hist)):
    print(f"  profile ({label}): " + ", ".join(f"{s['Key'].split(' /')[0]} {s['Value']:.1f}" for s in r["profile"]))
PY
  rm -rf "$dir"
  trap - EXIT
done
