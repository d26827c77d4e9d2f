package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.List;
import java.util.Optional;

/**
 * Condition 10: the round trip of each member's status call, reported as perfdata
 * ({@code rtt_max} over all members, {@code rtt_<name>} per member), alerting only when the
 * operator gives {@code --rtt-warning}/{@code --rtt-critical}.
 */
final class RoundTrip implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    List<MemberStatus> answered = report.members().stream().filter(MemberStatus::reachable)
        .toList();
    Optional<MemberStatus> slowest = ClusterCondition.largest(report,
        MemberStatus::rttMillis);
    if (slowest.isEmpty()) {
      return CheckResult.skipped("round trip not known: no member answered");
    }
    double seconds = slowest.get().rttMillis() / 1000.0;
    List<Perfdata> perfdata = new java.util.ArrayList<>();
    perfdata.add(Perfdata.of("rtt_max", seconds, "s").with(limits.rttSeconds()).bounded(0));
    for (MemberStatus m : answered) {
      perfdata.add(Perfdata.of("rtt_" + m.displayName(), m.rttMillis() / 1000.0, "s"));
    }
    return new CheckResult(limits.rttSeconds().stateOf(seconds), "slowest status call "
        + slowest.get().rttMillis() + " ms (" + slowest.get().displayName() + ")", List.of(),
        perfdata, List.of());
  }
}
