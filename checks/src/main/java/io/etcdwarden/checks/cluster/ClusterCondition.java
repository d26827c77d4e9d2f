package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** One thing {@link ClusterCheck} judges in a survey; pure, so each is unit-tested alone. */
interface ClusterCondition {
  CheckResult evaluate(ClusterReport report, ClusterThresholds limits);

  /** The member that answered with the largest {@code measure}, if any answered. */
  static Optional<MemberStatus> largest(ClusterReport report,
      ToLongFunction<MemberStatus> measure) {
    return report.members().stream().filter(MemberStatus::reachable)
        .max(Comparator.comparingLong(measure));
  }
}
