package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import java.util.List;

/**
 * An upgrade of one member that passed every preflight check: the member, the version it runs
 * and the one it moves to, the cluster version, where the new binaries come from, the backup
 * line, and the steps {@link MemberUpgrader} takes, printable as the dry run.
 */
public record UpgradePlan(MemberLayout layout, MemberRecord record, EtcdVersion from,
    EtcdVersion to, EtcdVersion clusterVersion, String binaries, String backup) {

  /** The plan as the operator reads it, one line each. */
  public List<String> lines() {
    return List.of(
        "upgrade " + record.name() + " from " + from + " to " + to + " (cluster version "
            + clusterVersion.major() + "." + clusterVersion.minor() + ", every member voting,"
            + " healthy and caught up)",
        "  backup: " + backup,
        "  1. put the new binaries beside the old: " + binaries,
        "  2. render " + layout.configFile() + " for etcd " + to + " (the old one is kept)",
        "  3. stop " + record.name() + ", switch binaries and config, start it",
        "  4. wait until it is healthy and caught up with the leader; if it is not, switch back"
            + " to " + from + " and start it again (its data is not touched)");
  }
}
