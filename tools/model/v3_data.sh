#!/bin/sh
# The training data of the stand-in models v3 and v4 (train_v3.sh, train_v4.sh), made once into DATA_DIR:
#   tools/model/v3_data.sh DATA_DIR
# 1. synthetic raw windows with 20 s margins (tools/TrainingData `windows`: SyntheticTrainingWindow,
#    20,000 per class for training, seeds 1..20,000; the same 700 per class held out as v2, seeds 1,000,001..),
# 2. legacy minutes of v1's generator as spectrograms (1,000 per class, 200 held out), as for v2,
# 3. v1's generator through the pipeline's per-minute pre-processing at 50, 100, 128 -> 125 and 200 Hz
#    (tools/TrainingData `filtered`: 2,000 per class, 300 held out),
# 4. the held-out windows without their earthquakes and tremor (tools/TrainingData `backgrounds`, for visibility.py).
# A step whose info.json is there is not made again.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=$1
mkdir -p "$DATA"
dotnet build -c Release "$ROOT/tools/TrainingData" -v quiet -nologo
run() { dotnet run -c Release --no-build --project "$ROOT/tools/TrainingData" -- "$@"; }
[ -f "$DATA/windows/info.json" ] || run windows "$DATA/windows" 20000 700
[ -f "$DATA/legacy/info.json" ] || run "$DATA/legacy" 1000 200
[ -f "$DATA/filtered/info.json" ] || run filtered "$DATA/filtered" 2000 300
[ -f "$DATA/backgrounds/info.json" ] || run backgrounds "$DATA/backgrounds" 700
