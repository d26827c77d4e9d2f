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

# Fill as bench/snapshot does: 1 MiB values, 3/4 JSON-like (compressible), 1/4 random.
json="$work/json.val"; rnd="$work/random.val"
python3 - "$json" <<'PY'
import json, sys, random
random.seed(1)
docs = [json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"cm-{i}",
        "namespace": "prod", "labels": {"app": "web", "tier": random.choice(["a", "b", "c"])}},
        "data": {"key": "%032x" % random.getrandbits(128)}}) for i in range(4000)]
open(sys.argv[1], "w").write("\n".join(docs)[:1 << 20])
PY
head -c $((1 << 20)) /dev/urandom > "$rnd"
for i in $(seq 1 "$size_mib"); do
  if (( i % 4 == 0 )); then f=$rnd; else f=$json; fi
  etcdctl put "/bench/$i" < "$f" > /dev/null
done
db_mib=$(etcdctl endpoint status -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["dbSize"]>>20)')
mkdir -p "$work/store"
"$warden" snapshot --target "file://$work/store" --allow-non-mount > "$work/snap.out"
archive=$(sed -n 's/^snapshot.path: //p' "$work/snap.out")
echo "DB size: ${db_mib} MiB, archive $(( $(stat -c %s "$archive") >> 20 )) MiB"

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
