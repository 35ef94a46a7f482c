#!/usr/bin/env bash
# CLI throughput: `dietgrasp spectrogram` (the native build and the portable one) against load + scipy + save
# in Python, on the same 3,000 station-minutes at 100 Hz (float32 [3000, 3, 6000], 216 MB in, 187 MB out),
# process start and .npy I/O included, the output files overwritten each run.
#   dotnet build -c Release && tools/bench/spectrogram_cli.sh [ROUNDS]
# The three commands run in alternation (tools/bench/alternate.py), so each ratio compares runs seconds apart.
# The files go to $TMPDIR (default /tmp); TMPDIR=/dev/shm keeps the disk's write-back out of the timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Seismic.DietGrasp.Cli -c Release -r linux-x64 -o "$work/native" >/dev/null
/usr/bin/python3 -c "
import numpy as np
np.save('$work/W.npy', np.random.default_rng(3).standard_normal((3000, 3, 6000)).astype(np.float32))"
dll=src/Seismic.DietGrasp.Cli/bin/Release/net10.0/dietgrasp.dll
/usr/bin/python3 tools/bench/alternate.py --rounds "$rounds" \
  "dietgrasp (native)=$work/native/dietgrasp spectrogram --input $work/W.npy --fs 100 --out $work/S_native.npy" \
  "dietgrasp (portable)=dotnet $dll spectrogram --input $work/W.npy --fs 100 --out $work/S_cs.npy" \
  "scipy=/usr/bin/python3 tools/bench/spectrogram_scipy.py --cli $work/W.npy $work/S_py.npy --fs 100"
cmp "$work/S_native.npy" "$work/S_cs.npy" && echo "native and portable outputs are identical"
/usr/bin/python3 -c "
import numpy as np
a = np.load('$work/S_cs.npy'); b = np.load('$work/S_py.npy')
print('shapes', a.shape, b.shape, 'max |C# - scipy| =', float(np.abs(a - b).max()))"
