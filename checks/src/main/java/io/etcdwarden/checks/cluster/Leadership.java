package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.List;

/** Condition 2: a leader exists and every member that answers names the same one. */
final class Leadership implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    var leader = report.agreedLeader();
    Perfdata hasLeader = Perfdata.of("has_leader", leader.isPresent() ? 1 : 0, "");
    if (leader.isPresent()) {
      return CheckResult.of(State.OK, "leader " + leader.get(), hasLeader);
    }
    List<String> named = report.members().stream().filter(MemberStatus::reachable)
        .map(MemberStatus::leaderId).filter(id -> !id.isEmpty()).distinct().toList();
    String why = named.size() > 1 ? "members disagree on the leader (" + String.join(", ", named)
        + ")" : "no leader";
    return CheckResult.of(State.CRITICAL, why, hasLeader);
  }
}
