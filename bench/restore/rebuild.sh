#!/usr/bin/env bash
# Cluster rebuild benchmark (issue 15), side by side in one run: wall time from "go" to a
# healthy 3-member TLS cluster holding an archive of SIZE_MIB MiB of values.
#   (d) etcd-warden restore --cluster on three members installed with install --no-start,
#       the three started at once (as on three hosts)
#   (e) the slow path: etcd-warden restore --yes --skip-backup on one started member, then
#       etcd-warden member add twice (each new member streams the whole db from the leader)
# Installing the members (binaries, certificates, config) is outside the timings in both;
# "healthy" is every member's /health saying true.
# Usage: [REBUILD_MIB=256] bench/restore/rebuild.sh   (needs etcd, etcdctl, curl, python3, bc,
#        the CLI distribution: mvn -pl cli -am package -DskipTests)
set -euo pipefail
size_mib=${REBUILD_MIB:-256}
here=$(cd "$(dirname "$0")/../.." && pwd)
warden=${ETCD_WARDEN:-$(ls -d "$here"/cli/target/etcd-warden-*/bin/etcd-warden | head -n 1)}
etcd_bin=$(dirname "$(command -v etcd)")
work=$(mktemp -d /tmp/etcd-warden-rebuild-bench.XXXXXX)
sb="$work/sb"
cleanup() {
  "$warden" sandbox down --dir "$sb" --purge > /dev/null 2>&1 || true
  for pidfile in "$work"/*/*/etcd.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
"$warden" sandbox up --dir "$sb" --members 1 > /dev/null
eval "$("$warden" sandbox env --dir "$sb")"

. "$(dirname "$0")/fill.sh"
fill_and_snapshot
unset ETCDCTL_ENDPOINTS ETCDCTL_CACERT ETCDCTL_CERT ETCDCTL_KEY

now() { date +%s.%N; }
ports() { python3 -c 'import socket
s=[socket.socket() for _ in range(9)]
[x.bind(("127.0.0.1",0)) for x in s]; print(" ".join(str(x.getsockname()[1]) for x in s))'; }
# member_flags DIR I: --name/--data-dir/ports of member I of the variant in DIR
member_flags() {
  local p=(${P[@]})
  echo --name "m$2" --data-dir "$1/m$2" --port "${p[$((3 * $2))]}" \
    --management-port "${p[$((3 * $2 + 1))]}" --metrics-port "${p[$((3 * $2 + 2))]}" \
    --ca "$1/ca" --service process --etcd-bin "$etcd_bin"
}
all_healthy() {
  local p=(${P[@]})
  for i in 0 1 2; do
    curl -s "http://127.0.0.1:${p[$((3 * i + 2))]}/health" | grep -q '"health":"true"' || return 1
  done
}
wait_all_healthy() { for _ in $(seq 6000); do all_healthy && return 0; sleep 0.05; done; echo "not healthy" >&2; return 1; }

rebuild() {
  local d="$work/d" t0 i p
  P=($(ports)); p=(${P[@]})
  local cluster="m0=https://127.0.0.1:${p[1]},m1=https://127.0.0.1:${p[4]},m2=https://127.0.0.1:${p[7]}"
  for i in 0 1 2; do
    "$warden" install --initial-cluster "$cluster" $(member_flags "$d" "$i") --no-start > /dev/null
  done
  t0=$(now)
  local pids=()
  for i in 0 1 2; do
    "$warden" restore --cluster --from "$archive" --data-dir "$d/m$i" --yes > "$d/m$i.out" 2>&1 &
    pids+=($!)
  done
  for i in 0 1 2; do
    wait "${pids[$i]}" || { echo "restore --cluster of m$i failed: $(tail -n 1 "$d/m$i.out")" >&2; return 1; }
  done
  wait_all_healthy
  echo "$(now) - $t0" | bc
}

grow() {
  local e="$work/e" t0 i p creds
  P=($(ports)); p=(${P[@]})
  "$warden" install --initial-cluster "m0=https://127.0.0.1:${p[1]}" $(member_flags "$e" 0) > /dev/null
  mkdir -p "$e/creds"
  "$warden" credentials package --data-dir "$e/m0" --output "$e/creds/c.tar.gz" \
    --endpoints "https://127.0.0.1:${p[0]}" > /dev/null
  tar -C "$e/creds" -xzf "$e/creds/c.tar.gz"
  t0=$(now)
  "$warden" restore --from "$archive" --data-dir "$e/m0" --yes --skip-backup > "$e/restore.out"
  echo "$(now) - $t0" | bc > "$work/e-restore.s"
  for i in 1 2; do
    "$warden" member add --advertise 127.0.0.1 $(member_flags "$e" "$i") \
      --endpoints "https://127.0.0.1:${p[0]}" --cacert "$e/creds/ca.crt" \
      --cert "$e/creds/client.crt" --key "$e/creds/client.key" > "$e/add$i.out"
  done
  wait_all_healthy
  echo "$(now) - $t0" | bc
}

d=$(rebuild)
grep -h '^rebuilt:' "$work"/d/m*.out | sed 's/^/    /'
e=$(grow)
printf '(d) restore --cluster on 3 --no-start members at once          %7.2f s\n' "$d"
printf '(e) restore on 1 member + member add + member add               %7.2f s  (e)/(d) = %.2f\n' "$e" "$(echo "$e / $d" | bc -l)"
printf '    of which the one-member restore                               %7.2f s\n' "$(cat "$work/e-restore.s")"
