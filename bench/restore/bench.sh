#!/usr/bin/env bash
# Restore benchmark, side by side in one run (issue 6), on a TLS single member installed the
# way etcd-warden installs one (a 1-member sandbox):
#   (a) the manual sequence an operator types: stop, tar xzf, etcdctl snapshot restore, mv,
#       start, wait for /health
#   (b) etcd-warden restore --yes --skip-backup: the same plus download-once verification
#       (sha256, manifest, etcd hash), the single-member check, restore before the stop,
#       rename swap, health wait and verification (cluster ID, revision)
#   (c) etcd-warden restore --yes with the .tar.gz backup of the old data dir, for reference
# Usage: [ROUNDS=3] bench/restore/bench.sh [SIZE_MIB=256]   (needs etcd, etcdctl, python3, bc, the CLI
#        distribution: mvn -pl cli -am package -DskipTests)
set -euo pipefail
size_mib=${1:-256}
here=$(cd "$(dirname "$0")/../.." && pwd)
warden=${ETCD_WARDEN:-$(ls -d "$here"/cli/target/etcd-warden-*/bin/etcd-warden | head -n 1)}
work=$(mktemp -d /tmp/etcd-warden-restore-bench.XXXXXX)
sb="$work/sb"
cleanup() { "$warden" sandbox down --dir "$sb" --purge > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$warden" sandbox up --dir "$sb" --members 1 > /dev/null
eval "$("$warden" sandbox env --dir "$sb")"
member="$sb/etcd0"
metrics=$(grep '^listen-metrics-urls:' "$member/etcd.yaml" | sed 's/.*"\(.*\)"/\1/')
peer=$(grep '^initial-advertise-peer-urls:' "$member/etcd.yaml" | sed 's/.*"\(.*\)"/\1/')

. "$(dirname "$0")/fill.sh"
fill_and_snapshot

now() { date +%s.%N; }
healthy() { curl -s "$metrics/health" | grep -q '"health":"true"'; }
wait_healthy() { for _ in $(seq 1200); do healthy && return 0; sleep 0.05; done; echo "not healthy" >&2; return 1; }

manual() {
  local t0 pid m
  t0=$(now)
  pid=$(cat "$member/etcd.pid"); kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
  m="$work/manual"; rm -rf "$m"; mkdir -p "$m"
  tar -C "$m" -xzf "$archive" db
  etcdctl snapshot restore "$m/db" --data-dir "$m/restored" --name etcd0 \
    --initial-cluster "etcd0=$peer" --initial-cluster-token "manual$RANDOM" \
    --initial-advertise-peer-urls "$peer" > /dev/null 2>&1
  mv "$member/data" "$m/old-data"; mv "$m/restored" "$member/data"
  setsid /usr/bin/etcd --config-file "$member/etcd.yaml" >> "$member/etcd.log" 2>&1 < /dev/null &
  echo $! > "$member/etcd.pid"
  wait_healthy
  echo "$(now) - $t0" | bc
}

warden_restore() {
  local t0
  t0=$(now)
  "$warden" restore --from "$archive" --data-dir "$member" --yes "$@" > "$work/restore.out"
  echo "$(now) - $t0" | bc
}

# Alternate the variants for ROUNDS rounds and report medians: the machine's load changes
# between runs far more than the variants differ.
rounds=${ROUNDS:-3}
A=(); B=()
for r in $(seq 1 "$rounds"); do
  B+=("$(warden_restore --skip-backup)"); rm -rf "$member"/data.before-restore-*; sleep 1
  A+=("$(manual)"); rm -rf "$work/manual"
done
c=$(warden_restore)
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
a=$(median "${A[@]}"); b=$(median "${B[@]}")
grep -E '^(verified|backup.path):' "$work/restore.out" | sed 's/^/    /'
echo "medians of $rounds rounds (all runs: a=${A[*]} b=${B[*]})"
printf '(a) manual: stop + tar xzf + etcdctl snapshot restore + mv + start + health  %6.2f s\n' "$a"
printf '(b) etcd-warden restore --yes --skip-backup                                   %6.2f s  (b)/(a) = %.2f\n' "$b" "$(echo "$b / $a" | bc -l)"
printf '(c) etcd-warden restore --yes (with .tar.gz backup of the old data), once     %6.2f s  (c)/(a) = %.2f\n' "$c" "$(echo "$c / $a" | bc -l)"
