package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.core.version.EtcdVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a cluster stands in an upgrade: which members run which version, the cluster version
 * etcd agreed on, and what to run next on which host. Pure: built from a survey and the cluster
 * version, rendered as lines.
 *
 * @param target the version the last upgrade moved to
 */
public record ClusterStanding(Map<EtcdVersion, List<String>> membersByVersion,
    Map<String, String> hostByMember, Optional<EtcdVersion> clusterVersion, EtcdVersion target) {

  public static ClusterStanding of(ClusterReport report, Optional<EtcdVersion> cluster,
      EtcdVersion target) {
    Map<EtcdVersion, List<String>> byVersion = new TreeMap<>();
    Map<String, String> hosts = new TreeMap<>();
    for (MemberStatus m : report.members()) {
      String version = m.reachable() ? m.version() : "";
      byVersion.computeIfAbsent(version.isEmpty() ? EtcdVersion.of(0, 0, 0)
          : EtcdVersion.parse(version, m.displayName()), v -> new ArrayList<>())
          .add(m.displayName());
      hosts.put(m.displayName(), m.clientUrl().isEmpty() ? "?" : URI.create(m.clientUrl())
          .getHost());
    }
    return new ClusterStanding(byVersion, hosts, cluster, target);
  }

  /** True when every member runs {@code target}'s line and the cluster version moved to it. */
  public boolean complete() {
    return membersByVersion.keySet().stream().allMatch(v -> sameLine(v, target))
        && clusterVersion.filter(c -> sameLine(c, target)).isPresent();
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("cluster version " + clusterVersion.map(c -> c.major() + "." + c.minor())
        .orElse("unknown") + "; members: " + membersByVersion.entrySet().stream()
        .map(e -> (e.getKey().major() == 0 ? "unreachable" : e.getKey().toString()) + " ("
            + String.join(", ", e.getValue()) + ")").collect(Collectors.joining(", ")));
    List<String> behind = membersByVersion.entrySet().stream()
        .filter(e -> e.getKey().compareTo(target) < 0).flatMap(e -> e.getValue().stream())
        .toList();
    if (!behind.isEmpty()) {
      lines.add("next: run the same etcd-warden upgrade on "
          + behind.stream().map(n -> n + " (host " + hostByMember.get(n) + ")")
              .collect(Collectors.joining(", then ")) + ", one at a time");
    } else if (!complete()) {
      lines.add("next: every member runs " + target + "; etcd raises the cluster version to "
          + target.major() + "." + target.minor() + " within seconds (check with etcd-warden"
          + " health)");
    } else {
      Optional<EtcdLine> next = target.line().next();
      lines.add("next: the upgrade to " + target.major() + "." + target.minor()
          + " is complete" + next.map(n -> "; the next minor is " + n
              + ", one member at a time, after a fresh verified backup").orElse(""));
    }
    return lines;
  }

  private static boolean sameLine(EtcdVersion a, EtcdVersion b) {
    return a.major() == b.major() && a.minor() == b.minor();
  }
}
