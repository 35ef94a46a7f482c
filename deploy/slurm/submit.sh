#!/usr/bin/env bash
# Submits a range of days as a Slurm job array (one task per UTC day) and the dependent associate job.
#   deploy/slurm/submit.sh FIRST_DAY DAYS WAVEFORMS STATIONS OUT [extra sbatch options...]
# e.g. deploy/slurm/submit.sh 2016-01-01 366 /data/sds /data/Station_info.csv /scratch/snet-2016 --partition=short
# Prints the two job ids (array, associate). DIETGRASP (the binary) is passed on to the jobs.
# Options of the day tasks (--model, --highpass, --sensitivity) go in DIETGRASP_DAY_ARGS, GrASP
# options of associate (--k, --prob-thres, ...) in DIETGRASP_ASSOCIATE_ARGS (both word-split).
set -euo pipefail
if [[ $# -lt 5 ]]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
first_day=$1 days=$2 waveforms=$3 stations=$4 out=$5
shift 5
mkdir -p "$out/slurm-logs"
# shellcheck disable=SC2086
array=$(sbatch --parsable --export=ALL --chdir="$out/slurm-logs" --array=0-$((days - 1)) "$@" \
  "$here/day.sbatch" "$first_day" "$waveforms" "$stations" "$out" ${DIETGRASP_DAY_ARGS:-})
array=${array%%;*}
# shellcheck disable=SC2086
associate=$(sbatch --parsable --export=ALL --chdir="$out/slurm-logs" --dependency="afterok:$array" --kill-on-invalid-dep=yes "$@" \
  "$here/associate.sbatch" "$first_day" "$days" "$stations" "$out" ${DIETGRASP_ASSOCIATE_ARGS:-})
associate=${associate%%;*}
echo "$array $associate"
