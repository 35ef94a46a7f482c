#!/bin/sh
# Makes the stand-in DiET model v3 (the bundled default) from nothing, in one command (about 80 minutes on
# the shared 2-core machine; see onnx/README.md "diet-standin-v3", Reproduce):
#   tools/model/train_v3.sh [DATA_DIR]
# 1. synthetic raw windows with 20 s margins (tools/TrainingData `windows`: SyntheticTrainingWindow,
#    20,000 per class for training, seeds 1..20,000; the same 700 per class held out as v2, seeds 1,000,001..),
# 2. legacy minutes of v1's generator as spectrograms (1,000 per class, 200 held out), as for v2,
# 3. v1's generator through the pipeline's per-minute pre-processing at 50, 100, 128 -> 125 and 200 Hz
#    (tools/TrainingData `filtered`: 2,000 per class, 300 held out),
# 4. tools/model/train_v2.py with v3's settings: the 1.5x wider network (12, 24, 48, 48 channels), per-component
#    gains 0.25-4 on half of each batch, 10 epochs; writes onnx/diet-standin-v3.onnx, its sidecar and
#    tools/model/diet-standin-v3.pt.
# Needs the .NET SDK and Debian's python3-numpy, -scipy, -torch, -onnx (/usr/bin/python3).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-${TMPDIR:-/tmp}/diet-v3-data}
mkdir -p "$DATA"
dotnet build -c Release "$ROOT/tools/TrainingData" -v quiet -nologo
run() { dotnet run -c Release --no-build --project "$ROOT/tools/TrainingData" -- "$@"; }
[ -f "$DATA/windows/info.json" ] || run windows "$DATA/windows" 20000 700
[ -f "$DATA/legacy/info.json" ] || run "$DATA/legacy" 1000 200
[ -f "$DATA/filtered/info.json" ] || run filtered "$DATA/filtered" 2000 300
/usr/bin/python3 "$ROOT/tools/model/train_v2.py" --data "$DATA" --filtered "$DATA/filtered" --gain-augment 0.5 \
    --widths 12,24,48,48 --epochs 10 --tag v3 --out "$ROOT/onnx/diet-standin-v3.onnx"
