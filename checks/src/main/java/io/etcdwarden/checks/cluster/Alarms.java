package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Condition 3: an active alarm (NOSPACE, CORRUPT) or errors reported by a member that answers
 * are CRITICAL. etcdctl 3.4's {@code endpoint health} misses NOSPACE; this does not. When the
 * alarm list could not be read the result is UNKNOWN, never a silent "no alarms".
 */
final class Alarms implements ClusterCondition {

  @Override
  public CheckResult evaluate(ClusterReport report, ClusterThresholds limits) {
    List<CheckResult> results = new ArrayList<>();
    int alarms = 0;
    for (MemberStatus m : report.members()) {
      alarms += m.alarms().size();
      if (!m.alarms().isEmpty()) {
        results.add(CheckResult.of(State.CRITICAL, "alarm " + String.join(",", m.alarms())
            + " on " + m.displayName()));
      }
      if (m.reachable() && !m.errors().isEmpty()) {
        results.add(CheckResult.of(State.CRITICAL, m.displayName() + " reports "
            + String.join(", ", m.errors())));
      }
    }
    if (!report.alarmsKnown()) {
      results.add(CheckResult.of(State.UNKNOWN, report.alarmListError()));
    }
    List<Perfdata> perfdata = report.alarmsKnown()
        ? List.of(Perfdata.of("alarms", alarms, "").bounded(0)) : List.of();
    return new CheckResult(State.OK, alarms + " alarms", List.of(), perfdata, results);
  }
}
