#!/usr/bin/env bash
# CLI throughput: `dietgrasp spectrogram` against load + scipy + save in Python, on the same
# 3,000 station-minutes at 100 Hz (float32 [3000, 3, 6000], 216 MB), process start and .npy I/O included.
#   dotnet build -c Release && tools/bench/spectrogram_cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 -c "
import numpy as np
np.save('$work/W.npy', np.random.default_rng(3).standard_normal((3000, 3, 6000)).astype(np.float32))"
dll=src/Seismic.DietGrasp.Cli/bin/Release/net10.0/dietgrasp.dll
hyperfine --runs "$runs" --export-markdown "$work/result.md" \
  -n dietgrasp "dotnet $dll spectrogram --input $work/W.npy --fs 100 --out $work/S_cs.npy" \
  -n scipy "/usr/bin/python3 tools/bench/spectrogram_scipy.py --cli $work/W.npy $work/S_py.npy --fs 100"
cat "$work/result.md"
/usr/bin/python3 -c "
import numpy as np
a = np.load('$work/S_cs.npy'); b = np.load('$work/S_py.npy')
print('shapes', a.shape, b.shape, 'max |C# - scipy| =', float(np.abs(a - b).max()))"
