package io.etcdwarden.backup;

import io.etcdwarden.core.output.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code snapshots verify} as an operator reads it: an OK or FAILED line per archive and a
 * count, or the document {@code {"checked", "sound", "archives": [{"name", "ok", "summary",
 * "revision", "problems": [...]}]}}.
 */
public final class VerificationView implements Printable {
  private final List<Verification> results;

  public VerificationView(List<Verification> results) {
    this.results = List.copyOf(results);
  }

  /** How many archives failed. */
  public long failed() {
    return results.stream().filter(v -> !v.ok()).count();
  }

  @Override
  public String table() {
    StringBuilder out = new StringBuilder();
    for (Verification v : results) {
      out.append(v.ok() ? "OK     " + v.name() + " (" + v.summary() + ")"
          : "FAILED " + v.name() + ": " + String.join("; ", v.problems())).append('\n');
    }
    return out.append(results.size() - failed()).append(" of ").append(results.size())
        .append(" archives sound\n").toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("checked", results.size());
    root.put("sound", results.size() - failed());
    root.put("archives", results.stream().map(VerificationView::archive).toList());
    return root;
  }

  private static Map<String, Object> archive(Verification v) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", v.name());
    row.put("ok", v.ok());
    row.put("summary", v.summary());
    row.put("revision", v.manifest().map(SnapshotManifest::revision).orElse(null));
    row.put("problems", v.problems());
    return row;
  }
}
