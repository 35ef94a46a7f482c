#!/bin/sh
# Makes the stand-in DiET model v3 (the default until v4) from nothing, in one command (about 80 minutes on
# the shared 2-core machine; see onnx/README.md "diet-standin-v3", Reproduce):
#   tools/model/train_v3.sh [DATA_DIR]
# 1. the training data (tools/model/v3_data.sh: synthetic windows, legacy and filtered minutes),
# 2. tools/model/train_v2.py with v3's settings: the 1.5x wider network (12, 24, 48, 48 channels), per-component
#    gains 0.25-4 on half of each batch, 10 epochs; writes onnx/diet-standin-v3.onnx, its sidecar and
#    tools/model/diet-standin-v3.pt.
# Needs the .NET SDK and Debian's python3-numpy, -scipy, -torch, -onnx (/usr/bin/python3).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-${TMPDIR:-/tmp}/diet-v3-data}
"$ROOT/tools/model/v3_data.sh" "$DATA"
/usr/bin/python3 "$ROOT/tools/model/train_v2.py" --data "$DATA" --filtered "$DATA/filtered" --gain-augment 0.5 \
    --widths 12,24,48,48 --epochs 10 --tag v3 --out "$ROOT/onnx/diet-standin-v3.onnx"
