#!/bin/sh
# Runs `dietgrasp evaluate` on every whole-record town set (`*_all`) of tools/evaluate/make_external_noise.py's output,
# every minute labelled noise and grouped by station, and prints each set's groups.csv row: how many of its minutes
# the model calls earthquake or tremor. tools/model/external_noise_check.py turns OUT_DIR into a sidecar's
# external_noise_check.
#   tools/evaluate/town_check.sh MODEL.onnx|bundled OUT_DIR EXTNOISE_DIR
# About 2 minutes for the 15 sets (683 minutes) on the shared 2-core machine.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
M=${1:?MODEL.onnx or bundled}; O=${2:?OUT_DIR}; X=${3:?EXTNOISE_DIR (the output of make_external_noise.py)}
dotnet build -c Release -v q -nologo "$ROOT/src/Seismic.DietGrasp.Cli" >/dev/null
DLL=$ROOT/src/Seismic.DietGrasp.Cli/bin/Release/net10.0/dietgrasp.dll
mkdir -p "$O"
for f in "$X"/*_all.npy; do
  s=$(basename "$f" .npy)
  fs=$(awk -F, -v s="$s" '$1==s {print $4; exit}' "$X/windows.csv")
  # label,group: the group is set:station, so a record of several stations is counted per station.
  /usr/bin/python3 - "$X" "$s" "$O/$s.labels.csv" <<'PY'
import csv, sys
x, s, out = sys.argv[1:]
rows = sorted((r for r in csv.DictReader(open(f"{x}/windows.csv")) if r["set"] == s), key=lambda r: int(r["row"]))
with open(out, "w") as h:
    h.write("label,group\n")
    for r in rows:
        h.write(f"noise,{s}:{r['station']}\n")
PY
  if [ "$M" = bundled ]; then mm=""; else mm="--model $M"; fi
  # shellcheck disable=SC2086
  dotnet "$DLL" evaluate --waveforms "$f" --fs "$fs" --labels "$O/$s.labels.csv" $mm --out "$O/$s" >"$O/$s.log" 2>&1 \
    || { echo "FAIL $s"; tail -3 "$O/$s.log"; exit 1; }
  tail -n +2 "$O/$s/groups.csv"
done
