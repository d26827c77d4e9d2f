package io.etcdwarden.restore;

import io.etcdwarden.core.output.Printable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code snapshots drill} as an operator reads it: one PASS or FAIL line, or the document {@code
 * {"passed", "archive", "expected_revision", "revision", "keys", "checks", "problem",
 * "took_ms", "members", "rto_seconds", "rto_healthy_seconds"}} ({@code problem} null when it
 * passed, a recovery time null when the drill did not get that far).
 */
public final class DrillView implements Printable {
  private final SnapshotDrill.Outcome outcome;
  private final int members;
  private final String perfdata;

  /**
   * {@code members}: how many scratch members the drill rebuilt; {@code perfdata}: what ends
   * the PASS or FAIL line (the recovery times as Nagios perfdata, {@code " | ..."}, or empty).
   */
  public DrillView(SnapshotDrill.Outcome outcome, int members, String perfdata) {
    this.outcome = outcome;
    this.members = members;
    this.perfdata = perfdata;
  }

  @Override
  public String table() {
    return (outcome.passed() ? "PASS " + outcome.archive() + ": restored into " + (members == 1
        ? "a scratch member" : "a scratch " + members + "-member cluster") + " in "
        + outcome.took().toMillis() + " ms; " + outcome.checks()
        : "FAIL " + outcome.archive() + ": " + outcome.problem().orElseThrow()) + perfdata + "\n";
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("passed", outcome.passed());
    root.put("archive", outcome.archive());
    root.put("expected_revision", outcome.expectedRevision());
    root.put("revision", outcome.revision());
    root.put("keys", outcome.keys());
    root.put("checks", outcome.checks());
    root.put("problem", outcome.problem().orElse(null));
    root.put("took_ms", outcome.took().toMillis());
    root.put("members", members);
    root.put("rto_seconds", outcome.rto().map(d -> d.toMillis() / 1000.0).orElse(null));
    root.put("rto_healthy_seconds", outcome.rtoHealthy().map(d -> d.toMillis() / 1000.0)
        .orElse(null));
    return root;
  }
}
