#!/usr/bin/env bash
# The Slurm test (run by .ci/run): a real one-node Slurm cluster on this machine runs the day array and the
# dependent associate job over a 3-day synthetic SDS archive, and the result must equal one `dietgrasp run`
# byte for byte (tables, catalogues, run.json, and every day partition; run's manifest.sha256 less the lines of
# the warnings.tsv and Channels.csv that only run writes). Installs Debian's
# slurm-wlm and munge when missing (apt-get; needs root), starts munged (unless one answers already),
# slurmctld and slurmd from a slurm.conf generated under a scratch folder, on free ports, and stops every
# daemon it started when it ends, however it ends. Re-runnable: each run has its own scratch folder, and
# daemons a killed earlier run left (their pids are kept in $STATE) are stopped first.
# Fails (exit 1) loudly on any difference. Prints its time. Takes about 1-2 minutes on 2 cores.
set -euo pipefail
started=$(date +%s)
repo=$(cd "$(dirname "$0")/../.." && pwd)
state=${STATE:-/tmp/dietgrasp-slurm-test}
mkdir -p "$state"
say() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }

# One run at a time on a machine (a second waits): the pids below are then surely a dead run's.
exec 9>"$state/lock"
flock -w 900 9 || fail "another run of this test holds $state/lock"

# Daemons a killed earlier run of this script left behind (its own, by pid; nothing else is touched).
if [[ -f $state/pids ]]; then
  while read -r pid name; do
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && grep -q "$name" "/proc/$pid/cmdline" 2>/dev/null; then
      say "stopping $name (pid $pid) left by an earlier run"
      kill "$pid" 2>/dev/null || true
    fi
  done < "$state/pids"
  rm -f "$state/pids"
fi

# Scratch folders of earlier runs (a failed run keeps its logs there) older than an hour.
find "$state" -maxdepth 1 -name 'run.*' -mmin +60 -exec rm -rf {} +

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  [[ $(id -u) -eq 0 ]] || fail "slurm-wlm and munge are missing and this is not root (install them, or run as root)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
fi

scratch=$(mktemp -d "$state/run.XXXXXX")
pids=()
cleanup() {
  local code=$?
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  rm -f "$state/pids"
  if [[ $code -ne 0 ]]; then
    echo "slurm-test: logs kept in $scratch" >&2
    tail -n 20 "$scratch"/*.log "$scratch"/out/slurm-logs/*.out 2>/dev/null >&2 || true
  else
    rm -rf "$scratch"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
remember() { pids+=("$1"); echo "$1 $2" >> "$state/pids"; }

# munge: reuse a munged that answers; else start one (with a key made once, never replaced).
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "munged already running"
else
  if [[ ! -s /etc/munge/munge.key ]]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge
  su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=/run/munge/munged.pid" || fail "munged did not start"
  for _ in $(seq 50); do [[ -s /run/munge/munged.pid ]] && break; sleep 0.1; done
  remember "$(cat /run/munge/munged.pid)" munged
  munge -n | unmunge >/dev/null || fail "munge does not answer"
fi

free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 20000))
    if ! ss -ltnH 2>/dev/null | awk '{print $4}' | grep -q ":$port\$" && ! ss -ltnH | awk '{print $4}' | grep -q ":$((port + 1))\$"; then
      echo "$port"
      return
    fi
  done
  fail "no free port"
}
port=$(free_port)
host=$(hostname)
memory=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
mkdir -p "$scratch/state" "$scratch/spool"
cat > "$scratch/slurm.conf" <<CONF
ClusterName=dietgrasp-test
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
: > "$scratch/cgroup.conf"
export SLURM_CONF=$scratch/slurm.conf
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start (see $scratch/slurmctld.log)"
for _ in $(seq 50); do [[ -s $scratch/slurmctld.pid ]] && break; sleep 0.1; done
remember "$(cat "$scratch/slurmctld.pid")" slurmctld
slurmd -f "$SLURM_CONF" || fail "slurmd did not start (see $scratch/slurmd.log)"
for _ in $(seq 50); do [[ -s $scratch/slurmd.pid ]] && break; sleep 0.1; done
remember "$(cat "$scratch/slurmd.pid")" slurmd
for _ in $(seq 100); do
  sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break
  sleep 0.2
done
sinfo -h -o %t | grep -qE '^(idle|mix|alloc)' || fail "the node did not come up: $(sinfo 2>&1)"
say "cluster up (slurmctld on port $port, node $host, $(nproc) CPUs) after $(($(date +%s) - started)) s"

say "building dietgrasp"
step=$(date +%s)
dotnet build "$repo/src/Seismic.DietGrasp.Cli" --nologo -v q -c Debug >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log" >&2; fail "build"; }
export DIETGRASP=$repo/src/Seismic.DietGrasp.Cli/bin/Debug/net10.0/dietgrasp
say "built in $(($(date +%s) - step)) s"
"$DIETGRASP" demo-archive --out "$scratch/data" --start 2016-04-01 --days 3 >/dev/null

jobs_started=$(date +%s)
read -r array associate < <("$repo/deploy/slurm/submit.sh" 2016-04-01 3 "$scratch/data/sds" "$scratch/data/stations.csv" "$scratch/out")
say "submitted array job $array (3 days) and associate job $associate"
for _ in $(seq 600); do
  [[ -z $(squeue -h -j "$array,$associate" 2>/dev/null) ]] && break
  sleep 0.5
done
[[ -z $(squeue -h -j "$array,$associate" 2>/dev/null) ]] && say "jobs done in $(($(date +%s) - jobs_started)) s" || fail "jobs still queued after 5 minutes: $(squeue)"
[[ -f $scratch/out/manifest.sha256 ]] || fail "associate wrote no manifest (its log: $(cat "$scratch"/out/slurm-logs/dietgrasp-associate-*.out 2>&1))"
(cd "$scratch/out" && sha256sum -c --quiet manifest.sha256) || fail "the associate output does not match its manifest"

say "one dietgrasp run over the same range"
step=$(date +%s)
"$DIETGRASP" run --waveforms "$scratch/data/sds" --stations "$scratch/data/stations.csv" --out "$scratch/single" \
  --start 2016-04-01T00:00:00Z --end 2016-04-04T00:00:00Z --no-pictures --threads 2 >"$scratch/single.log" 2>&1 || { cat "$scratch/single.log" >&2; fail "run"; }

say "run took $(($(date +%s) - step)) s"
compared=0
# run's own reports (the warnings of its whole scan, each station's channel set) have no counterpart in associate's folder.
for file in "$scratch"/single/*.csv "$scratch"/single/run.json "$scratch"/single/days/*/*; do
  relative=${file#"$scratch/single/"}
  [[ $relative == Channels.csv ]] && continue
  cmp "$file" "$scratch/out/$relative" || fail "$relative differs between run and the Slurm array + associate"
  compared=$((compared + 1))
done
grep -v -E '  (warnings\.tsv|Channels\.csv)$' "$scratch/single/manifest.sha256" | cmp - "$scratch/out/manifest.sha256" \
  || fail "associate's manifest.sha256 is not run's less the lines of warnings.tsv and Channels.csv"
compared=$((compared + 1))
[[ $compared -eq 32 ]] || fail "compared $compared files; expected 32 (11 at the top, 7 in each of 3 day partitions)"
episodes=$(($(wc -l < "$scratch/out/Tremor_catalogue.csv") - 1))
[[ $episodes -ge 2 ]] || fail "expected the midnight-crossing tremor episodes, found $episodes"
say "PASSED: $compared files byte-identical to run ($episodes tremor episodes, crossing midnight); total $(($(date +%s) - started)) s"
