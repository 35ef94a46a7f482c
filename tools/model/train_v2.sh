#!/bin/sh
# Makes the stand-in DiET model v2 from nothing, in one command (75 minutes on the shared 2-core
# machine at load average 30-90; see onnx/README.md "Reproduce"):
#   tools/model/train_v2.sh [DATA_DIR]
# 1. synthetic raw windows with 20 s margins (tools/TrainingData `windows`: SyntheticTrainingWindow,
#    6,000 per class for training, seeds 1..6000; 700 per class held out, seeds 1,000,001..),
# 2. legacy minutes of v1's generator as spectrograms (1,000 per class, 200 held out),
# 3. tools/model/train_v2.py: pipeline filter + scipy spectrograms, real records (../shared/data),
#    training, temperature calibration, export of onnx/diet-standin-v2.onnx and its JSON sidecar.
# Needs the .NET SDK and Debian's python3-numpy, -scipy, -torch, -onnx (/usr/bin/python3).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-${TMPDIR:-/tmp}/diet-v2-data}
mkdir -p "$DATA"
dotnet build -c Release "$ROOT/tools/TrainingData" -v quiet -nologo
[ -f "$DATA/windows/info.json" ] || dotnet run -c Release --no-build --project "$ROOT/tools/TrainingData" -- windows "$DATA/windows" 6000 700
[ -f "$DATA/legacy/info.json" ] || dotnet run -c Release --no-build --project "$ROOT/tools/TrainingData" -- "$DATA/legacy" 1000 200
/usr/bin/python3 "$ROOT/tools/model/train_v2.py" --data "$DATA" --out "$ROOT/onnx/diet-standin-v2.onnx"
