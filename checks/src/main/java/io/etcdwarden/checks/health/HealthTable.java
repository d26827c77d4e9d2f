package io.etcdwarden.checks.health;

import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ClusterReport} as the table an operator reads in a terminal: one row per
 * member, then the one-line verdict. Pure: returns the text, prints nothing.
 */
public final class HealthTable {
  private static final List<String> HEADER = List.of("NAME", "CLIENT URL", "HEALTHY", "LEADER",
      "VERSION", "DB SIZE", "RAFT TERM", "RAFT INDEX", "ERRORS");

  private HealthTable() {}

  public static String render(ClusterReport report) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (MemberStatus m : report.members()) {
      rows.add(List.of(
          m.displayName() + (m.learner() ? " (learner)" : ""),
          m.clientUrl(),
          m.healthy() ? "true" : "false",
          m.reachable() ? (m.leader() ? "true" : "false") : "-",
          m.reachable() ? m.version() : "-",
          m.reachable() ? ByteSizes.human(m.dbSizeBytes()) : "-",
          m.reachable() ? Long.toString(m.raftTerm()) : "-",
          m.reachable() ? Long.toString(m.raftIndex()) : "-",
          problems(m)));
    }
    return layout(rows) + report.summary() + "\n";
  }

  private static String problems(MemberStatus m) {
    List<String> all = new ArrayList<>();
    m.alarms().forEach(a -> all.add("alarm " + a));
    all.addAll(m.errors());
    if (m.reachable() && m.leaderId().isEmpty()) {
      all.add("no leader");
    }
    return all.isEmpty() ? "-" : String.join("; ", all);
  }

  private static String layout(List<List<String>> rows) {
    int columns = HEADER.size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        line.append(cell);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - cell.length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
