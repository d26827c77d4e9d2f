package io.etcdwarden.backup;

import io.etcdwarden.core.output.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code snapshots prune} as an operator reads it: one kept/deleted line per archive with the
 * reason, or the document {@code {"dry_run", "archives": [{"name", "kept", "reason"}]}} (with
 * {@code dry_run} true, archives not kept were not deleted).
 */
public final class PruneView implements Printable {
  private final List<PruneDecision> decisions;
  private final boolean dryRun;

  public PruneView(List<PruneDecision> decisions, boolean dryRun) {
    this.decisions = List.copyOf(decisions);
    this.dryRun = dryRun;
  }

  @Override
  public String table() {
    String deleted = dryRun ? "would delete" : "deleted";
    StringBuilder out = new StringBuilder();
    for (PruneDecision d : decisions) {
      out.append(d.kept() ? "kept         " : String.format("%-13s", deleted)).append(d.name())
          .append(" (").append(d.reason().text()).append(")\n");
    }
    return out.toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dry_run", dryRun);
    root.put("archives", decisions.stream().map(d -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", d.name());
      row.put("kept", d.kept());
      row.put("reason", d.reason().text());
      return row;
    }).toList());
    return root;
  }
}
