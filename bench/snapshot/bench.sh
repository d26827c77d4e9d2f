#!/usr/bin/env bash
# Snapshot benchmark, side by side in one run (issue 5), against a 1-member TLS etcd made by
# `etcd-warden sandbox up` (mutual TLS, as `etcd-warden install` sets members up):
#   (c) etcdctl snapshot save alone: etcd's streaming rate, the physical limit
#   (a) the charm's pipeline: etcdctl snapshot save + tar czf + sha256sum
#   (b) etcd-warden snapshot --target file://... with gzip and with zstd
#   (d) to S3Proxy: etcdctl snapshot save + aws s3 cp, vs etcd-warden snapshot --target s3://
#   (e) (b) again, encrypted with age (--recipient, issue 16): time and peak RSS beside (b)
# Targets: (a)/(b-gzip) > 1, (b-zstd)/(c) <= 1.3, etcd-warden's peak RSS under 256 MiB and not
# growing with the database; (e)'s peak RSS within 10 % of (b)'s.
# Usage: [ROUNDS=3] bench/snapshot/bench.sh [SIZE_MIB...]   (default 256; `256 1024` also fills to
#        1 GiB and runs everything again, to compare peak RSS). Needs etcd, etcdctl, GNU time,
#        /usr/bin/aws, bc, python3 and the distribution: mvn -B -pl cli -am package -DskipTests.
set -euo pipefail
sizes=("${@:-256}")
here=$(cd "$(dirname "$0")/../.." && pwd)
warden=${ETCD_WARDEN:-$(ls -d "$here"/cli/target/etcd-warden-*/bin/etcd-warden | head -n 1)}
s3proxy_jar=${S3PROXY_JAR:-$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar}
aws=/usr/bin/aws
. "$here/bench/lib.sh"
bench_work bench

"$warden" sandbox up --dir "$work/sandbox" --members 1 >/dev/null
eval "$("$warden" sandbox env --dir "$work/sandbox")"
recipient=$("$warden" keys generate --output "$work/bench.key")
export ETCDCTL_API=3

# S3Proxy on a free port, objects in a directory, the SDK's multipart headers accepted.
s3_port=$(free_port)
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
cat > "$work/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$AWS_ACCESS_KEY_ID
s3proxy.credential=$AWS_SECRET_ACCESS_KEY
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3
EOF
mkdir -p "$work/s3"
java -jar "$s3proxy_jar" --properties "$work/s3proxy.properties" > "$work/s3proxy.log" 2>&1 &
bench_pid=$!
s3="http://127.0.0.1:$s3_port"
for _ in $(seq 200); do curl -s -o /dev/null "$s3" && break; sleep 0.1; done
"$aws" --endpoint-url "$s3" s3 mb s3://bench >/dev/null

# Realistic values: 3/4 JSON-like (compressible), 1/4 random; 1 MiB each.
json="$work/json.val"; rnd="$work/random.val"
bench_values
filled=0
fill_to() {
  for i in $(seq $((filled + 1)) "$1"); do
    if (( i % 4 == 0 )); then f=$rnd; else f=$json; fi
    etcdctl put "/bench/$i" < "$f" > /dev/null
  done
  filled=$1
}

