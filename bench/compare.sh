#!/usr/bin/env bash
# Side-by-side speed, in one run on this machine, of
#   1. the vector rows: KL, entropy and Jensen–Shannon (double and float) against numpy's fastest equivalent (and scipy's
#      and PyTorch's where they have one), with the memory read limit, at n = 10^2 … 10^8;
#   2. the batch rows: every BatchMeasures form (rows, one-to-many, matrix, from logits; double and float) against
#      PyTorch's fastest float64 and float32 equivalents with two threads, on 10^4 rows x 10^3 columns.
#   bench/compare.sh [--cpu] [--sizes 100,1000,...] [--measures kl,entropy,...] [--skip-batch] [--skip-vectors]
# --sizes and --measures choose the vector rows (every measure: --measures all); --cpu times process CPU time on both
# sides (what a call costs on a machine others are using; multi-threaded work then counts every core's time).
# Installs Debian's python3-numpy, python3-scipy and python3-torch if they are missing (needs root and apt).
# The machine should be quiet (check `uptime`; each table prints the load average): numbers taken while others build
# are not comparable. n = 10^8 needs about 6 GB of memory and a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c "import numpy, scipy, torch" 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq python3-numpy python3-scipy python3-torch
fi
sizes=100,1000,10000,100000,1000000,10000000,100000000
measures=kl,entropy,js_divergence
cpu=()
batch=1
vectors=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --measures) measures=$2; shift 2 ;;
    --cpu) cpu=(--cpu); shift ;;
    --skip-batch) batch=0; shift ;;
    --skip-vectors) vectors=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build -c Release bench/Kullback.Benchmarks -v quiet -nologo
BENCH="dotnet bench/Kullback.Benchmarks/bin/Release/net10.0/Kullback.Benchmarks.dll"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$vectors" = 1 ]; then
  if [ "$measures" = all ]; then
    $BENCH compare --python "$PYTHON" --sizes "$sizes" "${cpu[@]}"
  else
    $BENCH compare --python "$PYTHON" --sizes "$sizes" --measures "$measures" "${cpu[@]}"
  fi
fi
if [ "$batch" = 1 ]; then
  $BENCH batch --python "$PYTHON" "${cpu[@]}"
fi
