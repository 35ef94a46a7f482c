#!/bin/sh
# Redraws the pictures shown in README.md into docs/pictures/ (small palette PNGs):
#   the demo (S-net, 150 stations, 60 minutes) and a 3-station run on the demo's waveforms.
# Usage: tools/pictures/docs_pictures.sh DIETGRASP WORK
#   DIETGRASP: the dietgrasp executable; WORK: a scratch folder (the demo takes minutes on 2 cores).
set -eu
dietgrasp=$1
work=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"
[ -f "$work/demo/Tremor_catalogue.csv" ] || "$dietgrasp" demo --out "$work/demo"
# Three neighbouring S-net stations (N.S3N17-19), inside the demo's fourth tremor episode.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
lines = open(f"{work}/demo/scenario/Station_info.csv").read().splitlines()
open(f"{work}/three.csv", "w").write("\n".join([lines[0]] + [lines[1 + i] for i in (64, 65, 66)]) + "\n")
PY
[ -f "$work/three/Tremor_catalogue.csv" ] || "$dietgrasp" run --waveforms "$work/demo/scenario/waveforms" --stations "$work/three.csv" --out "$work/three"
"$dietgrasp" plot --out "$work/demo" --stations "$work/demo/scenario/Station_info.csv"
"$dietgrasp" plot --out "$work/three" --stations "$work/three.csv"
/usr/bin/python3 - "$work" "$repo/docs/pictures" <<'PY'
import sys
from PIL import Image
work, target = sys.argv[1], sys.argv[2]
for run in ("demo", "three"):
    for name in ("Tremor_map", "Tremor_migration", "Tremor_timeline", "Tremor_spectrogram"):
        image = Image.open(f"{work}/{run}/{name}.png").convert("RGB")
        # 256 colours: viridis and the land tints survive; the files shrink to a third.
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(f"{target}/{run}_{name}.png", optimize=True)
PY
ls -l "$repo/docs/pictures"
