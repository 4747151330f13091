#!/usr/bin/env bash
# Side-by-side speed of Kullback's input layer against pandas read_csv, in one run on this machine, on three files of
# 10^7 rows (one column of integers, one of floats, three of floats) made once under $TMPDIR/kullback-read-bench.
# Installs Debian's python3-pandas if it is missing (needs root and apt). Check `uptime` first: run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c "import pandas" 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq python3-pandas
fi
dotnet run -c Release --project bench/Kullback.Benchmarks -- read --python "$PYTHON" --script "$PWD/bench/read_compare.py" "$@"