secs() { local s; s=$(date +%s.%N); "$@" > /dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
# Runs etcd-warden under GNU time; prints "seconds peak-RSS-KiB".
timed_warden() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$warden" snapshot "$@" > /dev/null
  cat "$work/time"
}
ratio() { echo "$1 / $2" | bc -l; }

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -n | tail -n 1; }
# Each size: the variants alternate for ROUNDS rounds (default 3) and medians are reported, peak
# RSS as the largest seen: the machine's load drifts, and one run each swings by ~10 %.
rounds=${ROUNDS:-3}
for size in "${sizes[@]}"; do
  fill_to "$size"
  db_mib=$(etcdctl endpoint status -w json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Status"]["dbSize"]>>20)')
  C=(); A=(); BG=(); RG=(); BZ=(); RZ=(); D1=(); D2=(); RD=(); EG=(); REG=(); EZ=(); REZ=()
  for r in $(seq 1 "$rounds"); do
    rm -rf "$work/out" "$work/store"; mkdir -p "$work/out" "$work/store"
    C+=("$(secs etcdctl snapshot save "$work/out/c.db")")
    A+=("$(secs bash -c "etcdctl snapshot save '$work/out/a.db' && tar -C '$work/out' -czf '$work/out/a.tar.gz' a.db && sha256sum '$work/out/a.tar.gz'")")
    read -r t m < <(timed_warden --target "file://$work/store" --allow-non-mount --compression gzip); BG+=("$t"); RG+=("$m")
    read -r t m < <(timed_warden --target "file://$work/store" --allow-non-mount --compression zstd); BZ+=("$t"); RZ+=("$m")
    read -r t m < <(timed_warden --target "file://$work/store" --allow-non-mount --compression gzip --recipient "$recipient"); EG+=("$t"); REG+=("$m")
    read -r t m < <(timed_warden --target "file://$work/store" --allow-non-mount --compression zstd --recipient "$recipient"); EZ+=("$t"); REZ+=("$m")
    D1+=("$(secs bash -c "etcdctl snapshot save '$work/out/d.db' && '$aws' --endpoint-url '$s3' s3 cp '$work/out/d.db' s3://bench/etcdctl/d-$r.db")")
    read -r t m < <(timed_warden --target "s3://bench/warden-$r?endpoint=$s3&path-style=true" --compression zstd); D2+=("$t"); RD+=("$m")
  done
  c=$(median "${C[@]}"); a=$(median "${A[@]}"); bg=$(median "${BG[@]}"); rg=$(max "${RG[@]}")
  eg=$(median "${EG[@]}"); reg=$(max "${REG[@]}"); ez=$(median "${EZ[@]}"); rez=$(max "${REZ[@]}")
  bz=$(median "${BZ[@]}"); rz=$(max "${RZ[@]}"); d1=$(median "${D1[@]}"); d2=$(median "${D2[@]}"); rd=$(max "${RD[@]}")
  gz_mib=$(du -m "$work"/store/*.tar.gz | cut -f1); zst_mib=$(du -m "$work"/store/*.tar.zst | cut -f1)
  echo "== DB ${db_mib} MiB (gzip archive ${gz_mib} MiB, zstd archive ${zst_mib} MiB); medians of $rounds rounds"
  printf '(c) etcdctl snapshot save              %6.2f s\n' "$c"
  printf '(a) charm: save + tar czf + sha256sum  %6.2f s\n' "$a"
  printf '(b) etcd-warden gzip                   %6.2f s  peak RSS %4d MiB  (a)/(b-gzip) = %.2f (target > 1)\n' "$bg" $((rg / 1024)) "$(ratio "$a" "$bg")"
  printf '(b) etcd-warden zstd                   %6.2f s  peak RSS %4d MiB  (b-zstd)/(c) = %.2f (target <= 1.3)\n' "$bz" $((rz / 1024)) "$(ratio "$bz" "$c")"
  printf '(e) etcd-warden gzip + age             %6.2f s  peak RSS %4d MiB  RSS vs (b-gzip) = %.2f (target <= 1.1)\n' "$eg" $((reg / 1024)) "$(ratio "$reg" "$rg")"
  printf '(e) etcd-warden zstd + age             %6.2f s  peak RSS %4d MiB  RSS vs (b-zstd) = %.2f (target <= 1.1)\n' "$ez" $((rez / 1024)) "$(ratio "$rez" "$rz")"
  printf '(d) etcdctl save + aws s3 cp           %6.2f s\n' "$d1"
  printf '(d) etcd-warden zstd to s3://          %6.2f s  peak RSS %4d MiB  (d-charm)/(d-warden) = %.2f\n' "$d2" $((rd / 1024)) "$(ratio "$d1" "$d2")"
  echo "   all runs: c=${C[*]} a=${A[*]} gzip=${BG[*]} zstd=${BZ[*]} gzip+age=${EG[*]} zstd+age=${EZ[*]} d=${D1[*]} d-warden=${D2[*]}"
done
