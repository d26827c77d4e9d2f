package io.etcdwarden.restore;

import io.etcdwarden.core.output.Printable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code snapshots drill} as an operator reads it: one PASS or FAIL line, or the document {@code
 * {"passed", "archive", "expected_revision", "revision", "keys", "checks", "problem",
 * "took_ms"}} ({@code problem} null when it passed).
 */
public final class DrillView implements Printable {
  private final SnapshotDrill.Outcome outcome;

  public DrillView(SnapshotDrill.Outcome outcome) {
    this.outcome = outcome;
  }

  @Override
  public String table() {
    return (outcome.passed() ? "PASS " + outcome.archive() + ": restored into a scratch member in "
        + outcome.took().toMillis() + " ms; " + outcome.checks()
        : "FAIL " + outcome.archive() + ": " + outcome.problem().orElseThrow()) + "\n";
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
    return root;
  }
}
