package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Condition 4: the largest member DB against the quota, in percent (etcd raises NOSPACE when a
 * DB reaches its quota, after which writes fail).
 */
final class DbQuota implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    Optional<MemberStatus> largest = ClusterCondition.largest(report,
        MemberStatus::dbSizeBytes);
    if (largest.isEmpty()) {
      return CheckResult.skipped("DB size not known: no member answered");
    }
    long size = largest.get().dbSizeBytes();
    double percent = 100.0 * size / limits.quotaBytes();
    State state = limits.dbUsedPercent().stateOf(percent);
    String summary = String.format(Locale.ROOT, "DB %s is %.1f%% of quota %s (%s)",
        ByteSizes.human(size), percent, ByteSizes.human(limits.quotaBytes()),
        largest.get().displayName());
    return new CheckResult(state, summary, List.of(), List.of(
        Perfdata.of("db_size", size, "B").bounded(0, limits.quotaBytes()),
        Perfdata.of("db_used_pct", percent, "%").with(limits.dbUsedPercent()).bounded(0, 100)),
        List.of());
  }
}
