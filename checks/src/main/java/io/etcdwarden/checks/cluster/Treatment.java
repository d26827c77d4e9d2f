package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.Optional;

/**
 * The etcd-warden command that treats what the check found, as one detail line: NOSPACE is
 * recovered, a DB near its quota is compacted and then defragmented, a fragmented DB is
 * defragmented (rolling, leader last). Decided from the report, like the conditions themselves.
 */
final class Treatment {
  private Treatment() {}

  static Optional<String> of(ClusterReport report, ClusterThresholds limits) {
    if (report.members().stream().anyMatch(m -> m.alarms().contains("NOSPACE"))) {
      return Optional.of("treat: etcd-warden recover nospace");
    }
    long largest = report.members().stream().mapToLong(MemberStatus::dbSizeBytes).max()
        .orElse(0);
    if (limits.dbUsedPercent().stateOf(100.0 * largest / limits.quotaBytes()) != State.OK) {
      return Optional.of("treat: etcd-warden compact, then etcd-warden defrag --all");
    }
    if (report.members().stream().anyMatch(m -> Fragmentation.wantsDefrag(m, limits))) {
      return Optional.of("treat: etcd-warden defrag --all");
    }
    return Optional.empty();
  }
}
