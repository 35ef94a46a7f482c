#!/usr/bin/env bash
# `dietgrasp evaluate` on the sets of make_real_sets.py, with the default 1 Hz high-pass and without (--highpass 0).
# Usage: tools/evaluate/run_real_sets.sh SETS [MODEL.onnx]   (results under SETS/results/<set>.hp<corner>/)
set -euo pipefail
sets="$1"
model=("${@:2}")
cd "$(dirname "$0")/../.."
config="${CONFIG:-Release}"
dotnet build src/Seismic.DietGrasp.Cli -c "$config" -v q -nologo > /dev/null
cli=(dotnet src/Seismic.DietGrasp.Cli/bin/$config/net10.0/dietgrasp.dll)
mkdir -p "$sets/results"
for labels in "$sets"/*.labels.csv; do
  name=$(basename "$labels" .labels.csv)
  fs=$(/usr/bin/python3 -c "import numpy as np; a=np.load('$sets/$name.npy', mmap_mode='r'); print(a.shape[-1] // 60)")
  for hp in 1 0; do
    out="$sets/results/$name.hp$hp"
    "${cli[@]}" evaluate --waveforms "$sets/$name.npy" --fs "$fs" --highpass "$hp" --labels "$labels" --out "$out" ${model:+--model "${model[0]}"} > "$out.txt" 2>&1 || { echo "$name hp$hp failed"; cat "$out.txt"; exit 1; }
    echo "$name highpass=$hp: $(sed -n 1,4p "$out.txt" | tail -3 | tr -s ' ' | tr '\n' ';') $(grep ^accuracy "$out.txt")"
  done
done
