#!/usr/bin/env bash
# Snapshot benchmark, side by side in one run (issue 5):
#   (a) the charm's pipeline: etcdctl snapshot save + tar czf + sha256sum
#   (b) etcd-warden snapshot --target file://... with gzip and with zstd (wall time, peak RSS)
#   (c) etcdctl snapshot save alone: etcd's streaming rate, the physical limit
# Usage: bench/snapshot/bench.sh [SIZE_MIB=256]   (needs etcd, etcdctl, GNU time, the CLI jar:
#        mvn -pl cli package -DskipTests). A single plain-HTTP etcd on 127.0.0.1 is used.
set -euo pipefail
size_mib=${1:-256}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar=${ETCD_WARDEN_JAR:-$here/cli/target/etcd-warden.jar}
work=$(mktemp -d /tmp/etcd-warden-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
peer=$((port + 1))
export ETCDCTL_API=3 ETCDCTL_ENDPOINTS=http://127.0.0.1:$port
etcd --name bench --data-dir "$work/data" --listen-client-urls "$ETCDCTL_ENDPOINTS" \
  --advertise-client-urls "$ETCDCTL_ENDPOINTS" --listen-peer-urls "http://127.0.0.1:$peer" \
  --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
  --initial-cluster "bench=http://127.0.0.1:$peer" --quota-backend-bytes 8589934592 \
  --snapshot-count 1000 > "$work/etcd.log" 2>&1 &
etcd_pid=$!
trap 'kill $etcd_pid 2>/dev/null; wait $etcd_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do etcdctl endpoint health >/dev/null 2>&1 && break; sleep 0.1; done

# Realistic values: 3/4 JSON-like (compressible), 1/4 random; 1 MiB each.
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
echo "DB size: ${db_mib} MiB"

secs() { local s=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $s" | bc; }
c=$(secs etcdctl snapshot save "$work/c.db")
a=$(secs bash -c "etcdctl snapshot save '$work/a.db' && tar -C '$work' -czf '$work/a.tar.gz' a.db && sha256sum '$work/a.tar.gz'")
mkdir -p "$work/store"
warden() {
  /usr/bin/time -f "%e %M" -o "$work/time" java ${JAVA_OPTS:-} -jar "$jar" snapshot --endpoints "$ETCDCTL_ENDPOINTS" \
    --target "file://$work/store" --allow-non-mount --spool-dir "$work" --compression "$1" > /dev/null
  cat "$work/time"
}
read -r bg rg < <(warden gzip)
sleep 1 # a new archive name needs a new second
read -r bz rz < <(warden zstd)
printf '(c) etcdctl snapshot save          %6.2f s\n' "$c"
printf '(a) charm: save + tar czf + sha256 %6.2f s\n' "$a"
printf '(b) etcd-warden gzip               %6.2f s  peak RSS %d MiB  (a)/(b-gzip) = %.2f\n' "$bg" $((rg / 1024)) "$(echo "$a / $bg" | bc -l)"
printf '(b) etcd-warden zstd               %6.2f s  peak RSS %d MiB  (b-zstd)/(c) = %.2f\n' "$bz" $((rz / 1024)) "$(echo "$bz / $c" | bc -l)"
ls -l "$work/store" | awk 'NR>1 {print "    " $5, $9}'
