package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.List;
import java.util.Locale;

/**
 * Condition 5: a member whose DB is mostly free pages (in use below the ratio, default 50 %,
 * while more than the floor, default 100 MiB, is in use) wants a defragmentation.
 */
final class Fragmentation implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    List<MemberStatus> fragmented = report.members().stream()
        .filter(m -> wantsDefrag(m, limits)).toList();
    if (fragmented.isEmpty()) {
      return CheckResult.of(State.OK, "no member needs defragmenting");
    }
    MemberStatus worst = fragmented.get(0);
    return CheckResult.of(State.WARNING, String.format(Locale.ROOT,
        "defragment %s: %s of %s in use", MemberQuorum.names(fragmented),
        ByteSizes.human(worst.dbSizeInUseBytes()), ByteSizes.human(worst.dbSizeBytes())));
  }

  /** Mostly free pages while more than the floor is in use. */
  static boolean wantsDefrag(MemberStatus m, ClusterThresholds limits) {
    return m.reachable() && m.dbSizeBytes() > 0
        && m.dbSizeInUseBytes() > limits.fragmentationFloorBytes()
        && (double) m.dbSizeInUseBytes() / m.dbSizeBytes() < limits.minInUseRatio();
  }
}
