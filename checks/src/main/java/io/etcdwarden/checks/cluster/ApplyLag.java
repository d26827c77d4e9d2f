package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.List;
import java.util.Optional;

/** Condition 6: the largest raft index minus applied index over the members that answer. */
final class ApplyLag implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    Optional<MemberStatus> worst = ClusterCondition.largest(report, ApplyLag::lag);
    if (worst.isEmpty()) {
      return CheckResult.skipped("apply lag not known: no member answered");
    }
    long lag = lag(worst.get());
    return new CheckResult(limits.applyLag().stateOf(lag), "apply lag " + lag + " entries ("
        + worst.get().displayName() + ")", List.of(),
        List.of(Perfdata.of("apply_lag", lag, "").with(limits.applyLag()).bounded(0)), List.of());
  }

  static long lag(MemberStatus m) {
    return Math.max(0, m.raftIndex() - m.raftAppliedIndex());
  }
}
