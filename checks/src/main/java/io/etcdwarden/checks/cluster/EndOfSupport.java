package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.core.version.EtcdVersion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Condition 9: a member that answers runs an etcd line whose upstream support ended before
 * today (by the injected clock; {@link EtcdLine} holds the dates). WARNING, naming the line, its
 * end date, the members and the line to upgrade to; a version etcd-warden cannot read or a line
 * it does not know gives no verdict here (the version skew condition still shows it).
 */
final class EndOfSupport implements ExtraCondition {
  private final Clock clock;

  EndOfSupport(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CheckResult evaluate(ClusterReport report) {
    LocalDate today = LocalDate.now(clock);
    Map<EtcdLine, List<String>> past = new TreeMap<>();
    for (MemberStatus member : report.members()) {
      if (member.reachable()) {
        line(member.version()).filter(line -> line.pastEndOfSupport(today)).ifPresent(line ->
            past.computeIfAbsent(line, l -> new ArrayList<>()).add(member.displayName()));
      }
    }
    if (past.isEmpty()) {
      return CheckResult.of(State.OK, "no member runs an etcd past its end of support");
    }
    List<String> parts = new ArrayList<>();
    past.forEach((line, members) -> parts.add("etcd " + line + " is past its end of support ("
        + line.endOfSupport().orElseThrow() + ") on " + String.join(", ", members)
        + line.next().map(next -> ": upgrade to " + next).orElse("")));
    return CheckResult.of(State.WARNING, String.join("; ", parts));
  }

  private static Optional<EtcdLine> line(String version) {
    try {
      EtcdVersion parsed = EtcdVersion.parse(version, "member version");
      return EtcdLine.find(parsed.major(), parsed.minor());
    } catch (WardenException e) {
      return Optional.empty();
    }
  }
}
