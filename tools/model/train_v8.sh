#!/bin/sh
# Makes diet-standin-v8, the default since 2026-12-04 evening, in one command (onnx/README.md): v7's recipe
# (tools/model/train_v7.sh: v6's plus three more real noise records) with a rate-consistency loss. Each training step adds 16 of v1's minutes at all four rates (TrainingData
# `filtered-paired`, seeds 6,000,001..; 2,000 a class), with their cross-entropy at half weight and the mean KL
# divergence of each rate's probabilities from the four rates' mean: v5 and v7 each called one synthetic noise minute
# earthquake at one rate only (ModelRobustnessTests), and the filtered set shows each minute at one rate only.
#   tools/model/train_v8.sh DATA_DIR EXTNOISE_DIR [OUT.onnx]
# DATA_DIR and EXTNOISE_DIR as for train_v6.sh. Without OUT it writes onnx/diet-standin-v8.onnx, its sidecar and
# tools/model/diet-standin-v8.pt; with OUT, the weights go beside it (OUT.pt). The sidecar's external_noise_check is
# added after training (tools/model/external_noise_check.py). PyTorch's two-thread CPU kernels are not
# bit-reproducible: runs agree to about 0.5% per class, so a new run must be measured again. About 23 minutes on the
# shared 2-core machine (AVX2) after the data.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-${TMPDIR:-/tmp}/diet-v3-data}
X=${2:?EXTNOISE_DIR (the output of tools/evaluate/make_external_noise.py) is required}
OUT=${3:-$ROOT/onnx/diet-standin-v8.onnx}
PT=${OUT%.onnx}.pt
[ "$OUT" = "$ROOT/onnx/diet-standin-v8.onnx" ] && PT=$ROOT/tools/model/diet-standin-v8.pt
[ -d "$DATA/windows" ] || "$ROOT/tools/model/v3_data.sh" "$DATA"
[ -f "$DATA/filtered6k/info.json" ] || dotnet run -c Release --project "$ROOT/tools/TrainingData" -- filtered "$DATA/filtered6k" 6000 300
[ -f "$DATA/paired/info.json" ] || dotnet run -c Release --project "$ROOT/tools/TrainingData" -- filtered-paired "$DATA/paired" 2000 100
. "$ROOT/tools/model/town_noise.sh"
. "$ROOT/tools/model/more_noise.sh"
train_with_more_noise "$X" --data "$DATA" --filtered "$DATA/filtered6k" --gain-augment 0.5 \
    --paired "$DATA/paired" --paired-groups 16 --consistency-weight 1 \
    --widths 8,16,32,32 --epochs 20 --swa-epochs 5 --real-repeat 2 --tag v8 --out "$OUT" --pt "$PT"
