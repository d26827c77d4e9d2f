package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.config.InstalledConfig;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.release.ReleaseInstaller;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every check {@code upgrade} makes before it changes anything: the member is installed here and
 * its config can be rendered again, the new binaries are sound and say which version they are,
 * the cluster is healthy with every member voting and caught up with the leader, {@link
 * UpgradeRules} allow the step, and the {@link BackupRequirement} finds (or takes) a verified archive.
 * Any failure is one line and leaves the host as it was.
 */
public final class UpgradePreflight {
  /** How far (raft entries) a member may trail the leader and still count as caught up. */
  public static final long MAX_RAFT_LAG = 1000;

  private final EtcdClients clients;

  public UpgradePreflight(EtcdClients clients) {
    this.clients = clients;
  }

  public UpgradePlan check(UpgradeRequest request, BackupRequirement backup) {
    MemberLayout layout = new MemberLayout(request.dataDir());
    MemberRecord record = MemberRecord.load(layout);
    EtcdMemberConfig installed = InstalledConfig.read(layout.configFile());
    EtcdVersion target;
    String binaries;
    if (request.release() != null) {
      String version = new ReleaseInstaller().inspect(request.release(), request.releaseSha256());
      target = EtcdVersion.parse(version, "release tarball " + request.release());
      binaries = request.release().getFileName() + " unpacked into "
          + request.prefix().toAbsolutePath().resolve("etcd-" + version) + ", "
          + request.prefix().toAbsolutePath().resolve(ReleaseInstaller.CURRENT)
          + " switched to it";
    } else {
      target = BinaryVersion.of(request.etcdBinDir().resolve("etcd"));
      binaries = "etcd " + target + " from " + request.etcdBinDir().toAbsolutePath();
    }
    ClusterReport report = survey();
    requireHealthyAndCaughtUp(report);
    Map<String, EtcdVersion> versions = new LinkedHashMap<>();
    for (MemberStatus m : report.members()) {
      versions.put(m.displayName(), EtcdVersion.parse(m.version(), m.displayName() + " version"));
    }
    EtcdVersion cluster = new ClusterVersionProbe(clients.target())
        .clusterVersion(record.clientUrl());
    MemberStatus me = member(report, record.name(), record.clientUrl()).orElseThrow(() ->
        new WardenException("upgrade refused: " + record.name() + " (" + record.clientUrl()
            + ") is not among the cluster's members " + versions.keySet() + "; check"
            + " --endpoints"));
    Optional<String> refusal = UpgradeRules.refusal(me.displayName(), target, versions, cluster);
    if (refusal.isPresent()) {
      throw WardenException.badInput("upgrade refused: " + refusal.get());
    }
    if (!target.line().replaysV2WalEntries()) {
      requireNoV2Entries(record.name(), installed, target);
    }
    String backupLine = backup.require(request.dryRun());
    return new UpgradePlan(layout, record, versions.get(me.displayName()), target, cluster,
        binaries, backupLine);
  }

  ClusterReport survey() {
    return new ClusterSurvey(clients, clients.target(), Clock.systemUTC()).survey();
  }

  private static void requireHealthyAndCaughtUp(ClusterReport report) {
    if (!report.healthy()) {
      throw new WardenException("upgrade refused: the cluster is not healthy (" + report.summary()
          + "); upgrade only a healthy cluster");
    }
    for (MemberStatus m : report.members()) {
      if (m.learner()) {
        throw new WardenException("upgrade refused: " + m.displayName() + " is a learner, not a"
            + " voting member; promote it (or remove it) first");
      }
    }
    long leaderIndex = report.members().stream().filter(MemberStatus::leader)
        .mapToLong(MemberStatus::raftIndex).max().orElse(0);
    for (MemberStatus m : report.members()) {
      if (leaderIndex - m.raftIndex() > MAX_RAFT_LAG) {
        throw new WardenException("upgrade refused: " + m.displayName() + " trails the leader by "
            + (leaderIndex - m.raftIndex()) + " raft entries (more than " + MAX_RAFT_LAG
            + "); wait until it has caught up");
      }
    }
  }

  private static void requireNoV2Entries(String name, EtcdMemberConfig config,
      EtcdVersion target) {
    long v2 = WalV2Entries.afterNewestSnapshot(config.dataDir());
    if (v2 > 0) {
      throw new WardenException("upgrade refused: " + name + "'s write-ahead log still holds " + v2
          + " entries in the v2 format of etcd 3.5 after its newest raft snapshot, and etcd "
          + target + " cannot replay them; they are gone once the member saves its next snapshot"
          + " (every snapshot-count = " + config.snapshotCount() + " entries): wait, or lower"
          + " snapshot-count in etcd.yaml, restart the member and let it write that many");
    }
  }

  /** The member of {@code report} whose client URL is {@code url}, if it answered. */
  static Optional<MemberStatus> member(ClusterReport report, String name, URI url) {
    return report.members().stream().filter(m -> m.name().equals(name)
        || m.clientUrl().equals(url.toString())).findFirst();
  }
}
