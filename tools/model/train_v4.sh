#!/bin/sh
# Makes the stand-in DiET model v4 (the bundled default) from nothing, in one command (about 75 minutes on
# the shared 2-core machine, 10 of them training; see onnx/README.md "diet-standin-v4", Reproduce):
#   tools/model/train_v4.sh [DATA_DIR]
# v3's data (tools/model/train_v3.sh steps 1-3, the same seeds and sizes, shared through DATA_DIR) and v3's
# augmentation (per-component gains 0.25-4 on half of each batch) on v2's network width (8, 16, 32, 32
# channels: half of v3's multiply-adds), 20 epochs; writes onnx/diet-standin-v4.onnx, its sidecar and
# tools/model/diet-standin-v4.pt. PyTorch's CPU kernels are not bit-reproducible across runs with two
# threads: two runs of this script agree to about 0.5% per class on the held-out set, not bit for bit.
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
    --widths 8,16,32,32 --epochs 20 --tag v4 --out "$ROOT/onnx/diet-standin-v4.onnx"
# The held-out windows without their signals, and what of each signal reaches the model's input (the card's
# "What the misses are"):
[ -f "$DATA/backgrounds/info.json" ] || run backgrounds "$DATA/backgrounds" 700
/usr/bin/python3 "$ROOT/tools/model/visibility.py" "$DATA/windows" "$DATA/backgrounds" "$ROOT/tools/model/diet-standin-v4.pt"
