# Sourced by the bench scripts after they set $warden (the etcd-warden launcher they measure).
# bench_work NAME makes the work folder $work under $TMPDIR; on exit it stops the background
# process whose pid is in $bench_pid (if any), the sandbox in $work/sandbox, and removes $work,
# keeping the script's exit code. free_port prints a free loopback port. bench_values writes
# the realistic 1 MiB values the fills use: $work/json.val JSON-like (compressible, the same
# every run) and $work/random.val random.
bench_pid=""
bench_work() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/etcd-warden-$1.XXXXXX")
  trap bench_cleanup EXIT
}
bench_cleanup() {
  local rc=$?
  if [ -n "$bench_pid" ]; then kill "$bench_pid" 2>/dev/null; wait "$bench_pid" 2>/dev/null || true; fi
  "$warden" sandbox down --dir "$work/sandbox" --purge >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$rc"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
bench_values() {
  python3 - "$work/json.val" <<'PY'
import json, sys, random
random.seed(1)
docs = [json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"cm-{i}",
        "namespace": "prod", "labels": {"app": "web", "tier": random.choice(["a", "b", "c"])}},
        "data": {"key": "%032x" % random.getrandbits(128), "blob": "%064x" % random.getrandbits(256)}})
        for i in range(8000)]
open(sys.argv[1], "w").write("\n".join(docs)[:1 << 20])
PY
  head -c $((1 << 20)) /dev/urandom >"$work/random.val"
}
