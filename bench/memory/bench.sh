#!/usr/bin/env bash
# Memory of the packaged etcd-warden (issue 18, "a lean JVM"): the daemon's steady-state resident
# size and a ~256 MiB snapshot's peak resident size, beside etcdctl snapshot save.
#   daemon: started as its unit runs it (bin/etcd-warden daemon, the launcher's daemon flags) on a
#     3-member TLS sandbox, snapshotting every 30 s to a file store; VmRSS is read once it has
#     published >= 2 scheduled archives and run >= DAEMON_SECS (default 120) seconds, 2 s after
#     the next scheduled run logged its end (between two snapshots, verify and prune done).
#   daemon on the filled cluster: the same once the cluster holds the snapshot part's data, so
#     its scheduled snapshots stream ~SNAPSHOT_MIB each (column daemon_full_MiB); part "full".
#   snapshot: one member filled to SNAPSHOT_MIB (default 256) MiB as bench/snapshot does (3/4
#     JSON-like, 1/4 random 1 MiB values); etcd-warden snapshot with zstd and gzip under
#     /usr/bin/time -f '%e %M', etcdctl snapshot save the same way as the baseline.
# Each argument is a variant "LABEL=JVM OPTIONS": the options go to ETCD_WARDEN_JAVA_OPTS, which
# the launcher puts after its own flags (a later flag wins), so one package measures each lever
# without a rebuild. Default: one variant, "package=" (the launcher as built).
# Variants alternate for ROUNDS rounds (default 1); the table prints medians of the times and the
# largest RSS seen. PARTS names the parts to run (default "daemon snapshot full").
# Usage: [ROUNDS=1] [PARTS="daemon snapshot full"] bench/memory/bench.sh [LABEL=OPTS...]
# ETCD_WARDEN_HOME: the distribution to measure (default: the staged package,
# packaging/target/stage/etcd-warden-*/, built by
# mvn -B -o -q package -pl packaging -am -DskipTests). Needs etcd, etcdctl, GNU time, python3.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
home=${ETCD_WARDEN_HOME:-$(ls -d "$repo"/packaging/target/stage/etcd-warden-*/ 2>/dev/null | head -n 1)}
home=${home%/}
[ -x "$home/bin/etcd-warden" ] || { echo "bench/memory: no distribution at '$home' (build the package first)" >&2; exit 1; }
variants=("${@:-package=}")
rounds=${ROUNDS:-1}
parts=${PARTS:-daemon snapshot full}
daemon_secs=${DAEMON_SECS:-120}
size=${SNAPSHOT_MIB:-256}
warden="$home/bin/etcd-warden"
. "$repo/bench/lib.sh"
bench_work memory
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -n | tail -n 1; }

"$warden" sandbox up --dir "$work/sandbox" --members 3 >/dev/null
eval "$("$warden" sandbox env --dir "$work/sandbox")"
export ETCDCTL_ENDPOINTS ETCDCTL_CACERT ETCDCTL_CERT ETCDCTL_KEY ETCDCTL_API=3
first=${ETCDCTL_ENDPOINTS%%,*}

# One daemon run: prints "RSS-KiB threads archives seconds".
daemon_rss() {
  local opts=$1 port store start now archives ready="" done_runs
  port=$(free_port)
  store="$work/daemon-store"
  rm -rf "$store" "$work/state"; mkdir -p "$store"
  printf 'backup:\n  target: file://%s?allow-non-mount=true\n  schedule: "0/30 * * * * ?"\n  keep_last: 3\ndaemon:\n  listen: 127.0.0.1:%s\n  state_dir: %s\n' \
    "$store" "$port" "$work/state" >"$work/warden.yaml"
  ETCD_WARDEN_JAVA_OPTS="$opts" "$warden" daemon --config "$work/warden.yaml" >"$work/daemon.log" 2>&1 &
  bench_pid=$!
  start=$(date +%s)
  while :; do
    kill -0 "$bench_pid" 2>/dev/null || { echo "bench/memory: the daemon exited:" >&2; cat "$work/daemon.log" >&2; exit 1; }
    now=$(date +%s)
    archives=$(find "$store" -name '*.sha256' | wc -l)
    if [ "$archives" -ge 2 ] && [ $((now - start)) -ge "$daemon_secs" ]; then
      # Steady state is between two scheduled snapshots: wait until the next run has logged
      # its end (after verify and prune; the heap collection follows at once), then read.
      done_runs=$(grep -c 'snapshot ok' "$work/daemon.log" || true)
      if [ -z "$ready" ]; then ready=$done_runs; elif [ "$done_runs" -gt "$ready" ]; then
        sleep 2; break
      fi
    fi
    if [ $((now - start)) -gt $((daemon_secs + 300)) ]; then
      echo "bench/memory: $archives archives after $((now - start)) s:" >&2; cat "$work/daemon.log" >&2; exit 1
    fi
    sleep 1   # sampling interval of the poll, not a synchronisation
  done
  printf '%s %s %s %s\n' "$(awk '/^VmRSS/ {print $2}' "/proc/$bench_pid/status")" \
    "$(awk '/^Threads/ {print $2}' "/proc/$bench_pid/status")" "$archives" $((now - start))
  kill "$bench_pid"; wait "$bench_pid" 2>/dev/null || true
  bench_pid=""
}

