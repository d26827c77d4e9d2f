# Sourced by bench.sh and rebuild.sh once the sandbox is up and its etcdctl environment is set:
# fill_and_snapshot writes $size_mib values of 1 MiB as bench/snapshot does (3/4 JSON-like,
# compressible, 1/4 random), takes one archive of them into $work/store and prints the sizes.
# Needs $warden, $work and $size_mib; sets db_mib and archive.
fill_and_snapshot() {
  local json="$work/json.val" rnd="$work/random.val" i f
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
}
