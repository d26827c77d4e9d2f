#!/usr/bin/env bash
# Installs the built .deb on a fresh Debian 12 tree, as a new operator's host would get it, and
# checks what the package promises there: `dpkg -i` succeeds with only the tree's own packages,
# `etcd-warden --version` runs with no Java on the host, the links and Nagios plugins are in place,
# the system user exists, the man page and completion are installed, and `dpkg -r` removes it.
# Needs root, mmdebstrap and the Debian mirror (network), so it is a manual proof, not part of
# `mvn verify` (PackageIT checks the same files offline, from `dpkg-deb -x`).
# With ETCD_DIR (a folder holding etcd and etcdctl, e.g. `testkit/etcd-versions dir 3.7`) it also
# runs the bundled runtime against real members in the tree: a 3-member TLS sandbox on 127.0.0.1,
# check_etcd_cluster, a verified snapshot to a folder and check_etcd_backup.
# Usage: packaging/fresh-debian12.sh [DEB]   (default: packaging/target/etcd-warden_*_amd64.deb)
# TREE=/some/dir reuses a tree made earlier instead of a new one in a temporary folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
deb=${1:-$(ls "$here"/target/etcd-warden_*_amd64.deb | head -n 1)}
[ -s "$deb" ] || { echo "fresh-debian12: no package at $deb (run mvn package first)" >&2; exit 2; }
tree=${TREE:-}
if [ -z "$tree" ]; then
  tree=$(mktemp -d)/bookworm
  mmdebstrap --variant=minbase bookworm "$tree" http://deb.debian.org/debian >/dev/null
fi
ok() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failed=1; }
failed=0
# The tree is bind-mounted on itself so that it is a mount point, as a host's / is (the JVM looks
# a folder's file store up in /proc/self/mounts, which shows only mounts under the process's root).
in_tree() {
  unshare --mount --pid --fork /bin/sh -c 'mount --bind "$0" "$0" && mount -t proc proc "$0/proc" \
    && exec chroot "$0" /bin/sh -c "$1"' "$tree" "$1"
}

echo "tree: $tree ($(cat "$tree/etc/debian_version")), package: $(basename "$deb")"
in_tree 'command -v java' >/dev/null && fail "the tree already has java" || ok "no java in the tree"
cp "$deb" "$tree/tmp/etcd-warden.deb"
if in_tree 'dpkg -i /tmp/etcd-warden.deb' >"$tree/tmp/dpkg.log" 2>&1; then
  ok "dpkg -i"
else
  fail "dpkg -i"; cat "$tree/tmp/dpkg.log"
fi
version=$(in_tree 'env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin etcd-warden --version' 2>&1) \
  && ok "etcd-warden --version with no Java on PATH: $version" || fail "--version: $version"
for f in /usr/bin/check_etcd_cluster /usr/bin/check_etcd_backup \
    /usr/lib/nagios/plugins/check_etcd_cluster /usr/lib/nagios/plugins/check_etcd_backup; do
  in_tree "test -x $f" && ok "$f" || fail "$f missing"
done
plugin=$(in_tree '/usr/lib/nagios/plugins/check_etcd_cluster --bogus; echo "exit=$?"' 2>&1 | tail -n 1)
[ "$plugin" = "exit=3" ] && ok "check_etcd_cluster on bad arguments: $plugin" \
  || fail "check_etcd_cluster on bad arguments: $plugin"
if [ -n "${ETCD_DIR:-}" ]; then
  cp "$ETCD_DIR/etcd" "$ETCD_DIR/etcdctl" "$tree/usr/local/bin/"
  run=$(in_tree 'cd /root && etcd-warden sandbox up --dir /root/sb >/dev/null \
    && eval "$(etcd-warden sandbox env --dir /root/sb)" \
    && check_etcd_cluster; echo "cluster=$?" \
    && mkdir -p /root/backups && etcd-warden snapshot --target file:///root/backups \
      --allow-non-mount --verify >/dev/null; echo "snapshot=$?" \
    && check_etcd_backup --target "file:///root/backups?allow-non-mount=true"; echo "backup=$?"; \
    etcd-warden sandbox down --dir /root/sb --purge >/dev/null' 2>&1)
  echo "$run" | sed 's/^/      /'
  for want in cluster=0 snapshot=0 backup=0; do
    grep -qx "$want" <<<"$run" && ok "real members in the tree: $want" || fail "$want"
  done
fi
in_tree 'getent passwd etcd-warden' >/dev/null && ok "system user etcd-warden" || fail "no user"
[ -s "$tree/usr/share/man/man1/etcd-warden.1.gz" ] && ok "man page" || fail "no man page"
[ -s "$tree/usr/share/bash-completion/completions/etcd-warden" ] && ok "bash completion" \
  || fail "no completion"
in_tree 'dpkg -r etcd-warden' >/dev/null 2>&1 && [ ! -e "$tree/usr/bin/etcd-warden" ] \
  && [ ! -e "$tree/opt/etcd-warden/runtime" ] && ok "dpkg -r removes it" || fail "dpkg -r"
[ -z "${TREE:-}" ] && rm -rf "$(dirname "$tree")"
exit "$failed"
