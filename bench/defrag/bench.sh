#!/usr/bin/env bash
# Defrag benchmark, side by side in one run (issue 12), on a 3-member TLS sandbox under a steady
# write load (Writer.java: RATE puts/s round-robin over every endpoint, each with a 2 s deadline):
#   (a) etcdctl defrag --cluster              (every member at once, the leader included)
#   (b) etcd-warden defrag --all --no-backup-gate   (one at a time, leader last, moved first)
# Before each, the DB is fragmented: SIZE_MIB of 1 MiB values written three times over the same
# keys, then compacted (etcd then reports 15-40 % of the file free; each member's share printed). Prints writes failed, longest stall, p99 and total time.
# Usage: [RATE=200] bench/defrag/bench.sh [SIZE_MIB=128]   (needs etcd, etcdctl, python3, the CLI
#        distribution: mvn -pl cli -am package -DskipTests)
set -euo pipefail
size_mib=${1:-128}
rate=${RATE:-200}
here=$(cd "$(dirname "$0")/../.." && pwd)
warden=${ETCD_WARDEN:-$(ls -d "$here"/cli/target/etcd-warden-*/bin/etcd-warden | head -n 1)}
jar=$(dirname "$warden")/../lib/etcd-warden.jar
work=$(mktemp -d "${TMPDIR:-/tmp}/etcd-warden-defrag-bench.XXXXXX")
sb="$work/sb"
cleanup() { "$warden" sandbox down --dir "$sb" --purge > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$warden" sandbox up --dir "$sb" --members 3 > /dev/null
eval "$("$warden" sandbox env --dir "$sb")"
head -c $((1 << 20)) /dev/urandom > "$work/value"

fragment() {
  local rev
  for round in 1 2 3; do
    for i in $(seq 1 "$size_mib"); do etcdctl put "/bench/$i" < "$work/value" > /dev/null; done
  done
  rev=$(etcdctl endpoint status -w json | python3 -c \
    'import json,sys; print(max(s["Status"]["header"]["revision"] for s in json.load(sys.stdin)))')
  etcdctl compact "$rev" --physical > /dev/null
  etcdctl endpoint status -w json | python3 -c 'import json,sys
for s in json.load(sys.stdin):
    st = s["Status"]; free = st["dbSize"] - st["dbSizeInUse"]
    print("  %s DB %d MiB, %.0f%% fragmented" % (s["Endpoint"], st["dbSize"] >> 20, 100.0 * free / st["dbSize"]))'
}

run() {
  local name=$1; shift
  fragment
  rm -f "$work/stop" "$work/ready"
  java -cp "$jar" "$here/bench/defrag/Writer.java" "$rate" "$work/stop" "$work/ready" \
    > "$work/$name.writer" 2>&1 &
  local writer=$!
  for _ in $(seq 600); do [ -e "$work/ready" ] && break; sleep 0.1; done
  sleep 3
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$work/$name.out" 2>&1 || echo "  $name exited $?: $(tail -n 1 "$work/$name.out")"
  t1=$(date +%s.%N)
  sleep 3
  touch "$work/stop"; wait "$writer" || echo "  writer exited $?"
  printf '%-28s total %6.1f s  %s\n' "$name" "$(echo "$t1 - $t0" | bc)" "$(cat "$work/$name.writer")"
}

echo "defrag bench: 3 TLS members, ${size_mib} MiB of live values (x3 written), $rate writes/s, 2 s deadline"
run "etcdctl defrag --cluster" etcdctl defrag --cluster
run "etcd-warden defrag --all" "$warden" defrag --all --no-backup-gate --pause 1s
