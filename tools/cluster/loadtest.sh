#!/usr/bin/env bash
# Load benchmark of a sweep cluster on one machine: starts redis-server and three silo processes
# (one gpu, two cpu), submits tools/cluster/load.yaml (1,000 trials with near-zero budgets),
# watches it to the end, writes the results and prints trials per second and the orchestration
# overhead per trial. Every process it starts is stopped when it exits, however it exits.
#
#   tools/cluster/loadtest.sh                       # 1,000 trials
#   TRIALS=200 tools/cluster/loadtest.sh            # a multiple of 10: fewer seeds
#   MAX_ACTIVE=16 tools/cluster/loadtest.sh         # Sweep:MaxActiveTrials of the silos (default 4)
#   CONFIGURATION=Release tools/cluster/loadtest.sh # optimized build (default Debug, as the tests use)
#
# Needs redis-server, python3, and the silo and client built in that configuration:
#   dotnet build src/Client                    (Debug; or dotnet build tests/Cluster.Tests)
#   dotnet build src/Client -c Release         (for CONFIGURATION=Release)
set -euo pipefail
cd "$(dirname "$0")/../.."

trials=${TRIALS:-1000}
max_active=${MAX_ACTIVE:-4}
configuration=${CONFIGURATION:-Debug}
work=$(mktemp -d /tmp/sweep-load.XXXXXX)
silo_dll=src/Silo/bin/$configuration/net10.0/Sweep.Silo.dll
client_dll=src/Client/bin/$configuration/net10.0/sweep.dll
cluster_id="load-$$"
pids=()

stop_all() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

for f in "$silo_dll" "$client_dll"; do
  [ -f "$f" ] || { echo "missing $f: run dotnet build src/Client -c $configuration first" >&2; exit 2; }
done
if (( trials % 10 != 0 || trials < 10 )); then
  echo "TRIALS must be a positive multiple of 10 (10 lambdas x TRIALS/10 seeds)" >&2; exit 2
fi

# Free loopback ports: redis, then a silo and a gateway port per silo.
read -r redis_port p1 g1 p2 g2 p3 g3 < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(7)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

# The spec, with TRIALS/10 seeds.
python3 - "$trials" tools/cluster/load.yaml "$work/load.yaml" <<'PY'
import re, sys
trials, source, target = int(sys.argv[1]), sys.argv[2], sys.argv[3]
text = open(source).read()
seeds = "seeds: [" + ", ".join(str(s) for s in range(1, trials // 10 + 1)) + "]"
open(target, "w").write(re.sub(r"seeds: \[[^\]]*\]", seeds, text, flags=re.S))
PY

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
  > "$work/redis.log" 2>&1 &
pids+=($!)
redis="127.0.0.1:$redis_port"

start_silo() { # name pools silo_port gateway_port
  # Warnings only, except the line that says the silo has joined: logging every placement and
  # trial at Information level costs time the benchmark would count as overhead.
  env SWEEP_REDIS="$redis" Silo__ClusterId="$cluster_id" Silo__SiloPort="$3" Silo__GatewayPort="$4" \
    Sweep__Pools="$2" Sweep__TeacherThreads=1 Sweep__MaxActiveTrials="$max_active" \
    Logging__LogLevel__Default=Warning "Logging__LogLevel__Orleans.Hosting=Information" \
    dotnet "$silo_dll" > "$work/$1.log" 2>&1 &
  pids+=($!)
}
start_silo gpu gpu "$p1" "$g1"
start_silo cpu1 cpu "$p2" "$g2"
start_silo cpu2 cpu "$p3" "$g3"
for name in gpu cpu1 cpu2; do
  for _ in $(seq 1 300); do
    grep -q "Orleans Silo started." "$work/$name.log" && break
    sleep 0.5
  done
  grep -q "Orleans Silo started." "$work/$name.log" \
    || { echo "silo $name did not start; see $work/$name.log" >&2; exit 1; }
done

client() { dotnet "$client_dll" "$@" --cluster "$redis" --cluster-id "$cluster_id"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "trials: $trials, silos: gpu + cpu + cpu, Sweep:MaxActiveTrials=$max_active, $configuration build, logs: $work"
client submit "$work/load.yaml" > "$work/submit.log"
client watch load > "$work/watch.log"
client results load --out "$work/results" > /dev/null
tail -1 "$work/watch.log"

python3 - "$work/results/trials.csv" "$work/watch.log" "$max_active" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
last = open(sys.argv[2]).read().strip().splitlines()[-1]
h, m, s = map(int, re.search(r"\[(\d+):(\d+):(\d+)\]", last).groups())
wall = h * 3600 + m * 60 + s
active = int(sys.argv[3])
keys = {(r["benchmark"], r["lambda"], r["seed"]) for r in rows}
done = sum(r["status"] == "done" for r in rows)
failed = sum(r["status"] == "failed" for r in rows)
stage = sum(float(r["teacher_seconds"] or 0) + float(r["student_seconds"] or 0) for r in rows)
n = len(rows)
print(f"rows {n}, distinct trials {len(keys)}, done {done}, failed {failed}, lost {n - done - failed}")
print(f"wall {wall} s (sweep created -> seen finished), stage time summed over trials {stage:.1f} s")
print(f"trials per second: {n / wall:.2f}")
print(f"wall per trial (an upper bound of the overhead, stages included): {wall / n * 1000:.0f} ms")
print(f"overhead per trial, amortized (wall - stage sum) / trials: {(wall - stage) / n * 1000:.0f} ms")
print(f"overhead per trial, latency (MaxActiveTrials x wall - stage sum) / trials: "
      f"{(active * wall - stage) / n * 1000:.0f} ms")
PY
