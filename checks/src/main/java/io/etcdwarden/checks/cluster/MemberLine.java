package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.core.cluster.MemberStatus;

/**
 * One member as a detail line of the plugin's long output, e.g.
 * {@code etcd0 8e9e05c52164694d: up leader v3.4.23 db 20.0 KiB lag 0 rtt 3 ms} or
 * {@code etcd2 fd422379fda50e48: DOWN connection refused}.
 */
final class MemberLine {
  private MemberLine() {}

  static String render(MemberStatus m) {
    String who = m.displayName() + (m.memberId().isEmpty() ? "" : " " + m.memberId());
    if (!m.reachable()) {
      return who + ": DOWN " + String.join("; ", m.errors());
    }
    StringBuilder line = new StringBuilder(who).append(": up");
    line.append(m.leader() ? " leader" : m.learner() ? " learner" : " follower");
    line.append(" v").append(m.version());
    line.append(" db ").append(ByteSizes.human(m.dbSizeBytes()));
    line.append(" lag ").append(ApplyLag.lag(m));
    line.append(" rtt ").append(m.rttMillis()).append(" ms");
    if (!m.alarms().isEmpty()) {
      line.append(" ALARM ").append(String.join(",", m.alarms()));
    }
    if (!m.errors().isEmpty()) {
      line.append(" errors: ").append(String.join("; ", m.errors()));
    }
    return line.toString();
  }
}
