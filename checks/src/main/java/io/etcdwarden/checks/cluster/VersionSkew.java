package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Condition 8: members that answer run more than one etcd version (an unfinished upgrade). */
final class VersionSkew implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    Map<String, List<String>> byVersion = report.members().stream()
        .filter(MemberStatus::reachable)
        .collect(Collectors.groupingBy(MemberStatus::version, TreeMap::new,
            Collectors.mapping(MemberStatus::displayName, Collectors.toList())));
    if (byVersion.size() <= 1) {
      return CheckResult.of(State.OK, "version " + String.join("", byVersion.keySet()));
    }
    String skew = byVersion.entrySet().stream()
        .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
        .collect(Collectors.joining(" vs "));
    return CheckResult.of(State.WARNING, "version skew: " + skew);
  }
}
