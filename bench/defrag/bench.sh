#!/usr/bin/env bash
# Defrag benchmark, side by side in one run (issue 12), on a 3-member TLS sandbox under a steady
# write load (Writer.java: RATE puts/s round-robin over one client per endpoint, each put with a
# 2 s deadline):
#   (a) etcdctl defrag, member by member (etcdctl's order, the leader wherever it falls)
#   (b) etcdctl defrag --cluster
#   (c) etcd-warden defrag --all --no-backup-gate   (one at a time, followers first, leadership
#       moved away from the leader and settled first, each member caught up before the next)
# Before each, the DB is made ~DB_MIB large and ~50 % fragmented with a bounded number of
# operations: DB_MIB/3 keys of 1 MiB under /bench/a/ and as many under /bench/b/ (bbolt's file
# grows to about 1.5 times what was written), then /bench/b/ deleted and history compacted (each
# member's size and free share printed; a member reports the freed pages once it next commits).
# Prints per run: writes, failed (error or past the deadline; target 0), longest stall (target
# < 1 s), p99 and max latency, wall time, and the space the defrag gave back (sum over members).
# Usage: [DB_MIB=512] [RATE=200] [RUNS="member cluster warden"] bench/defrag/bench.sh
#        Needs etcd, etcdctl, python3, bc and the CLI distribution (mvn -pl cli -am package
#        -DskipTests); ETCD_WARDEN names another launcher.
set -euo pipefail
db_mib=${DB_MIB:-512}
rate=${RATE:-200}
runs=${RUNS:-member cluster warden}
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

# Sum of the members' DB files in bytes; with "show", one line per member first.
db_bytes() {
  etcdctl endpoint status -w json | python3 -c 'import json,sys
total = 0
for s in json.load(sys.stdin):
    st = s["Status"]; total += st["dbSize"]; free = st["dbSize"] - st["dbSizeInUse"]
    if sys.argv[1] == "show":
        print("  %s DB %d MiB, %.0f%% free" % (s["Endpoint"], st["dbSize"] >> 20,
              100.0 * free / st["dbSize"]), file=sys.stderr)
print(total)' "${1:-}"
}

fragment() {
  local half=$((db_mib / 3)) rev
  etcdctl del --prefix /bench/ > /dev/null
  for i in $(seq 1 "$half"); do
    etcdctl put "/bench/a/$i" < "$work/value" > /dev/null
    etcdctl put "/bench/b/$i" < "$work/value" > /dev/null
  done
  rev=$(etcdctl del --prefix /bench/b/ -w json | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["header"]["revision"])')
  etcdctl compact "$rev" --physical > /dev/null
}

member_by_member() {
  local ep
  for ep in ${ETCDCTL_ENDPOINTS//,/ }; do ETCDCTL_ENDPOINTS="$ep" etcdctl defrag; done
}

run() {
  local name=$1 before after; shift
  fragment
  before=$(db_bytes show)
  rm -f "$work/stop" "$work/ready"
  java -cp "$jar" "$here/bench/defrag/Writer.java" "$rate" "$work/stop" "$work/ready" \
    > "$work/writer" 2>&1 &
  local writer=$!
  for _ in $(seq 600); do [ -e "$work/ready" ] && break; sleep 0.1; done
  sleep 3
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$work/out" 2>&1 || echo "  $name exited $?: $(tail -n 1 "$work/out")"
  t1=$(date +%s.%N)
  sleep 3
  touch "$work/stop"; wait "$writer" || echo "  writer exited $?"
  after=$(db_bytes)
  printf '%-34s wall %6.1f s  reclaimed %5d MiB  %s\n' "$name" "$(echo "$t1 - $t0" | bc)" \
    $(((before - after) >> 20)) "$(cat "$work/writer")"
}

echo "defrag bench: 3 TLS members, DB ~${db_mib} MiB ~50 % free, $rate writes/s, 2 s deadline"
for r in $runs; do
  case $r in
    member) run "etcdctl defrag (member by member)" member_by_member ;;
    cluster) run "etcdctl defrag --cluster" etcdctl defrag --cluster ;;
    warden) run "etcd-warden defrag --all" "$warden" defrag --all --no-backup-gate --pause 1s ;;
    *) echo "RUNS: unknown run '$r' (member, cluster, warden)" >&2; exit 2 ;;
  esac
done