# Realistic values as bench/snapshot uses: 3/4 JSON-like (compressible), 1/4 random; 1 MiB each.
fill() {
  bench_values
  for i in $(seq 1 "$size"); do
    if (( i % 4 == 0 )); then f=$work/random.val; else f=$work/json.val; fi
    ETCDCTL_ENDPOINTS=$first etcdctl put "/bench/$i" <"$f" >/dev/null
  done
}
# Prints "seconds peak-RSS-KiB" of one command.
timed() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/timed.err" || { cat "$work/timed.err" >&2; exit 1; }; cat "$work/time"; }
snapshot() {
  local opts=$1 codec=$2
  rm -rf "$work/store"; mkdir -p "$work/store"
  ETCD_WARDEN_JAVA_OPTS="$opts" timed "$warden" snapshot --endpoints "$first" \
    --target "file://$work/store" --allow-non-mount --compression "$codec"
}

declare -A RSS THR FULL ZT ZM GT GM
CT=(); CM=()
# The daemon on the sandbox as made (a few KiB of data), then the snapshots of the filled member.
if [[ " $parts " == *" daemon "* ]]; then
  for _ in $(seq "$rounds"); do
    for v in "${variants[@]}"; do
      label=${v%%=*}; opts=${v#*=}
      read -r r th _ _ < <(daemon_rss "$opts"); RSS[$label]+="$r "; THR[$label]+="$th "
    done
  done
fi
if [[ " $parts " == *" snapshot "* || " $parts " == *" full "* ]]; then
  fill
fi
if [[ " $parts " == *" full "* ]]; then
  for _ in $(seq "$rounds"); do
    for v in "${variants[@]}"; do
      label=${v%%=*}; opts=${v#*=}
      read -r r _ _ _ < <(daemon_rss "$opts"); FULL[$label]+="$r "
    done
  done
fi
if [[ " $parts " == *" snapshot "* ]]; then
  for _ in $(seq "$rounds"); do
    rm -f "$work/c.db"
    read -r t m < <(ETCDCTL_ENDPOINTS=$first timed etcdctl snapshot save "$work/c.db"); CT+=("$t"); CM+=("$m")
    for v in "${variants[@]}"; do
      label=${v%%=*}; opts=${v#*=}
      read -r t m < <(snapshot "$opts" zstd); ZT[$label]+="$t "; ZM[$label]+="$m "
      read -r t m < <(snapshot "$opts" gzip); GT[$label]+="$t "; GM[$label]+="$m "
    done
  done
fi

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "etcd-warden memory, $(basename "$home"), $("$home"/runtime/bin/java -version 2>&1 | head -n 1 || true); rounds: $rounds; load at end: $load"
if [[ " $parts " == *" snapshot "* ]]; then
  db=$(ETCDCTL_ENDPOINTS=$first etcdctl endpoint status -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["dbSize"]>>20)')
  printf 'snapshot of a %d MiB member: etcdctl snapshot save %6.2f s, peak RSS %4d MiB\n' "$db" "$(median "${CT[@]}")" $(( $(max "${CM[@]}") / 1024 ))
fi
printf '%-16s %10s %8s %15s %14s %11s %14s %11s  %s\n' variant daemon_MiB threads daemon_full_MiB zstd_peak_MiB zstd_s gzip_peak_MiB gzip_s options
for v in "${variants[@]}"; do
  label=${v%%=*}; opts=${v#*=}
  d=-; th=-; f=-; zm=-; zt=-; gm=-; gt=-
  if [ -n "${RSS[$label]:-}" ]; then d=$(( $(max ${RSS[$label]}) / 1024 )); th=$(median ${THR[$label]}); fi
  if [ -n "${FULL[$label]:-}" ]; then f=$(( $(max ${FULL[$label]}) / 1024 )); fi
  if [ -n "${ZM[$label]:-}" ]; then
    zm=$(( $(max ${ZM[$label]}) / 1024 )); zt=$(median ${ZT[$label]})
    gm=$(( $(max ${GM[$label]}) / 1024 )); gt=$(median ${GT[$label]})
  fi
  printf '%-16s %10s %8s %15s %14s %11s %14s %11s  %s\n' "$label" "$d" "$th" "$f" "$zm" "$zt" "$gm" "$gt" "${opts:-(launcher as built)}"
done
echo "targets: daemon <= 96 MiB, 256 MiB snapshot peak <= 128 MiB, snapshot time no worse"
