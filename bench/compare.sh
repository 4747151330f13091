#!/usr/bin/env bash
# Side-by-side speed of Kullback's KL against numpy, scipy and PyTorch, in one run on this machine.
# Installs Debian's python3-numpy, python3-scipy and python3-torch if they are missing (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c "import numpy, scipy, torch" 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq python3-numpy python3-scipy python3-torch
fi
dotnet run -c Release --project bench/Kullback.Benchmarks -- compare --python "$PYTHON" "$@"
