#!/bin/sh
# Makes the stand-in DiET model v4 (the bundled default) from nothing, in one command (about 15 minutes on
# the shared 2-core machine on 2026-12-03 evening: 8 for v3_data.sh, 6 for training; see onnx/README.md "diet-standin-v4", Reproduce):
#   tools/model/train_v4.sh [DATA_DIR]
# v3's data (tools/model/v3_data.sh, the same seeds and sizes, shared with train_v3.sh through DATA_DIR) and v3's
# augmentation (per-component gains 0.25-4 on half of each batch) on v2's network width (8, 16, 32, 32
# channels: half of v3's multiply-adds), 20 epochs; writes onnx/diet-standin-v4.onnx, its sidecar and
# tools/model/diet-standin-v4.pt, then prints what of each held-out signal reaches the model's input and what
# v4 misses (visibility.py; the card's "What the misses are"). PyTorch's CPU kernels are not bit-reproducible
# across runs with two threads: two runs of this script agree to about 0.5% per class on the held-out set.
# Needs the .NET SDK and Debian's python3-numpy, -scipy, -torch, -onnx (/usr/bin/python3).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-${TMPDIR:-/tmp}/diet-v3-data}
"$ROOT/tools/model/v3_data.sh" "$DATA"
/usr/bin/python3 "$ROOT/tools/model/train_v2.py" --data "$DATA" --filtered "$DATA/filtered" --gain-augment 0.5 \
    --widths 8,16,32,32 --epochs 20 --tag v4 --out "$ROOT/onnx/diet-standin-v4.onnx"
/usr/bin/python3 "$ROOT/tools/model/visibility.py" "$DATA/windows" "$DATA/backgrounds" "$ROOT/tools/model/diet-standin-v4.pt"
