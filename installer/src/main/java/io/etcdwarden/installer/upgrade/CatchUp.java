package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.install.MemberRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls the cluster, within a deadline, until a restarted member runs the new version, the
 * cluster is healthy and the member's raft index is within {@link UpgradePreflight#MAX_RAFT_LAG}
 * of the leader's; and, once every member runs the new line, until the cluster version follows.
 */
final class CatchUp {
  private static final long POLL_NANOS = Duration.ofMillis(200).toNanos();

  private final UpgradePreflight cluster;

  CatchUp(UpgradePreflight cluster) {
    this.cluster = cluster;
  }

  void await(MemberRecord member, EtcdVersion target, long deadline) {
    String last = "no survey yet";
    while (true) {
      ClusterReport report = cluster.survey();
      Optional<MemberStatus> me = UpgradePreflight.member(report, member.name(),
          member.clientUrl());
      long leaderIndex = report.members().stream().filter(MemberStatus::leader)
          .mapToLong(MemberStatus::raftIndex).max().orElse(0);
      if (me.isEmpty() || !me.get().reachable()) {
        last = member.name() + " does not answer";
      } else if (!me.get().version().equals(target.toString())) {
        throw new WardenException(member.name() + " came back running " + me.get().version()
            + ", not " + target + "; the new binaries are not what they claim");
      } else if (!report.healthy()) {
        last = report.summary();
      } else if (leaderIndex - me.get().raftIndex() > UpgradePreflight.MAX_RAFT_LAG) {
        last = member.name() + " trails the leader by " + (leaderIndex - me.get().raftIndex())
            + " raft entries";
      } else {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new WardenException(member.name() + " did not catch up within --wait: " + last);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /**
   * Where the cluster stands; when every member runs the new line, first waits (at most until
   * the deadline) for etcd to raise the cluster version.
   */
  ClusterStanding standing(MemberRecord member, EtcdVersion target, ClusterVersionProbe probe,
      long deadline) {
    while (true) {
      ClusterReport report = cluster.survey();
      Optional<EtcdVersion> version = clusterVersion(probe, member);
      ClusterStanding standing = ClusterStanding.of(report, version, target);
      boolean allOnTarget = standing.membersByVersion().keySet().stream()
          .allMatch(v -> v.major() == target.major() && v.minor() == target.minor());
      if (!allOnTarget || standing.complete() || System.nanoTime() - deadline > 0) {
        return standing;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private static Optional<EtcdVersion> clusterVersion(ClusterVersionProbe probe,
      MemberRecord member) {
    try {
      return Optional.of(probe.clusterVersion(member.clientUrl()));
    } catch (WardenException e) {
      return Optional.empty();
    }
  }
}
