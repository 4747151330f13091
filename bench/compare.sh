#!/usr/bin/env bash
# Side-by-side speed of every Kullback measure (double and float) against numpy's fastest equivalent (and scipy's and
# PyTorch's where they have one), with the memory read limit, in one run on this machine.
#   bench/compare.sh [--sizes 100000,10000000] [--measures kl,entropy,...]
# Installs Debian's python3-numpy, python3-scipy and python3-torch if they are missing (needs root and apt).
# The machine should be quiet (check `uptime`): numbers taken while others build are not comparable.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c "import numpy, scipy, torch" 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq python3-numpy python3-scipy python3-torch
fi
dotnet run -c Release --project bench/Kullback.Benchmarks -- compare --python "$PYTHON" "$@"
