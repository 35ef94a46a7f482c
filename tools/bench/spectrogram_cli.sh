#!/usr/bin/env bash
# CLI throughput: `dietgrasp spectrogram` (the portable build and the native one) against load + scipy + save
# in Python, on the same 3,000 station-minutes at 100 Hz (float32 [3000, 3, 6000], 216 MB in, 187 MB out),
# process start and .npy I/O included, the output file overwritten each run.
#   dotnet build -c Release && tools/bench/spectrogram_cli.sh [RUNS]
# The files go to $TMPDIR (default /tmp); TMPDIR=/dev/shm keeps the disk's write-back out of the timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Seismic.DietGrasp.Cli -c Release -r linux-x64 -o "$work/native" >/dev/null
/usr/bin/python3 -c "
import numpy as np
np.save('$work/W.npy', np.random.default_rng(3).standard_normal((3000, 3, 6000)).astype(np.float32))"
dll=src/Seismic.DietGrasp.Cli/bin/Release/net10.0/dietgrasp.dll
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/result.md" --export-json "$work/result.json" \
  -n "dietgrasp (native)" "$work/native/dietgrasp spectrogram --input $work/W.npy --fs 100 --out $work/S_native.npy" \
  -n "dietgrasp (portable)" "dotnet $dll spectrogram --input $work/W.npy --fs 100 --out $work/S_cs.npy" \
  -n scipy "/usr/bin/python3 tools/bench/spectrogram_scipy.py --cli $work/W.npy $work/S_py.npy --fs 100"
cat "$work/result.md"
/usr/bin/python3 -c "
import json, statistics
results = {r['command']: statistics.median(r['times']) for r in json.load(open('$work/result.json'))['results']}
for name, median in results.items():
    print('%-22s median %.3f s   scipy / this = %.1fx' % (name, median, results['scipy'] / median))"
cmp "$work/S_native.npy" "$work/S_cs.npy" && echo "native and portable outputs are identical"
/usr/bin/python3 -c "
import numpy as np
a = np.load('$work/S_cs.npy'); b = np.load('$work/S_py.npy')
print('shapes', a.shape, b.shape, 'max |C# - scipy| =', float(np.abs(a - b).max()))"
